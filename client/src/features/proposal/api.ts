/** 建议: submitting (online and offline), reading one, my own, the lists, similar ones and 附议. */
import {
  editProposalInputSchema,
  submitOfflineInputSchema,
  submitProposalInputSchema,
  type ActionInput,
  type EditProposalInput,
  type GetProposalOutput,
  type Proposal,
  type ProposalPage,
  type SimilarOutput,
  type SubmitOfflineInput,
  type SubmitProposalInput,
  type SubmitProposalOutput,
  type SupportOutput,
} from '@shishi/shared-types';
import { invoke } from '../../services/call';

export {
  editProposalInputSchema,
  submitOfflineInputSchema,
  submitProposalInputSchema,
  type EditProposalInput,
  type SubmitOfflineInput,
  type SubmitProposalInput,
};

/** Filters of `proposal.list`, without the paging. */
export type ProposalFilters = Omit<ActionInput<'proposal', 'list'>, 'page' | 'pageSize'>;

export function submitProposal(input: SubmitProposalInput): Promise<SubmitProposalOutput> {
  return invoke('proposal', 'submit', input);
}

/** 修改: the author's own proposal while it is 已提交 (the same checks as submitting). */
export function editProposal(input: EditProposalInput): Promise<Proposal> {
  return invoke('proposal', 'edit', input);
}

/** 撤回: the author's own proposal while it is 已提交; kept as 已撤回. */
export function withdrawProposal(proposalId: string): Promise<Proposal> {
  return invoke('proposal', 'withdraw', { proposalId });
}

export function submitOfflineProposal(input: SubmitOfflineInput): Promise<Proposal> {
  return invoke('proposal', 'submitOffline', input);
}

export function fetchProposal(proposalId: string): Promise<GetProposalOutput> {
  return invoke('proposal', 'get', { proposalId });
}

export function fetchMyProposals(page: number, pageSize: number): Promise<ProposalPage> {
  return invoke('proposal', 'listMine', { page, pageSize });
}

export function fetchProposals(filters: ProposalFilters, page: number, pageSize: number): Promise<ProposalPage> {
  return invoke('proposal', 'list', { ...filters, page, pageSize });
}

export function fetchSimilar(title: string, content: string, excludeId?: string): Promise<SimilarOutput> {
  return invoke('proposal', 'similar', { title, content, excludeId, limit: 5 });
}

export function supportProposal(proposalId: string): Promise<SupportOutput> {
  return invoke('proposal', 'support', { proposalId });
}

export function unsupportProposal(proposalId: string): Promise<SupportOutput> {
  return invoke('proposal', 'unsupport', { proposalId });
}
