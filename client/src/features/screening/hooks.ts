import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import {
  MERGE_INLINE_MAX,
  decideInputSchema,
  decisionMeta,
  scoreInputSchema,
  type CollectWindow,
  type DecisionKind,
  type ExportOutputFile,
  type MergeResult,
  type Proposal,
  type ScreenItem,
  type SurveyCard,
  type UnmergeAllResult,
  type Weights,
} from '@shishi/shared-types';
import { usePagedList } from '../../components';
import { useListPage } from '../../hooks/useListPage';
import { useFormState } from '../../hooks/useFormState';
import { toApiError } from '../../services/call';
import { driveJob, type JobReply } from '../../services/jobs';
import { confirm, showError, toastSuccess } from '../../utils/feedback';
import {
  decideProposal,
  exportProposals,
  fetchReviewQueue,
  fetchScreen,
  mergeProposals,
  mergeStatus,
  moderateProposal,
  scoreProposal,
  unmergeAll,
  unmergeAllStatus,
  unmergeProposal,
  type ScreenFilters,
} from './api';
import { fetchMySurveys, linkSurveyEvidence } from '../survey/api';

export interface ScreenMeta {
  window: CollectWindow | null;
  weights: Weights;
  maxBackers: number;
}

/** The ranked screening list; starts over whenever a filter or the sort changes. */
export function useScreening(filters: ScreenFilters) {
  const [meta, setMeta] = useState<ScreenMeta | null>(null);
  const list = usePagedList(
    async (page, pageSize) => {
      const out = await fetchScreen(filters, page, pageSize);
      setMeta({ window: out.window, weights: out.weights, maxBackers: out.maxBackers });
      return out;
    },
    [JSON.stringify(filters)],
    { pageSize: 10, keyOf: (p: ScreenItem) => p._id },
  );
  useListPage(list);
  return { list, meta };
}

/** Proposals picked for merging, remembered with their titles for the 合并到… sheet. */
export function useSelection() {
  const [selected, setSelected] = useState<ReadonlyMap<string, ScreenItem>>(new Map());
  const toggle = (item: ScreenItem) =>
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(item._id)) next.delete(item._id);
      else next.set(item._id, item);
      return next;
    });
  const clear = () => setSelected(new Map());
  return { selected, toggle, clear, items: [...selected.values()] };
}

/** A merge or an undo running as a job on the server: what the page shows while it runs and when it is done. */
export interface ClusterJobs {
  /** The running one's label and progress (0–100), or null. */
  running: { label: string; progress: number } | null;
  /** What the last finished one did, in words, until closed. */
  finished: string | null;
  /** Follows a job from its first reply to its end (each poll runs the next batch), then says what it did. */
  follow<R>(
    label: string,
    first: JobReply<R>,
    poll: (jobId: string) => Promise<JobReply<R>>,
    summary: (result: R) => string,
  ): Promise<void>;
  close(): void;
}

/**
 * 合并 / 撤销全部合并 of large clusters: the server answers with a job after its first batch; the page
 * shows the progress bar, then the result. `onFinished` refreshes the list.
 */
export function useClusterJobs(onFinished: () => void): ClusterJobs {
  const [running, setRunning] = useState<ClusterJobs['running']>(null);
  const [finished, setFinished] = useState<string | null>(null);
  const follow: ClusterJobs['follow'] = async (label, first, poll, summary) => {
    setFinished(null);
    setRunning({ label, progress: first.job.progress });
    try {
      const result = await driveJob(Promise.resolve(first), poll, (progress) => setRunning({ label, progress }));
      setFinished(summary(result));
      onFinished();
    } catch (e) {
      showError(e, `${label.replace('正在', '')}没有完成`);
      onFinished();
    } finally {
      setRunning(null);
    }
  };
  return { running, finished, follow, close: () => setFinished(null) };
}

const mergedSummary = (r: MergeResult) =>
  `已把 ${r.merged.length} 条建议合并到“${r.kept.title}”，共 ${r.kept.backerCount} 人提出或附议。`;

/** 合并: the kept proposal and the others; asks before, says how it went after (a large one: on the page). */
export function useMerge(onDone: () => void, jobs: ClusterJobs) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const merge = async (keep: ScreenItem, others: ScreenItem[], note: string) => {
    setError(null);
    const large = others.length > MERGE_INLINE_MAX ? '条数较多，将分批合并，页面上会显示进度。' : '';
    const ok = await confirm(
      '合并建议',
      `把其余 ${others.length} 条建议合并到“${keep.title}”？被合并建议的提议人和附议人都计入保留的这条，之后可以撤销合并。${large}`,
      '合并',
    );
    if (!ok) return;
    setBusy(true);
    try {
      const out = await mergeProposals(
        keep._id,
        others.map((o) => o._id),
        note.trim() || undefined,
      );
      if (out.job) {
        // A job (finished in the call or running on): the sheet closes, the page follows it to its result.
        const { job, ...result } = out;
        onDone();
        void jobs.follow(
          '正在合并',
          { job, result: job.status === 'done' ? result : null },
          mergeStatus,
          mergedSummary,
        );
        return;
      }
      toastSuccess(`已合并 ${out.merged.length} 条`);
      onDone();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, merge };
}

/** 撤销全部合并 of a kept proposal, after asking; a large one is followed on the page. */
export async function unmergeAllWithConfirm(item: Proposal, jobs: ClusterJobs, onDone: () => void): Promise<void> {
  const n = item.mergedFrom.length;
  const question = `让合并到“${item.title}”的 ${n} 条建议都恢复为独立的建议？它们的提议人和附议人不再计入这条。`;
  if (!(await confirm('撤销全部合并', question, '全部撤销'))) return;
  void Taro.showLoading({ title: '正在撤销…', mask: true });
  try {
    const out = await unmergeAll(item._id);
    Taro.hideLoading();
    if (out.job) {
      const { job, ...result } = out;
      onDone();
      void jobs.follow(
        '正在撤销合并',
        { job, result: job.status === 'done' ? result : null },
        unmergeAllStatus,
        (r: UnmergeAllResult) => `已撤销合并：${r.restored.length} 条建议恢复为独立的建议。`,
      );
      return;
    }
    toastSuccess(`已撤销 ${out.restored.length} 条合并`);
    onDone();
  } catch (e) {
    Taro.hideLoading();
    showError(e, '没能撤销合并');
  }
}

/** 撤销合并 of one merged proposal, after asking. */
export async function unmergeWithConfirm(item: Proposal, onDone: () => void): Promise<void> {
  const into = item.mergedInto ? `“${item.mergedInto.title}”` : '保留的建议';
  if (!(await confirm('撤销合并', `让“${item.title}”从${into}中恢复为独立的建议？`, '撤销合并'))) return;
  void Taro.showLoading({ title: '正在撤销…', mask: true });
  try {
    await unmergeProposal(item._id);
    Taro.hideLoading();
    toastSuccess('已撤销合并');
    onDone();
  } catch (e) {
    Taro.hideLoading();
    showError(e, '没能撤销合并');
  }
}

export interface ScoreValues {
  urgency: number | undefined;
  urgencyEvidence: string;
  /** A needs survey cited as the evidence (survey.linkEvidence), or none. */
  surveyId: string | undefined;
  feasibility: number | undefined;
  feasibilityNote: string;
}

/** 评分: 需求最迫切 and 最具备办结条件 (1–5) with the note, checked with `scoreInputSchema`. */
export function useScoreForm(item: Proposal, onSaved: () => void) {
  const s = item.scores;
  const form = useFormState<ScoreValues>({
    urgency: s?.urgency ?? undefined,
    urgencyEvidence: s?.urgencyEvidence ?? '',
    surveyId: undefined,
    feasibility: s?.feasibility ?? undefined,
    feasibilityNote: s?.feasibilityNote ?? '',
  });

  const save = async (survey: SurveyCard | undefined) => {
    const { values } = form;
    const typed = values.urgencyEvidence.trim();
    // The score's own record names the cited survey too (the history shows it).
    const evidence = survey ? `《${survey.title}》${typed ? `：${typed}` : ''}`.slice(0, 200) : typed;
    const data = form.check(
      scoreInputSchema.safeParse({
        proposalId: item._id,
        urgency: values.urgency,
        urgencyEvidence: evidence || undefined,
        feasibility: values.feasibility,
        feasibilityNote: values.feasibilityNote,
      }),
    );
    if (!data) return;
    await form.send(async () => {
      // The survey is cited first: the score names it, so it must exist when the score does.
      if (survey) {
        await linkSurveyEvidence({
          surveyId: survey._id,
          targetType: 'proposal',
          targetId: item._id,
          note: typed,
          questionIds: [],
        });
      }
      await scoreProposal(data);
      toastSuccess(survey ? '评分已保存，调查已关联' : '评分已保存');
      onSaved();
    });
  };

  return { ...form, save };
}

/** Needs surveys the staff member can cite for urgency: published or closed, of their scope or covering it. */
export function useEvidenceSurveys() {
  const [state, setState] = useState<{ items: SurveyCard[]; loading: boolean; error: string | null }>({
    items: [],
    loading: true,
    error: null,
  });
  useEffect(() => {
    let live = true;
    fetchMySurveys({ citable: true }, 1, 50)
      .then((page) => {
        if (live) setState({ items: page.items, loading: false, error: null });
      })
      .catch((e: unknown) => {
        if (live) setState({ items: [], loading: false, error: toApiError(e).message });
      });
    return () => {
      live = false;
    };
  }, []);
  return state;
}

export interface DecideValues {
  kind: DecisionKind | undefined;
  reason: string;
  projectTitle: string;
}

/** 决定: 采纳 / 暂缓 / 不采纳 with the reason told to the authors; asks before sending. */
export function useDecideForm(item: Proposal, onDecided: () => void) {
  const form = useFormState<DecideValues>({ kind: undefined, reason: '', projectTitle: item.title });

  const decide = async () => {
    const { values } = form;
    const data = form.check(
      decideInputSchema.safeParse({
        proposalId: item._id,
        kind: values.kind,
        reason: values.reason.trim() || undefined,
        projectTitle: values.kind === 'adopt' ? values.projectTitle.trim() || undefined : undefined,
      }),
    );
    if (!data) return;
    const label = decisionMeta[data.kind].label;
    // Nobody scored it (需求最迫切, 最具备办结条件): said first, so an adoption is not a slip.
    const unscored = data.kind === 'adopt' && !item.scores?.scoredAt;
    const question =
      data.kind === 'adopt'
        ? `${unscored ? '这条建议还没有人评分（需求迫切程度、办结条件都没评）。' : ''}采纳“${item.title}”？将生成项目草稿“${data.projectTitle ?? item.title}”，并通知提议职工和附议的职工。`
        : `${label}“${item.title}”？结果和理由会通知提议职工。`;
    if (!(await confirm(unscored ? '还没有评分，确定采纳？' : `确认${label}`, question, unscored ? '仍然采纳' : label)))
      return;
    await form.send(async () => {
      // Confirmed in the dialog: the function refuses an unscored adoption without it.
      await decideProposal(unscored ? { ...data, confirmUnscored: true } : data);
      toastSuccess(`已${label}`);
      onDecided();
    });
  };

  return { ...form, decide };
}

/** 导出 Excel of a window: the file's link once made. */
export function useExport() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportOutputFile | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const run = async (windowId?: string, orgId?: string) => {
    setBusy(true);
    setProgress(0);
    try {
      const out = await exportProposals(windowId, orgId, setProgress);
      setResult(out);
      toastSuccess('导出成功');
    } catch (e) {
      showError(e, '没能导出');
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };
  return { busy, progress, result, run, clear: () => setResult(null) };
}

/** 内容审核: proposals the content check flagged, oldest first as the server gives them. */
export function useReviewQueue() {
  const list = usePagedList(fetchReviewQueue, [], { pageSize: 10, keyOf: (p: Proposal) => p._id });
  useListPage(list);

  const [busyId, setBusyId] = useState<string | null>(null);
  const moderate = async (p: Proposal, verdict: 'pass' | 'reject', note?: string): Promise<boolean> => {
    setBusyId(p._id);
    try {
      await moderateProposal(p._id, verdict, note);
      toastSuccess(verdict === 'pass' ? '已通过' : '已设为不通过');
      await list.refresh();
      return true;
    } catch (e) {
      showError(e, '审核没有成功');
      return false;
    } finally {
      setBusyId(null);
    }
  };
  return { list, busyId, moderate };
}
