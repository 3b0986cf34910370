import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import type { Proposal, ProposalCategory, ProposalStatus, TargetGroup } from '@shishi/shared-types';
import { usePagedList, type PagedListState } from '../../components';
import { useOnReshow } from '../../hooks/useOnReshow';
import { toApiError } from '../../services/call';
import { fieldErrorsFrom, fieldErrorsFromIssues, type FieldErrors } from '../../utils/fieldErrors';
import {
  fetchMyProposals,
  fetchProposals,
  submitProposal,
  submitProposalInputSchema,
  type ProposalFilters,
} from './api';

export const PAGE_SIZE = 10;
const keyOf = (p: Proposal) => p._id;

/** Page wiring every proposal list shares: load more at the bottom, pull down to refresh. */
function usePageScroll(list: PagedListState<Proposal>) {
  useReachBottom(() => list.loadMore());
  usePullDownRefresh(() => {
    void list.refresh().finally(() => void Taro.stopPullDownRefresh());
  });
}

/** 我的建议, newest first; refreshed when the page shows again (e.g. right after submitting). */
export function useMyProposals() {
  const list = usePagedList(fetchMyProposals, [], { pageSize: PAGE_SIZE, keyOf });
  usePageScroll(list);
  useOnReshow(() => void list.refresh());
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
  usePageScroll(list);
  return list;
}

export interface ProposalFormValues {
  title: string;
  content: string;
  category: ProposalCategory | undefined;
  targetGroup: TargetGroup | undefined;
}

const emptyForm: ProposalFormValues = { title: '', content: '', category: undefined, targetGroup: undefined };

/**
 * 提建议: validated on the device with `submitProposalInputSchema` (the same schema the function uses),
 * then `proposal.submit`. Server field errors land next to their fields; other errors (WINDOW_CLOSED …)
 * above the form.
 */
export function useProposalForm(onSubmitted: (proposal: Proposal) => void) {
  const [values, setValues] = useState<ProposalFormValues>(emptyForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const setField = <K extends keyof ProposalFormValues>(key: K, value: ProposalFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  const submit = async () => {
    if (submitting) return;
    setFormError(null);
    const parsed = submitProposalInputSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setSubmitting(true);
    try {
      const proposal = await submitProposal(parsed.data);
      // Stays disabled: the page is about to leave, a second tap must not send it again.
      onSubmitted(proposal);
    } catch (e) {
      const error = toApiError(e);
      setErrors(fieldErrorsFrom(error.fields));
      setFormError(error.message);
      setSubmitting(false);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
    }
  };

  return { values, errors, formError, submitting, setField, submit };
}
