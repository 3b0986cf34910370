import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { decideSignalInputSchema, type SignalView } from '@shishi/shared-types/src/contracts/kpi';
import { kpiSignalLabels, kpiSignals, type KpiSignal } from '@shishi/shared-types/src/rules/kpi';
import { publicStatuses } from '@shishi/shared-types/src/rules/project';
import type { ProjectStatus } from '@shishi/shared-types';
import { AppButton, Badge, ChipGroup, TextField } from '../../components';
import { useFormState } from '../../hooks/useFormState';
import { formatChineseDate } from '../../utils/dates';
import { toastSuccess } from '../../utils/feedback';
import { decideSignal } from './api';
import { percentText, signalTone } from './format';

interface Props {
  projectId: string;
  /** Signals are decided once the project is published (发布实施). */
  status: ProjectStatus;
  signal: SignalView;
  canDecide: boolean;
  onDecided: (signal: SignalView) => void;
}

type Mode = 'accept' | 'override';

/** The signal with the figures and thresholds behind it, what staff decided, and 采纳 / 调整 for those with rights. */
export function SignalPanel({ projectId, status, signal: s, canDecide: mayDecide, onDecided }: Props) {
  const canDecide = mayDecide && publicStatuses.includes(status);
  // 数据不足 is no signal to accept: staff may only set one, with a reason.
  const canAccept = s.computed !== 'insufficient';
  const [mode, setMode] = useState<Mode | null>(null);
  const form = useFormState<{ reason: string; signal: KpiSignal | undefined }>({ reason: '', signal: undefined });
  const t = s.thresholds;
  const options = kpiSignals
    .filter((k) => k !== s.computed && k !== 'insufficient')
    .map((k) => ({ value: k, label: kpiSignalLabels[k] }));

  const open = (m: Mode) => {
    setMode(m);
    form.setValues({ reason: '', signal: undefined });
    form.setErrors({});
    form.setFormError(null);
  };

  const submit = () => {
    if (!mode) return;
    const input = form.check(
      decideSignalInputSchema.safeParse({
        projectId,
        decision: mode,
        reason: form.values.reason.trim(),
        ...(mode === 'override' ? { signal: form.values.signal } : {}),
      }),
    );
    if (!input) return;
    void form.send(async () => {
      const next = await decideSignal(input);
      setMode(null);
      toastSuccess(mode === 'accept' ? '已采纳' : '已调整');
      onDecided(next);
    });
  };

  return (
    <View className="kpi-signal" id="kpi-signal">
      <View className="kpi-signal__head">
        <Text className="kpi__subtitle">信号</Text>
        <View id="kpi-signal-effective">
          <Badge label={s.effectiveLabel} tone={signalTone(s.effective)} />
        </View>
      </View>
      <Text className="kpi-signal__line" id="kpi-signal-figures">
        满意率 {percentText(s.satisfiedPercent)}（{s.ratings} 人评价） · 直接服务目标完成率{' '}
        {percentText(s.servedPercent)}
      </Text>
      {s.reasons.map((r, i) => (
        <Text key={r} className="kpi-signal__reason" id={`kpi-signal-reason-${i}`}>
          · {r}
        </Text>
      ))}
      <Text className="kpi__source" id="kpi-signal-thresholds">
        阈值（{s.thresholdsOrg ? `${s.thresholdsOrg.name}设定` : '默认值'}）：满意率 ≥ {t.expandSatisfaction}% 且完成率
        ≥ {t.expandServed}% 为加大扶助；满意率 &lt; {t.scaleBackSatisfaction}% 或完成率 &lt; {t.scaleBackServed}%
        为逆向调整；评价少于 {t.minRatings} 人为数据不足。
      </Text>
      {s.decision ? (
        <View className="kpi-signal__decision" id="kpi-signal-decision">
          <Text className="kpi-signal__line">
            {s.decision.decision === 'accept' ? '已采纳' : '已调整为'}“{s.decision.signalLabel}” · {s.decision.byName} ·{' '}
            {formatChineseDate(s.decision.at)}
          </Text>
          <Text className="kpi__source">理由：{s.decision.reason}</Text>
          {s.decision.decision === 'override' ? (
            <Text className="kpi__source">按数字计算的信号：{s.computedLabel}</Text>
          ) : null}
          {s.stale ? (
            <Text className="kpi-signal__stale" id="kpi-signal-stale">
              数字已经变了，按现在的数字计算是“{s.computedLabel}”，请重新确认。
            </Text>
          ) : null}
        </View>
      ) : (
        <Text className="kpi__source" id="kpi-signal-undecided">
          工作人员还没有确认这个信号。
        </Text>
      )}
      {canDecide && mode === null ? (
        <View className="kpi-signal__buttons">
          {canAccept ? (
            <AppButton id="kpi-signal-accept" className="kpi-signal__btn" onClick={() => open('accept')}>
              采纳“{s.computedLabel}”
            </AppButton>
          ) : null}
          <AppButton id="kpi-signal-override" className="kpi-signal__btn" onClick={() => open('override')}>
            调整
          </AppButton>
        </View>
      ) : null}
      {mayDecide && !canDecide ? (
        <Text className="kpi__source" id="kpi-signal-not-yet">
          项目发布实施后，可以在这里采纳或调整信号。
        </Text>
      ) : null}
      {canDecide && mode !== null ? (
        <View className="kpi-signal__form" id="kpi-signal-form">
          {mode === 'override' ? (
            <View>
              <Text className="kpi__subtitle">调整为</Text>
              <ChipGroup
                idPrefix="kpi-signal-choice"
                options={options}
                value={form.values.signal}
                onChange={(v) => form.setField('signal', v)}
              />
              {form.errors.signal ? (
                <Text className="kpi-signal__error" id="kpi-signal-choice-error">
                  {form.errors.signal}
                </Text>
              ) : null}
            </View>
          ) : (
            <Text className="kpi-signal__line">采纳按数字计算的信号“{s.computedLabel}”。</Text>
          )}
          <TextField
            id="kpi-signal-reason"
            label="理由"
            multiline
            maxlength={500}
            placeholder={
              mode === 'accept' ? '例如：座谈会上职工反映良好，与数字一致' : '例如：受场地限制，明年维持现有规模'
            }
            {...form.text('reason')}
          />
          {form.formError ? (
            <Text className="kpi-signal__error" id="kpi-signal-form-error">
              {form.formError}
            </Text>
          ) : null}
          <View className="kpi-signal__buttons">
            <AppButton
              id="kpi-signal-submit"
              kind="primary"
              className="kpi-signal__btn"
              loading={form.busy}
              onClick={submit}
            >
              确定
            </AppButton>
            <AppButton
              id="kpi-signal-cancel"
              className="kpi-signal__btn"
              disabled={form.busy}
              onClick={() => setMode(null)}
            >
              取消
            </AppButton>
          </View>
        </View>
      ) : null}
    </View>
  );
}
