/**
 * Proposal forms (提建议, and 线下录入 in the cadre subpackage): field state, the similar-proposal
 * lookup and the submit. Kept apart from `hooks.ts` so that only the form pages load it.
 */
import './contracts';
import { useEffect, useRef, useState } from 'react';
import type {
  Proposal,
  ProposalCategory,
  SimilarItem,
  SubmitProposalOutput,
  SupportOutput,
  TargetGroup,
} from '@shishi/shared-types';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { toApiError, type ApiError } from '../../services/call';
import { askToSubscribe } from '../../services/subscribe';
import { useFormState } from '../../hooks/useFormState';
import type { FieldErrors } from '../../utils/fieldErrors';
import type { Attachments } from '../attachment';
import { editProposal, editProposalInputSchema, fetchSimilar, submitProposal, submitProposalInputSchema } from './api';
import { clearProposalDraft, hasContent, loadProposalDraft, newClientDraftId, saveProposalDraft } from './draft';

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

/** The fields of a stored proposal, as the form holds them (修改建议 starts from these). */
export function valuesOf(p: Proposal): ProposalFormValues {
  return { title: p.title, content: p.content, category: p.category, targetGroup: p.targetGroup };
}

function sameValues(a: ProposalFormValues, b: ProposalFormValues): boolean {
  return a.title === b.title && a.content === b.content && a.category === b.category && a.targetGroup === b.targetGroup;
}

/**
 * 提建议: validated on the device with `submitProposalInputSchema` (the same schema the function uses),
 * then `proposal.submit`. On the mini-program the worker is first asked whether they want to be told
 * the outcome (subscribe message). Server field errors land next to their fields; other errors
 * (WINDOW_CLOSED …) above the form.
 *
 * What is typed is kept on the device for `owner` as it changes (draft.ts) and comes back on the next
 * visit (`restored`); every submit of one draft carries its `clientDraftId`, so a retry is recognised.
 */
export function useProposalForm(
  attachments: Attachments,
  owner: string,
  onSubmitted: (proposal: Proposal) => void,
  /**
   * 修改建议: the author's stored proposal. The form starts from it, keeps its own device draft (what
   * was changed and not yet sent), and sends `proposal.edit` with the same checks.
   */
  editing?: Proposal,
) {
  const scope = editing ? `edit.${editing._id}` : undefined;
  const original = editing ? valuesOf(editing) : null;
  const [draft] = useState(() => loadProposalDraft(owner, scope));
  const restored =
    draft !== null && hasContent(draft.values) && !(original && sameValues(draft.values, original)) ? draft : null;
  const [clientDraftId, setClientDraftId] = useState(() => draft?.clientDraftId ?? newClientDraftId());
  const form = useFormState<ProposalFormValues>(() => restored?.values ?? original ?? emptyProposalForm);
  const [showRestored, setShowRestored] = useState(restored !== null);
  const done = useRef(false);
  const [already, setAlready] = useState<SubmitProposalOutput | null>(null);
  const imageCount = attachments.fileIDs.length;

  useEffect(() => {
    if (done.current) return;
    // An edit is kept only once something differs from the stored proposal.
    const changed = original ? !sameValues(form.values, original) : hasContent(form.values) || imageCount > 0;
    if (changed) saveProposalDraft(owner, { values: form.values, clientDraftId, imageCount }, scope);
    else clearProposalDraft(owner, scope);
    // `original` follows `editing`, which `scope` names.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form.values, clientDraftId, imageCount, owner, scope]);

  /** 放弃这些内容: an empty form and a new draft (修改: the stored proposal's text again). */
  const discard = () => {
    clearProposalDraft(owner, scope);
    form.setValues(original ?? emptyProposalForm);
    form.setErrors({});
    setClientDraftId(newClientDraftId());
    setShowRestored(false);
  };

  const submit = async () => {
    if (form.busy) return;
    if (attachments.uploading) {
      form.setFormError('图片还在上传，请稍等一下再提交');
      return;
    }
    if (editing) {
      const changes = form.check(
        editProposalInputSchema.safeParse({
          ...form.values,
          attachments: attachments.fileIDs,
          proposalId: editing._id,
        }),
      );
      if (!changes) return;
      await form.send(
        async () => {
          const out = await editProposal(changes);
          done.current = true;
          clearProposalDraft(owner, scope);
          onSubmitted(out);
        },
        { page: true },
      );
      return;
    }
    const data = form.check(
      submitProposalInputSchema.safeParse({ ...form.values, attachments: attachments.fileIDs, clientDraftId }),
    );
    if (!data) return;
    await form.send(
      async () => {
        // Still inside the tap: WeChat shows the subscribe dialog only for one.
        await askToSubscribe('proposalDecided');
        const out = await submitProposal(data);
        // Stored (now or before): the draft has done its work.
        done.current = true;
        clearProposalDraft(owner);
        // Stays busy: the page leaves, or (the same text was sent before) says so instead of the button.
        if (out.alreadySubmitted) setAlready(out);
        else onSubmitted(out);
      },
      { page: true },
    );
  };

  return {
    ...form,
    submit,
    discard,
    /** The draft that came back from the device (until discarded): when it was saved, images it had. */
    restored: showRestored ? restored : null,
    dismissRestored: () => setShowRestored(false),
    /** 您已经提交过这条建议: the stored proposal with the same text (nothing new was stored). */
    already,
  };
}
