/** Filling 附件2/3/4: the rows from the record read-only, then the applicant's own fields, then submit. */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Fragment, useEffect, useRef, useState } from 'react';
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
import { confirm, toastSuccess } from '../../../utils/feedback';
import { askToSubscribe } from '../../../services/subscribe';
import { fetchProjectKpi } from '../../kpi/api';
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

/** 附件4's rows that `kpi.project` pre-fills from the measured figures (check-ins, views, ratings, spending). */
type AcceptanceDraft = Record<'completionAssessment' | 'coveredActual' | 'servedActual' | 'satisfactionActual', string>;

function draftValues(d: {
  completionAssessment: string;
  coveredActual: number;
  servedActual: number;
  satisfactionActual: number | null;
}): AcceptanceDraft {
  return {
    completionAssessment: d.completionAssessment,
    coveredActual: String(d.coveredActual),
    servedActual: String(d.servedActual),
    satisfactionActual: d.satisfactionActual === null ? '' : String(d.satisfactionActual),
  };
}

/** The values with the draft put only in the rows still empty (never over what staff typed). */
function fillEmpty(values: Values, draft: AcceptanceDraft): Values {
  const out = { ...values };
  for (const [key, v] of Object.entries(draft)) if ((out[key] ?? '').trim() === '') out[key] = v;
  return out;
}

/**
 * 附件4: reads the measured figures once and, while 完成情况及效果评估 is still empty, puts them in it and
 * in the empty actual-figure rows; 重新填入 puts them back (asking first when it would replace other text). Without the
 * figures (no access, offline) the form stays as it is.
 */
function useAcceptanceDraft(
  projectId: string,
  enabled: boolean,
  form: { values: Values; setValues: (f: (v: Values) => Values) => void },
) {
  const [draft, setDraft] = useState<AcceptanceDraft | null>(null);
  const [filled, setFilled] = useState(false);
  const values = useRef(form.values);
  values.current = form.values;
  const setValues = form.setValues;
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    fetchProjectKpi(projectId)
      .then((kpi) => {
        if (!live) return;
        const d = draftValues(kpi.acceptanceDraft);
        setDraft(d);
        // Only into a form not yet written (new, or a returned version without it): never over what staff wrote.
        if ((values.current.completionAssessment ?? '').trim() !== '') return;
        setFilled(true);
        setValues((current) => fillEmpty(current, d));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [projectId, enabled, setValues]);

  const refill = async () => {
    if (!draft) return;
    const typed = (values.current.completionAssessment ?? '').trim();
    if (typed !== '' && typed !== draft.completionAssessment.trim()) {
      const ok = await confirm(
        '重新填入',
        '将用签到、浏览、评价和支出的实测数字重新填写完成情况和实际数字，已写的内容会被替换。',
        '重新填入',
      );
      if (!ok) return;
    }
    setValues((current) => ({ ...current, ...draft }));
    setFilled(true);
  };
  return { draft, filled, refill };
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
  const acceptance = useAcceptanceDraft(project._id, kind === 'acceptance', form);

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
        const prefill =
          spec.key === 'completionAssessment' && acceptance.draft ? (
            <View className="pf-prefill" id="pf-prefill">
              <Text className="pf-prefill__note" id="pf-prefill-note">
                {acceptance.filled
                  ? '已根据签到、浏览、评价和支出自动填写，可修改'
                  : '可以根据签到、浏览、评价和支出的实测数字填写'}
              </Text>
              <Text className="pf-prefill__link" id="pf-prefill-refill" onClick={() => void acceptance.refill()}>
                重新填入
              </Text>
            </View>
          ) : null;
        return (
          <Fragment key={spec.key}>
            <TextField
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
            {prefill}
          </Fragment>
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
