import { Text } from '@tarojs/components';
import { WEIGHTS_TOTAL, type Weights } from '@shishi/shared-types';
import { AppButton, Notice, TextField } from '../../../../components';
import { Sheet } from '../../../../components/Sheet';
import { useWeightsForm } from './hooks';
import type { WindowSheetProps } from './types';
import './admin.scss';

const fields: { key: keyof Weights; label: string; hint: string }[] = [
  { key: 'concentration', label: '意愿最集中', hint: '提出和附议的人数（自动计算）' },
  { key: 'urgency', label: '需求最迫切', hint: '工作人员按 1–5 分评定' },
  { key: 'feasibility', label: '最具备办结条件', hint: '工作人员按 1–5 分评定' },
];

/** 调整权重: how much each criterion counts in the ranking of this window. */
export function WeightsSheet({ window, onClose, onSaved }: WindowSheetProps) {
  const form = useWeightsForm(window, onSaved);
  const total = fields.reduce((sum, f) => sum + (Number(form.values[f.key]) || 0), 0);
  return (
    <Sheet
      open
      id="weights-sheet"
      title="评分权重"
      onClose={onClose}
      footer={
        <AppButton
          id="weights-save"
          kind="primary"
          block
          loading={form.busy}
          busyText="正在保存…"
          onClick={() => void form.save()}
        >
          保存权重
        </AppButton>
      }
    >
      <Text className="sheet-lead">{window.title}</Text>
      {form.formError || form.errors['(root)'] ? (
        <Notice id="weights-error" text={form.formError ?? form.errors['(root)'] ?? ''} />
      ) : null}
      {fields.map((f) => (
        <TextField
          key={f.key}
          id={`weights-${f.key}`}
          label={f.label}
          type="number"
          error={form.errors[f.key]}
          value={form.values[f.key]}
          maxlength={3}
          onInput={(v) => form.setField(f.key, v)}
        >
          <Text className="muted window-form__hint">{f.hint}</Text>
        </TextField>
      ))}
      <Text
        className={`window-form__hint ${total === WEIGHTS_TOTAL ? 'muted' : 'window-form__hint--off'}`}
        id="weights-total"
      >
        合计 {total}
        {total === WEIGHTS_TOTAL ? '' : `，要正好等于 ${WEIGHTS_TOTAL}`}。综合得分 = 各项得分按权重加权平均（0–100
        分）。
      </Text>
    </Sheet>
  );
}
