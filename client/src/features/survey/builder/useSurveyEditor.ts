import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import {
  createSurveyInputSchema,
  publishProblems,
  type GetSurveyOutput,
  type SurveySection,
} from '@shishi/shared-types';
import { toApiError } from '../../../services/call';
import { confirm, showError, toastSuccess } from '../../../utils/feedback';
import { fieldErrorsFrom, fieldErrorsFromIssues, type FieldErrors } from '../../../utils/fieldErrors';
import { createSurvey, publishSurvey, updateSurvey } from '../api';
import { stateFromSurvey, toInput, type EditorState } from './model';

export interface EditorNotice {
  title: string;
  message: string;
  /** The individual problems (at most a few). */
  items: string[];
  /** Someone else saved in between: reload. */
  conflict: boolean;
}

const questionPath = /^sections\.(\d+)\.questions\.(\d+)/;

/** State, checks and saving of the survey editor. The client runs the same schema the function does. */
export function useSurveyEditor(initial: GetSurveyOutput | null, defaults: EditorState) {
  const [saved, setSaved] = useState<GetSurveyOutput | null>(initial);
  const [state, setState] = useState<EditorState>(initial ? stateFromSurvey(initial.survey) : defaults);
  const [dirty, setDirty] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<EditorNotice | null>(null);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [expanded, setExpanded] = useState<string | null>(null);

  const input = useMemo(() => toInput(state), [state]);
  const clientErrors = useMemo<FieldErrors>(() => {
    if (!attempted) return {};
    const parsed = createSurveyInputSchema.safeParse(input);
    return parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues);
  }, [attempted, input]);
  const errors: FieldErrors = { ...serverErrors, ...clientErrors };

  const touch = () => {
    setDirty(true);
    setServerErrors({});
  };
  const set = <K extends keyof EditorState>(key: K, value: EditorState[K]) => {
    setState((s) => ({ ...s, [key]: value }));
    touch();
  };
  const setSections = (change: (sections: SurveySection[]) => SurveySection[]) => {
    setState((s) => ({ ...s, sections: change(s.sections) }));
    touch();
  };

  const top = () => void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });

  /** Opens the first question with a problem, so its fields show their messages. */
  const openFirstProblem = (errs: FieldErrors) => {
    for (const key of Object.keys(errs)) {
      const m = questionPath.exec(key);
      const q = m ? state.sections[Number(m[1])]?.questions[Number(m[2])] : undefined;
      if (q) return setExpanded(q.id);
    }
  };

  const save = async (quiet = false): Promise<GetSurveyOutput | null> => {
    if (busy) return null;
    setAttempted(true);
    const parsed = createSurveyInputSchema.safeParse(input);
    if (!parsed.success) {
      const errs = fieldErrorsFromIssues(parsed.error.issues);
      const items = [...new Set(Object.values(errs).filter((m): m is string => Boolean(m)))];
      setNotice({
        title: '还不能保存',
        message: `有 ${items.length} 处需要修改，已标红：`,
        items: items.slice(0, 5),
        conflict: false,
      });
      openFirstProblem(errs);
      top();
      return null;
    }
    setBusy('save');
    try {
      const result = saved
        ? await updateSurvey({ surveyId: saved.survey._id, version: saved.survey.version, ...parsed.data })
        : await createSurvey(parsed.data);
      setSaved(result);
      setState(stateFromSurvey(result.survey));
      setDirty(false);
      setNotice(null);
      setServerErrors({});
      if (!quiet) toastSuccess('已保存');
      return result;
    } catch (e) {
      const error = toApiError(e);
      const errs = fieldErrorsFrom(error.fields.filter((f) => f.path !== 'version'));
      setServerErrors(errs);
      const responses = saved?.manage?.answersExist ? saved.manage.responses : 0;
      const refused = responses > 0 && error.code === 'INVALID_INPUT' && error.fields.length > 0;
      setNotice(
        refused
          ? {
              // The rules say why, one line per change: the answers already given stay valid.
              title: `已有 ${responses} 份答卷，这次修改没有保存`,
              message: '下面这些修改会影响已有答卷，请改回后再保存：',
              items: [...new Set(error.fields.map((f) => f.message.replace(/^已有答卷，/, '')))].slice(0, 6),
              conflict: false,
            }
          : { title: '没有保存成功', message: error.message, items: [], conflict: error.code === 'CONFLICT' },
      );
      openFirstProblem(errs);
      top();
      return null;
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    if (busy) return;
    const problems = publishProblems({ sections: state.sections });
    if (problems.length > 0) {
      setNotice({
        title: '还不能发布',
        message: problems.map((p) => p.message).join('；'),
        items: [],
        conflict: false,
      });
      top();
      return;
    }
    const ok = await confirm(
      '发布问卷',
      '发布后，调查对象从开始日期起就能填写。有人作答后，题目只能做不影响已有答卷的修改。',
      '发布',
    );
    if (!ok) return;
    const current = !saved || dirty ? await save(true) : saved;
    if (!current) return;
    setBusy('publish');
    try {
      const result = await publishSurvey(current.survey._id);
      setSaved(result);
      setState(stateFromSurvey(result.survey));
      setNotice(null);
      toastSuccess('已发布');
    } catch (e) {
      const error = toApiError(e);
      if (error.fields.length > 0) {
        setServerErrors(fieldErrorsFrom(error.fields));
        setNotice({ title: '还不能发布', message: error.message, items: [], conflict: false });
        top();
      } else showError(error, '没有发布成功');
    } finally {
      setBusy(null);
    }
  };

  /** Messages of one question (prefix `sections.i.questions.j`). */
  const problemsAt = (prefix: string) => [
    ...new Set(
      Object.entries(errors)
        .filter(([k, m]) => m && (k === prefix || k.startsWith(`${prefix}.`)))
        .map(([, m]) => m!),
    ),
  ];

  return {
    saved,
    state,
    dirty,
    errors,
    notice,
    busy,
    expanded,
    setExpanded,
    set,
    setSections,
    save,
    publish,
    problemsAt,
    dismissNotice: () => setNotice(null),
  };
}

export type SurveyEditor = ReturnType<typeof useSurveyEditor>;
