/** 筛选 (staff): the ranked list, merging duplicates, scores, decisions, the content-review queue, export. */
import type {
  DecideInput,
  DecideOutput,
  ExportOutputFile,
  MergeOutput,
  MergeStatusOutput,
  Proposal,
  ProposalPage,
  ScoreInput,
  ScreenInput,
  ScreenOutput,
  UnmergeAllOutput,
  UnmergeAllStatusOutput,
  UnmergeOutput,
} from '@shishi/shared-types';
import '../proposal/contracts';
import { invoke } from '../../services/call';
import { driveJob } from '../../services/jobs';

/** Filters and sort of `proposal.screen`, without the paging. */
export type ScreenFilters = Omit<Partial<ScreenInput>, 'page' | 'pageSize'>;

export function fetchScreen(filters: ScreenFilters, page: number, pageSize: number): Promise<ScreenOutput> {
  return invoke('proposal', 'screen', { ...filters, page, pageSize });
}

export function mergeProposals(keepId: string, mergeIds: string[], note?: string): Promise<MergeOutput> {
  return invoke('proposal', 'merge', { keepId, mergeIds, note });
}

/** A merge job's poll (a merge of more than MERGE_INLINE_MAX proposals): the next batch, then the result. */
export function mergeStatus(jobId: string): Promise<MergeStatusOutput> {
  return invoke('proposal', 'mergeStatus', { jobId });
}

/** 撤销全部合并: every proposal merged into `keepId` on its own again, in one action (a job when many). */
export function unmergeAll(keepId: string, note?: string): Promise<UnmergeAllOutput> {
  return invoke('proposal', 'unmergeAll', { keepId, note });
}

export function unmergeAllStatus(jobId: string): Promise<UnmergeAllStatusOutput> {
  return invoke('proposal', 'unmergeAllStatus', { jobId });
}

export function unmergeProposal(proposalId: string): Promise<UnmergeOutput> {
  return invoke('proposal', 'unmerge', { proposalId });
}

export function scoreProposal(input: ScoreInput): Promise<Proposal> {
  return invoke('proposal', 'score', input);
}

export function decideProposal(input: DecideInput): Promise<DecideOutput> {
  return invoke('proposal', 'decide', input);
}

/** 导出 Excel: a job run in batches, polled until the file is made; `onProgress` gets 0–100. */
export function exportProposals(
  windowId?: string,
  orgId?: string,
  onProgress?: (progress: number) => void,
): Promise<ExportOutputFile> {
  return driveJob(
    invoke('proposal', 'export', { windowId, orgId }),
    (jobId) => invoke('proposal', 'exportStatus', { jobId }),
    onProgress,
  );
}

export function fetchReviewQueue(page: number, pageSize: number): Promise<ProposalPage> {
  return invoke('proposal', 'reviewQueue', { page, pageSize });
}

export function moderateProposal(proposalId: string, verdict: 'pass' | 'reject', note?: string): Promise<Proposal> {
  return invoke('proposal', 'moderate', { proposalId, verdict, note });
}
