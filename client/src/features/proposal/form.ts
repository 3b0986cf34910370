/**
 * Proposal forms (提建议, and 线下录入 in the cadre subpackage): field state, the similar-proposal
 * lookup and the submit. Kept apart from `hooks.ts` so that only the form pages load it.
 */
import { useEffect, useRef, useState } from 'react';
import type { Proposal, ProposalCategory, SimilarItem, SupportOutput, TargetGroup } from '@shishi/shared-types';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { toApiError, type ApiError } from '../../services/call';
import { askToSubscribe } from '../../services/subscribe';
import { useFormState } from '../../hooks/useFormState';
import type { FieldErrors } from '../../utils/fieldErrors';
import type { Attachments } from '../attachment';
import { fetchSimilar, submitProposal, submitProposalInputSchema } from './api';

/** The text that is long enough to look for similar proposals. */
const SIMILAR_MIN_CHARS = 4;
const SIMILAR_DELAY_MS = 400;

/**
 * Similar proposals of the open window while the worker types: asked ~400 ms after the typing stops,
 * once the title or the content has at least 4 characters; replies to older text are dropped.
 */
export function useSimilar(title: string, content: string, excludeId?: string) {
  const text = useDebouncedValue(`${title.trim()}\u0000${content.trim()}`, SIMILAR_DELAY_MS);
  const [items, setItems] = useState<SimilarItem[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [searched, setSearched] = useState(false);
  const seq = useRef(0);

  useEffect(() => {
    const [t, c] = text.split('\u0000');
    const mySeq = ++seq.current;
    if (t.length < SIMILAR_MIN_CHARS && c.length < SIMILAR_MIN_CHARS) {
      setItems([]);
      setLoading(false);
      setError(null);
      setSearched(false);
      return;
    }
    setLoading(true);
    fetchSimilar(t, c, excludeId)
      .then((out) => {
        if (mySeq !== seq.current) return;
        setItems(out.items);
        setError(null);
        setSearched(true);
      })
      .catch((e: unknown) => {
        if (mySeq !== seq.current) return;
        setError(toApiError(e));
      })
      .finally(() => {
        if (mySeq === seq.current) setLoading(false);
      });
  }, [text, excludeId]);

  /** Keeps a row's count in step after 附议 / 撤回 in the panel. */
  const update = (out: SupportOutput) =>
    setItems((current) =>
      current.map((it) =>
        it._id === out.proposalId
          ? { ...it, supportedByMe: out.supportedByMe, supportCount: out.supportCount, backerCount: out.backerCount }
          : it,
      ),
    );

  return { items, loading, error, searched, update };
}

export interface ProposalFormValues {
  title: string;
  content: string;
  category: ProposalCategory | undefined;
  targetGroup: TargetGroup | undefined;
}

export const emptyProposalForm: ProposalFormValues = {
  title: '',
  content: '',
  category: undefined,
  targetGroup: undefined,
};

/** Server messages about attachments come as `attachments` or `attachments.<i>`. */
export function attachmentError(errors: FieldErrors): string | undefined {
  const key = Object.keys(errors).find((k) => k === 'attachments' || k.startsWith('attachments.'));
  return key ? errors[key] : undefined;
}

/**
 * 提建议: validated on the device with `submitProposalInputSchema` (the same schema the function uses),
 * then `proposal.submit`. On the mini-program the worker is first asked whether they want to be told
 * the outcome (subscribe message). Server field errors land next to their fields; other errors
 * (WINDOW_CLOSED …) above the form.
 */
export function useProposalForm(attachments: Attachments, onSubmitted: (proposal: Proposal) => void) {
  const form = useFormState<ProposalFormValues>(emptyProposalForm);

  const submit = async () => {
    if (form.busy) return;
    if (attachments.uploading) {
      form.setFormError('图片还在上传，请稍等一下再提交');
      return;
    }
    const data = form.check(submitProposalInputSchema.safeParse({ ...form.values, attachments: attachments.fileIDs }));
    if (!data) return;
    await form.send(
      async () => {
        // Still inside the tap: WeChat shows the subscribe dialog only for one.
        await askToSubscribe('proposalDecided');
        // Stays busy: the page is about to leave, a second tap must not send it again.
        onSubmitted(await submitProposal(data));
      },
      { page: true },
    );
  };

  return { ...form, submit };
}
