/** 建议: submitting one, my own, and the list (public for workers, the whole subtree for staff). */
import {
  submitProposalInputSchema,
  type ActionInput,
  type Proposal,
  type ProposalPage,
  type SubmitProposalInput,
} from '@shishi/shared-types';
import { invoke } from '../../services/call';

export { submitProposalInputSchema, type SubmitProposalInput };

/** Filters of `proposal.list`, without the paging. */
export type ProposalFilters = Omit<ActionInput<'proposal', 'list'>, 'page' | 'pageSize'>;

export function submitProposal(input: SubmitProposalInput): Promise<Proposal> {
  return invoke('proposal', 'submit', input);
}

export function fetchMyProposals(page: number, pageSize: number): Promise<ProposalPage> {
  return invoke('proposal', 'listMine', { page, pageSize });
}

export function fetchProposals(filters: ProposalFilters, page: number, pageSize: number): Promise<ProposalPage> {
  return invoke('proposal', 'list', { ...filters, page, pageSize });
}
