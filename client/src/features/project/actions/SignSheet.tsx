import { View, Text } from '@tarojs/components';
import { formatDateTime, signInputSchema, signStepLabels, type Project, type ProjectForm } from '@shishi/shared-types';
import { AppButton, FormField, Notice, TextField } from '../../../components';
import { Sheet } from '../../../components/Sheet';
import { useFormState } from '../../../hooks/useFormState';
import { toastSuccess } from '../../../utils/feedback';
import { filedRows } from '../forms/rows';
import { signForm } from './api';
import { maxLen } from './limits';
import { Rows, TickBox } from './ui';

const opinionMax = maxLen(signInputSchema.shape.opinion);

/** The opinions already recorded on a form, in order (申报单位 → 归口管理部门 → 分管领导). */
export function Opinions({ form, id }: { form: ProjectForm; id?: string }) {
  if (form.signatures.length === 0) {
    return (
      <Text className="pa-explain" id={id}>
        还没有人签署意见。
      </Text>
    );
  }
  return (
    <View className="pa-opinions" id={id}>
      {form.signatures.map((s, i) => (
        <View key={i} className={`pa-opinion ${s.decision === 'return' ? 'pa-opinion--return' : ''}`}>
          <View className="pa-opinion__head">
            <Text className="pa-opinion__step">{signStepLabels[s.step]}</Text>
            <Text className="pa-opinion__decision">{s.decision === 'approve' ? '同意' : '退回'}</Text>
          </View>
          <Text className="pa-opinion__text">{s.opinion}</Text>
          <Text className="pa-opinion__meta">
            {s.byName} · {formatDateTime(s.at)}
            {s.step === 'unit' && s.sealConfirmed ? ' · 已加盖单位公章' : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}

interface SignSheetProps {
  project: Project;
  form: ProjectForm;
  onClose: () => void;
  onDone: () => void;
}

/** 签署意见: the form as filed, the opinions so far, then 同意 / 退回 with an opinion (and the seal at the unit step). */
export function SignSheet({ project, form: filed, onClose, onDone }: SignSheetProps) {
  const step = filed.pending?.step ?? 'unit';
  const unitStep = step === 'unit';
  const form = useFormState({
    decision: undefined as 'approve' | 'return' | undefined,
    opinion: '',
    sealConfirmed: false,
  });
  const v = form.values;

  const submit = async () => {
    if (!v.decision) {
      form.setErrors({ decision: '请选择同意或退回' });
      return;
    }
    if (v.decision === 'approve' && unitStep && !v.sealConfirmed) {
      form.setErrors({ sealConfirmed: '同意前请确认纸质表上已加盖单位公章' });
      return;
    }
    const checked = form.check(
      signInputSchema.safeParse({
        formId: filed._id,
        decision: v.decision,
        opinion: v.opinion,
        sealConfirmed: unitStep ? v.sealConfirmed : false,
      }),
    );
    if (!checked) return;
    await form.send(async () => {
      await signForm(checked);
      toastSuccess(v.decision === 'approve' ? '已签署同意' : '已退回');
      onDone();
    });
  };

  return (
    <Sheet
      open
      id="pa-sign-sheet"
      title={`签署${filed.kindLabel}`}
      onClose={onClose}
      footer={
        <AppButton
          id="pa-sign-confirm"
          kind="primary"
          block
          loading={form.busy}
          busyText="正在提交…"
          onClick={() => void submit()}
        >
          {v.decision === 'return' ? '确认退回' : v.decision === 'approve' ? '确认同意' : '提交意见'}
        </AppButton>
      }
    >
      <Text className="sheet-lead">
        {project.title} · 第 {filed.version} 版
      </Text>
      <Text className="sheet-fact">
        {filed.submittedByName} 于 {formatDateTime(filed.submittedAt)} 提交
      </Text>
      <Rows id="pa-sign-rows" rows={filedRows(filed, project)} />
      <Text className="pa-subtitle">已签署的意见</Text>
      <Opinions form={filed} id="pa-sign-history" />
      <Text className="pa-subtitle">您的意见：{signStepLabels[step]}</Text>
      {form.formError ? <Notice id="pa-sign-error" text={form.formError} /> : null}
      <FormField label="签署" error={form.errors.decision} id="pa-sign-decision">
        <View className="ui-chips">
          <View
            id="pa-sign-approve"
            className={`ui-chip ${v.decision === 'approve' ? 'ui-chip--selected' : ''}`}
            onClick={() => form.setField('decision', 'approve')}
          >
            <Text>同意</Text>
          </View>
          <View
            id="pa-sign-return"
            className={`ui-chip ${v.decision === 'return' ? 'ui-chip--selected' : ''}`}
            onClick={() => form.setField('decision', 'return')}
          >
            <Text>退回</Text>
          </View>
        </View>
        {v.decision === 'return' ? (
          <Text className="pa-explain">退回后申报单位修改，再作为新版本重新提交，从申报单位意见重新签起。</Text>
        ) : null}
      </FormField>
      <TextField
        id="pa-sign-opinion"
        label="意见"
        multiline
        fixed
        className="pj-textarea"
        maxlength={opinionMax}
        placeholder={v.decision === 'return' ? '请写明退回的原因和要修改的地方' : '例如：同意申报。'}
        {...form.text('opinion')}
      />
      {unitStep ? (
        <>
          <TickBox id="pa-sign-seal" checked={v.sealConfirmed} onChange={(c) => form.setField('sealConfirmed', c)}>
            纸质表已加盖单位公章
          </TickBox>
          {form.errors.sealConfirmed ? (
            <Text className="pa-field-error" id="pa-sign-seal-error">
              {form.errors.sealConfirmed}
            </Text>
          ) : null}
        </>
      ) : null}
    </Sheet>
  );
}
