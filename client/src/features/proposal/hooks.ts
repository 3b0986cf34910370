import { useEffect, useState } from 'react';
import type { Proposal, ProposalCategory, ProposalStatus, SupportOutput } from '@shishi/shared-types';
import { usePagedList } from '../../components';
import { useListPage } from '../../hooks/useListPage';
import { confirm, showError, toastSuccess } from '../../utils/feedback';
import { fetchMyProposals, fetchProposals, supportProposal, unsupportProposal, type ProposalFilters } from './api';

export const PAGE_SIZE = 10;
const keyOf = (p: Proposal) => p._id;

/** 我的建议, newest first; refreshed when the page shows again (e.g. right after submitting). */
export function useMyProposals() {
  const list = usePagedList(fetchMyProposals, [], { pageSize: PAGE_SIZE, keyOf });
  useListPage(list);
  return list;
}

export interface ListFilters {
  category?: ProposalCategory;
  status?: ProposalStatus;
  keyword?: string;
}

/** `proposal.list` with filters; the list starts over whenever a filter changes. */
export function useProposalList(filters: ListFilters) {
  const { category, status, keyword } = filters;
  const list = usePagedList(
    (page, pageSize) => {
      const query: ProposalFilters = {};
      if (category) query.category = category;
      if (status) query.status = status;
      if (keyword) query.keyword = keyword;
      return fetchProposals(query, page, pageSize);
    },
    [category, status, keyword],
    { pageSize: PAGE_SIZE, keyOf },
  );
  useListPage(list);
  return list;
}

export interface SupportState {
  supportedByMe: boolean;
  supportCount: number;
}

/**
 * 附议 and 撤回附议 of one proposal: the button's state follows the server's answer. Withdrawing asks
 * first; both end with a toast, or a dialog with the server's message.
 */
export function useSupport(proposalId: string, initial: SupportState, onChange?: (out: SupportOutput) => void) {
  const [state, setState] = useState<SupportState>(initial);
  const [busy, setBusy] = useState(false);
  const { supportedByMe, supportCount } = initial;
  // A new proposal (or a refreshed one) brings its own state.
  useEffect(() => setState({ supportedByMe, supportCount }), [proposalId, supportedByMe, supportCount]);

  const toggle = async () => {
    if (busy) return;
    const withdrawing = state.supportedByMe;
    if (withdrawing && !(await confirm('撤回附议', '撤回后这条建议的附议人数会减少 1 人，确定撤回吗？', '撤回'))) {
      return;
    }
    setBusy(true);
    try {
      const out = withdrawing ? await unsupportProposal(proposalId) : await supportProposal(proposalId);
      setState({ supportedByMe: out.supportedByMe, supportCount: out.supportCount });
      toastSuccess(withdrawing ? '已撤回附议' : '附议成功');
      onChange?.(out);
    } catch (e) {
      showError(e, withdrawing ? '没能撤回附议' : '没能附议');
    } finally {
      setBusy(false);
    }
  };

  return { ...state, busy, toggle };
}
