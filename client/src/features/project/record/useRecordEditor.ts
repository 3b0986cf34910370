import Taro from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  adjustableStatuses,
  createProjectInputSchema,
  formatDateTime,
  updateProjectInputSchema,
  type Project,
} from '@shishi/shared-types';
import { toApiError } from '../../../services/call';
import { toastSuccess } from '../../../utils/feedback';
import type { FieldErrors } from '../../../utils/fieldErrors';
import { createProject, updateProject } from '../actions/api';
import { projectEditUrl } from '../actions/routes';
import {
  checkState,
  clearRecordDraft,
  loadRecordDraft,
  recordPath,
  sameState,
  saveRecordDraft,
  stateFromRecord,
  toInput,
  type RecordDraft,
  type RecordState,
} from './model';

export interface EditorNotice {
  tone: 'danger' | 'warning' | 'info';
  title: string;
  message: string;
  items: string[];
  /** Someone else saved first: offer to load their version. */
  conflict: boolean;
}

/** How long typing pauses before the draft is written to the device. */
const DRAFT_DELAY_MS = 600;

/**
 * State, checks, the draft on the device and saving of the 附件1 editor. `project` null: a new project
 * (第四条（三）临时性需求), sent with project.create.
 */
export function useRecordEditor(loaded: Project | null, defaults: RecordState) {
  // The project as last saved (a save returns the new version).
  const [project, setProject] = useState<Project | null>(loaded);
  const projectId = project?._id ?? null;
  const version = project?.staff?.version ?? null;
  const savedState = useMemo(
    () => (project?.staff ? stateFromRecord(project.staff.record) : defaults),
    // The saved record only changes when the project does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [project],
  );

  // A draft typed on this very version comes back by itself; one typed on an older version is offered.
  const [initialDraft] = useState<RecordDraft | null>(() => {
    const d = loadRecordDraft(projectId);
    return d && !sameState(d.state, savedState) ? d : null;
  });
  const sameVersion = initialDraft !== null && initialDraft.version === version;
  const [state, setState] = useState<RecordState>(sameVersion ? initialDraft.state : savedState);
  const [dirty, setDirty] = useState(sameVersion);
  const [restored, setRestored] = useState<string | null>(sameVersion ? initialDraft.savedAt : null);
  const [staleDraft, setStaleDraft] = useState<RecordDraft | null>(initialDraft && !sameVersion ? initialDraft : null);
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<EditorNotice | null>(null);
  const [busy, setBusy] = useState(false);
  const [adjustReason, setAdjustReason] = useState('');
  const adjusting = project !== null && adjustableStatuses.includes(project.status);

  const checked = useMemo(() => checkState(state), [state]);
  // Unreadable amounts and the money rules show as the person types; the rest after a first save.
  const live = useMemo(() => {
    const out: FieldErrors = { ...toInput(state).errors };
    for (const p of checked.problems) out[recordPath(p.path)] ??= p.message;
    return out;
  }, [state, checked]);
  const errors: FieldErrors = { ...(attempted ? checked.errors : {}), ...live, ...serverErrors };

  // The draft on the device, a moment after typing stops.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!dirty) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => saveRecordDraft(projectId, version, state), DRAFT_DELAY_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [state, dirty, projectId, version]);

  const touch = () => {
    setDirty(true);
    setServerErrors({});
  };
  const set = <K extends keyof RecordState>(key: K, value: RecordState[K]) => {
    setState((s) => ({ ...s, [key]: value }));
    touch();
  };
  const update = (change: (s: RecordState) => RecordState) => {
    setState(change);
    touch();
  };

  const top = () => void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });

  const discardDraft = () => {
    clearRecordDraft(projectId);
    setState(savedState);
    setDirty(false);
    setRestored(null);
    setStaleDraft(null);
  };
  const useStaleDraft = () => {
    if (!staleDraft) return;
    setState(staleDraft.state);
    setRestored(staleDraft.savedAt);
    setStaleDraft(null);
    setDirty(true);
  };

  const save = async () => {
    if (busy) return;
    setAttempted(true);
    setNotice(null);
    const record = checked.record;
    const reason = adjustReason.trim();
    const problems = Object.values({ ...checked.errors }).filter((m): m is string => Boolean(m));
    if (!record || problems.length > 0 || (adjusting && reason === '')) {
      const items = [...new Set(problems)];
      if (adjusting && reason === '') items.unshift('请写明调整原因');
      setNotice({
        tone: 'danger',
        title: '还不能保存',
        message: `有 ${items.length} 处需要修改，已在下面标红：`,
        items: items.slice(0, 6),
        conflict: false,
      });
      top();
      return;
    }
    setBusy(true);
    try {
      if (project && version !== null) {
        const input = updateProjectInputSchema.parse({
          projectId: project._id,
          version,
          record,
          adjustReason: adjusting ? reason : undefined,
        });
        const saved = await updateProject(input);
        clearRecordDraft(projectId);
        // The next save is made on the version this one created.
        setProject(saved);
        if (saved.staff) setState(stateFromRecord(saved.staff.record));
        setDirty(false);
        setRestored(null);
        setAdjustReason('');
        setBusy(false);
        toastSuccess('已保存');
      } else {
        const created = await createProject(createProjectInputSchema.parse({ record }));
        clearRecordDraft(null);
        setDirty(false);
        toastSuccess('项目已创建');
        setTimeout(() => void Taro.redirectTo({ url: projectEditUrl(created._id) }), 800);
      }
    } catch (e) {
      const error = toApiError(e);
      const errs: FieldErrors = {};
      for (const f of error.fields) errs[recordPath(f.path)] ??= f.message;
      setServerErrors(errs);
      const conflict = error.code === 'CONFLICT';
      setNotice({
        tone: conflict ? 'warning' : 'danger',
        title: conflict ? '别人已经先保存了新的版本' : '没有保存成功',
        message: conflict
          ? `${error.message}。您的修改还留在这台设备上：重新载入后可以把它恢复出来，对照着再改。`
          : error.message,
        items: [...new Set(error.fields.map((f) => f.message))].slice(0, 6),
        conflict,
      });
      setBusy(false);
      top();
    }
  };

  return {
    project,
    state,
    dirty,
    errors,
    checked,
    notice,
    busy,
    restoredAt: restored ? formatDateTime(restored) : null,
    staleDraft,
    adjusting,
    adjustReason,
    setAdjustReason,
    set,
    update,
    save,
    discardDraft,
    useStaleDraft,
    dismissNotice: () => setNotice(null),
  };
}

export type RecordEditor = ReturnType<typeof useRecordEditor>;
