import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import {
  businessDate,
  decisionRecorderRoles,
  meetingKindLabels,
  meetingKinds,
  recordDecisionInputSchema,
  yuan,
} from '@shishi/shared-types';
import {
  AppButton,
  ChipGroup,
  Empty,
  ErrorBlock,
  FormField,
  Loading,
  Notice,
  TextField,
  optionsOf,
} from '../../../../components';
import { RoleOnly } from '../../../../features/profile';
import { maxLen } from '../../../../features/project/actions/limits';
import { DateInput } from '../../../../features/project/actions/ui';
import { refusalFor, stillNeeded, useDecision } from '../../../../features/project/forms/useDecision';
import '../../../../components/ChipGroup/index.scss';
import '../../../../components/FormField/index.scss';
import '../../../../features/project/forms/decision.scss';
import { withFontScale } from '../../../../components/FontScale';

const kindOptions = optionsOf(meetingKinds, meetingKindLabels);

/** 记录审定会议 (调查研究室, 第五条（四）): the meeting, its resolution and the projects it decided. */
function DecisionPage() {
  return (
    <RoleOnly allowed={(r) => decisionRecorderRoles.includes(r)} refusal="审定会议由市总工会调查研究室记录。">
      {() => <Decision />}
    </RoleOnly>
  );
}

function Decision() {
  const { waiting, form, toggle, pickKind, submit } = useDecision(businessDate(new Date()));
  usePullDownRefresh(() => {
    void waiting.refresh().finally(() => void Taro.stopPullDownRefresh());
  });
  const v = form.values;
  const items = waiting.data?.items ?? [];

  return (
    <View className="page cd" id="cd-page">
      <Text className="page-intro">
        市级项目依次经党组会、常委会审议，再提交全委会；扶助区市县和产业工会的项目由市总党组会审定。在这里记录会议和决议，不在系统里投票。
      </Text>
      {form.formError ? <Notice id="cd-error" text={form.formError} /> : null}
      <FormField label="会议" error={form.errors.meetingKind} id="cd-kind">
        <ChipGroup idPrefix="cd-kind" options={kindOptions} value={v.meetingKind} onChange={pickKind} />
      </FormField>
      <FormField label="会议日期" error={form.errors.meetingDate} id="cd-date">
        <DateInput id="cd-date-input" value={v.meetingDate} onChange={(d) => form.setField('meetingDate', d)} />
      </FormField>
      <TextField
        id="cd-resolution"
        label="会议决议"
        multiline
        className="cd-resolution"
        maxlength={maxLen(recordDecisionInputSchema.shape.resolution)}
        placeholder="例如：审议通过以下项目，列入 2027 年度全市工会为职工办实事项目。"
        {...form.text('resolution')}
      />

      <View className="cd-list-head">
        <Text className="section-title" id="cd-total">
          已提交审定的项目（{waiting.data ? `${waiting.data.total} 个` : '…'}）
        </Text>
        <Text className="cd-selected" id="cd-selected-count">
          已选 {v.projectIds.length} 个
        </Text>
      </View>
      {form.errors.projectIds ? (
        <Text className="cd-error" id="cd-projects-error">
          {form.errors.projectIds}
        </Text>
      ) : null}
      {waiting.error ? (
        <ErrorBlock error={waiting.error} onRetry={waiting.reload} />
      ) : waiting.loading || !waiting.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <View id="cd-empty">
          <Empty text="现在没有等待审定的项目。归口管理部门论证通过并“提交审定”后，项目会出现在这里。" />
        </View>
      ) : (
        <View id="cd-list">
          {items.map((w) => {
            const p = w.project;
            const refusal = refusalFor(w, v.meetingKind);
            const on = v.projectIds.includes(p._id);
            return (
              <View
                key={p._id}
                id={`cd-project-${p._id}`}
                className={`cd-card ${on ? 'cd-card--on' : ''} ${refusal ? 'cd-card--off' : ''}`}
                onClick={refusal ? undefined : () => toggle(p._id)}
              >
                <View className="cd-card__box">
                  <Text>{on ? '✓' : ''}</Text>
                </View>
                <View className="cd-card__body">
                  <Text className="cd-card__title">{p.title}</Text>
                  <Text className="cd-card__meta">
                    {p.levelLabel} · {p.orgName} · 总预算 {yuan(p.staff?.money.totalBudgetFen ?? 0)}
                    {p.staff && p.staff.money.subsidyFen > 0 ? ` · 扶助 ${yuan(p.staff.money.subsidyFen)}` : ''}
                  </Text>
                  {w.done.length > 0 ? (
                    <Text className="cd-card__done" id={`cd-project-${p._id}-done`}>
                      已审议：{w.done.map((m) => meetingKindLabels[m]).join('、')}
                    </Text>
                  ) : null}
                  <Text className="cd-card__needs" id={`cd-project-${p._id}-needs`}>
                    {stillNeeded(w)}
                  </Text>
                  {refusal ? (
                    <Text className="cd-card__refusal" id={`cd-project-${p._id}-refusal`}>
                      {refusal}
                    </Text>
                  ) : null}
                </View>
              </View>
            );
          })}
        </View>
      )}

      <View className="cd-bar">
        <AppButton
          id="cd-submit"
          kind="primary"
          block
          loading={form.busy}
          busyText="正在记录…"
          onClick={() => void submit()}
        >
          {v.projectIds.length > 0 ? `记录审定结果（${v.projectIds.length} 个项目）` : '记录审定结果'}
        </AppButton>
      </View>
    </View>
  );
}

export default withFontScale(DecisionPage);
