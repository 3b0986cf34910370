/** Filling 附件2/3/4: the rows from the record read-only, then the applicant's own fields, then submit. */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  businessDate,
  formatDateTime,
  formKindLabels,
  signStepLabels,
  submitFormInputSchema,
  type FormKind,
  type Project,
  type ProjectForm,
} from '@shishi/shared-types';
import { AppButton, FormField, Notice, TextField } from '../../../components';
import { useFormState } from '../../../hooks/useFormState';
import { toastSuccess } from '../../../utils/feedback';
import { askToSubscribe } from '../../../services/subscribe';
import { submitForm } from '../actions/api';
import { maxDigits, maxLen } from '../actions/limits';
import { parseCount } from '../actions/money';
import { DateInput, Rows } from '../actions/ui';
import { Opinions } from '../actions/SignSheet';
import { derivedRows, detailRows, filedRows, formFieldSpecs, returningSignature } from './rows';

type Values = Record<string, string>;

function initialValues(kind: FormKind, from: ProjectForm | null): Values {
  const out: Values = {};
  for (const spec of formFieldSpecs[kind]) {
    const v = from?.fields[spec.key];
    out[spec.key] = v === undefined || v === null ? '' : String(v);
  }
  if (!out.fillDate) out.fillDate = businessDate(new Date());
  return out;
}

/** The returned version's opinion, shown above a resubmission. */
export function ReturnedNote({ form }: { form: ProjectForm }) {
  const back = returningSignature(form);
  return (
    <View className="pf-returned" id="pf-returned">
      <Text className="pf-returned__title">第 {form.version} 版被退回了</Text>
      {back ? (
        <>
          <Text className="pf-returned__who">
            {signStepLabels[back.step]} · {back.byName} · {formatDateTime(back.at)}
          </Text>
          <Text className="pf-returned__opinion" id="pf-returned-opinion">
            {back.opinion}
          </Text>
        </>
      ) : null}
      <Text className="pf-returned__next">
        按意见修改后重新提交，会作为第 {form.version + 1} 版，从申报单位意见重新签起。
      </Text>
    </View>
  );
}

interface FormFillProps {
  project: Project;
  kind: FormKind;
  /** The latest filing of this kind (a returned one is the starting point of the new version). */
  latest: ProjectForm | null;
}

export function FormFill({ project, kind, latest }: FormFillProps) {
  const form = useFormState<Values>(() => initialValues(kind, latest?.status === 'returned' ? latest : null));
  const specs = formFieldSpecs[kind];
  const nextVersion = latest ? latest.version + 1 : 1;

  const submit = async () => {
    const fields: Record<string, unknown> = {};
    const errs: Record<string, string> = {};
    for (const spec of specs) {
      const raw = form.values[spec.key] ?? '';
      if (spec.input === 'count' || spec.input === 'percent') {
        const c = parseCount(raw, spec.label.replace(/（.*）$/, ''));
        if (!c.ok) errs[`fields.${spec.key}`] = c.message;
        else if (c.value !== undefined) fields[spec.key] = c.value;
      } else if (raw.trim() !== '') fields[spec.key] = raw;
    }
    if (Object.keys(errs).length > 0) {
      form.setErrors(errs);
      return;
    }
    const checked = form.check(submitFormInputSchema.safeParse({ projectId: project._id, kind, fields }));
    if (!checked) {
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
      return;
    }
    // Still inside the tap: WeChat asks for the 项目报送提醒 subscription only from a tap (the mid-term
    // reminders 7 days and 1 day before go out as a subscribe message where it is granted).
    if (kind !== 'acceptance') void askToSubscribe('projectDeadline');
    await form.send(
      async () => {
        await submitForm(checked);
        toastSuccess('已提交');
        setTimeout(() => void Taro.navigateBack(), 800);
      },
      { page: true },
    );
  };

  return (
    <View id="pf-fill">
      {latest?.status === 'returned' ? <ReturnedNote form={latest} /> : null}
      {form.formError ? <Notice id="pf-error" text={form.formError} /> : null}
      <Text className="section-title">以下内容取自可行性研究报告和资金台账（不在这里修改）</Text>
      <Rows id="pf-rows" rows={derivedRows(kind, project)} />
      <Text className="section-title">请填写</Text>
      {specs.map((spec) => {
        const err = form.errors[`fields.${spec.key}`] ?? form.errors[spec.key];
        const value = form.values[spec.key] ?? '';
        const onInput = (v: string) => form.setField(spec.key, v);
        if (spec.input === 'date') {
          return (
            <FormField key={spec.key} label={spec.label} error={err} id={`pf-${spec.key}`}>
              <DateInput id={`pf-${spec.key}-input`} value={value} onChange={onInput} />
            </FormField>
          );
        }
        return (
          <TextField
            key={spec.key}
            id={`pf-${spec.key}`}
            label={spec.label}
            optional={spec.optional}
            multiline={spec.input === 'longText'}
            className={spec.input === 'longText' ? 'pj-textarea--tall' : undefined}
            type={spec.input === 'longText' ? undefined : 'number'}
            maxlength={spec.input === 'longText' ? maxLen(spec.schema) : maxDigits(spec.schema)}
            placeholder={spec.hint}
            value={value}
            error={err}
            onInput={onInput}
          />
        );
      })}
      <Rows id="pf-details" rows={detailRows(kind, project)} />
      <Text className="pf-after">
        提交后依次由 申报单位负责人 → 归口管理部门负责人 → 分管领导 签署意见。这是第 {nextVersion} 版。
      </Text>
      <AppButton
        id="pf-submit"
        kind="primary"
        block
        loading={form.busy}
        busyText="正在提交…"
        onClick={() => void submit()}
      >
        {`提交${formKindLabels[kind]}`}
      </AppButton>
    </View>
  );
}

/** A filed form read-only: its rows as printed and the opinions so far. */
export function FormFiled({ project, form }: { project: Project; form: ProjectForm }) {
  return (
    <View id="pf-filed">
      <Rows id="pf-rows" rows={filedRows(form, project)} />
      <Text className="section-title">签署意见</Text>
      <Opinions form={form} id="pf-opinions" />
    </View>
  );
}
