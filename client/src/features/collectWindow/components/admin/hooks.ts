import { useState } from 'react';
import {
  businessDate,
  createWindowInputSchema,
  defaultWeights,
  weightsSchema,
  type CollectWindow,
  type Weights,
} from '@shishi/shared-types';
import { toApiError } from '../../../../services/call';
import { confirm, showError, toastSuccess } from '../../../../utils/feedback';
import { fieldErrorsFrom, fieldErrorsFromIssues, type FieldErrors } from '../../../../utils/fieldErrors';
import { closeWindow, createWindow, setWindowWeights } from '../../admin';

export interface CreateWindowValues {
  projectYear: string;
  title: string;
  opensOn: string;
  closesOn: string;
}

/** The default window for a project year: Q4 of the year before (第五条（二）). */
export function defaultsFor(projectYear: number): CreateWindowValues {
  return {
    projectYear: String(projectYear),
    title: '',
    opensOn: `${projectYear - 1}-10-01`,
    closesOn: `${projectYear - 1}-12-31`,
  };
}

/** 设立征集期: validated with `createWindowInputSchema`; the dates follow the year until changed. */
export function useCreateWindowForm(now: Date, onCreated: (w: CollectWindow) => void) {
  const thisYear = Number(businessDate(now).slice(0, 4));
  const [values, setValues] = useState<CreateWindowValues>(defaultsFor(thisYear + 1));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const setField = <K extends keyof CreateWindowValues>(key: K, value: CreateWindowValues[K]) => {
    setValues((v) => {
      if (key === 'projectYear' && /^\d{4}$/.test(value)) {
        return { ...defaultsFor(Number(value)), title: v.title };
      }
      return { ...v, [key]: value };
    });
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async () => {
    setFormError(null);
    const parsed = createWindowInputSchema.safeParse({
      projectYear: values.projectYear,
      title: values.title.trim() || undefined,
      opensOn: values.opensOn,
      closesOn: values.closesOn,
    });
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setBusy(true);
    try {
      const created = await createWindow(parsed.data);
      toastSuccess('已设立征集期');
      onCreated(created);
    } catch (e) {
      const error = toApiError(e);
      setErrors(fieldErrorsFrom(error.fields));
      setFormError(error.message);
    } finally {
      setBusy(false);
    }
  };

  return { values, errors, formError, busy, setField, submit };
}

/** The three screening weights of a window (integers 0–100, not all 0). */
export function useWeightsForm(window: CollectWindow, onSaved: () => void) {
  const w = window.weights ?? defaultWeights;
  const [values, setValues] = useState<Record<keyof Weights, string>>({
    concentration: String(w.concentration),
    urgency: String(w.urgency),
    feasibility: String(w.feasibility),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const setField = (key: keyof Weights, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined, '(root)': undefined }));
  };

  const save = async () => {
    setFormError(null);
    const parsed = weightsSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setBusy(true);
    try {
      await setWindowWeights(window._id, parsed.data);
      toastSuccess('权重已保存');
      onSaved();
    } catch (e) {
      const error = toApiError(e);
      setErrors(fieldErrorsFrom(error.fields));
      setFormError(error.message);
    } finally {
      setBusy(false);
    }
  };

  return { values, errors, formError, busy, setField, save };
}

/** 提前结束: asks first; proposals can no longer be submitted to it afterwards. */
export async function closeWithConfirm(window: CollectWindow, onDone: () => void): Promise<void> {
  const ok = await confirm(
    '结束征集期',
    `现在结束“${window.title}”？结束后职工不能再向它提交建议，已收到的建议不受影响。`,
    '结束',
  );
  if (!ok) return;
  try {
    await closeWindow({ windowId: window._id });
    toastSuccess('征集期已结束');
    onDone();
  } catch (e) {
    showError(e, '没能结束征集期');
  }
}
