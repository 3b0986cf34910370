/** 建议: submitting (online and offline), reading one, my own, the lists, similar ones and 附议. */
import {
  submitOfflineInputSchema,
  submitProposalInputSchema,
  type ActionInput,
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

export { submitOfflineInputSchema, submitProposalInputSchema, type SubmitOfflineInput, type SubmitProposalInput };

/** Filters of `proposal.list`, without the paging. */
export type ProposalFilters = Omit<ActionInput<'proposal', 'list'>, 'page' | 'pageSize'>;

export function submitProposal(input: SubmitProposalInput): Promise<SubmitProposalOutput> {
  return invoke('proposal', 'submit', input);
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
