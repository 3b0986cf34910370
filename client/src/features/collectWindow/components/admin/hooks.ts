import {
  businessDate,
  createWindowInputSchema,
  defaultWeights,
  setDecideByInputSchema,
  weightsInputSchema,
  type CollectWindow,
  type Weights,
} from '@shishi/shared-types';
import { useFormState } from '../../../../hooks/useFormState';
import { toApiError } from '../../../../services/call';
import { confirm, showError, toastSuccess } from '../../../../utils/feedback';
import { closeWindow, createWindow, setWindowDecideBy, setWindowWeights } from '../../admin';

export interface CreateWindowValues {
  projectYear: string;
  title: string;
  opensOn: string;
  closesOn: string;
  /** 决定公布日期; '' when not set. */
  decideBy: string;
}

/** The default window for a project year: Q4 of the year before (第五条（二）). */
export function defaultsFor(projectYear: number): CreateWindowValues {
  return {
    projectYear: String(projectYear),
    title: '',
    opensOn: `${projectYear - 1}-10-01`,
    closesOn: `${projectYear - 1}-12-31`,
    decideBy: '',
  };
}

/** 设立征集期: validated with `createWindowInputSchema`; the dates follow the year until changed. */
export function useCreateWindowForm(now: Date, onCreated: (w: CollectWindow) => void) {
  const thisYear = Number(businessDate(now).slice(0, 4));
  const form = useFormState<CreateWindowValues>(() => defaultsFor(thisYear + 1));

  const setField = <K extends keyof CreateWindowValues>(key: K, value: CreateWindowValues[K]) => {
    form.setField(key, value);
    if (key === 'projectYear' && /^\d{4}$/.test(value)) {
      form.setValues((v) => ({ ...defaultsFor(Number(value)), title: v.title, decideBy: v.decideBy }));
    }
  };

  const submit = async () => {
    const data = form.check(
      createWindowInputSchema.safeParse({
        projectYear: form.values.projectYear,
        title: form.values.title.trim() || undefined,
        opensOn: form.values.opensOn,
        closesOn: form.values.closesOn,
        decideBy: form.values.decideBy || undefined,
      }),
    );
    if (!data) return;
    await form.send(async () => {
      let created: CollectWindow;
      try {
        created = await createWindow(data);
      } catch (e) {
        // It overlaps a window above: the function says what that means for members; asked, then sent again.
        const error = toApiError(e);
        if (error.code !== 'CONFLICT' || !error.fields.some((f) => f.path === 'confirmOverlap')) throw e;
        if (!(await confirm('与上级征集期时间重叠', error.message, '确定设立'))) return;
        created = await createWindow({ ...data, confirmOverlap: true });
      }
      toastSuccess('已设立征集期');
      onCreated(created);
    });
  };

  return { ...form, setField, submit };
}

/** The three screening weights of a window (integers 0–100, not all 0). */
export function useWeightsForm(window: CollectWindow, onSaved: () => void) {
  const w = window.weights ?? defaultWeights;
  const form = useFormState<Record<keyof Weights, string>>({
    concentration: String(w.concentration),
    urgency: String(w.urgency),
    feasibility: String(w.feasibility),
  });

  // The sum's message sits on the whole form: any change may mend it.
  const setField = (key: keyof Weights, value: string) => {
    form.setField(key, value);
    form.setErrors((e) => ({ ...e, '(root)': undefined }));
  };

  const save = async () => {
    const data = form.check(weightsInputSchema.safeParse(form.values));
    if (!data) return;
    await form.send(async () => {
      await setWindowWeights(window._id, data);
      toastSuccess('权重已保存');
      onSaved();
    });
  };

  return { ...form, setField, save };
}

/** 决定公布日期 of a window: a day after its last day, or none. */
export function useDecideByForm(window: CollectWindow, onSaved: () => void) {
  const form = useFormState<{ decideBy: string }>({ decideBy: window.decideBy ?? '' });

  const save = async (decideBy: string | null) => {
    const data = form.check(setDecideByInputSchema.safeParse({ windowId: window._id, decideBy }));
    if (!data) return;
    await form.send(async () => {
      await setWindowDecideBy(data.windowId, data.decideBy);
      toastSuccess(data.decideBy ? '公布日期已保存' : '已不设公布日期');
      onSaved();
    });
  };

  return { ...form, save };
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
