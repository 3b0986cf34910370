import type { Proposal } from '@shishi/shared-types';
import type { Attachments } from '../attachment';
import '../proposal/contracts';
import { submitOfflineInputSchema, submitOfflineProposal } from '../proposal/api';
import { emptyProposalForm, type ProposalFormValues } from '../proposal/form';
import { useFormState } from '../../hooks/useFormState';

export interface OfflineFormValues extends ProposalFormValues {
  workerName: string;
  unit: string;
  phone: string;
  /** The worker's grassroots union; '' for the cadre's own. */
  orgId: string;
}

const empty: OfflineFormValues = { ...emptyProposalForm, workerName: '', unit: '', phone: '', orgId: '' };

const blankToUndefined = (s: string) => (s.trim() === '' ? undefined : s.trim());

/**
 * 线下录入: a cadre types in a worker's paper or on-site proposal, validated with
 * `submitOfflineInputSchema`, then `proposal.submitOffline`.
 */
export function useOfflineForm(
  attachments: Attachments,
  needsOrg: boolean,
  onSubmitted: (p: Proposal, workerName: string) => void,
) {
  const form = useFormState<OfflineFormValues>(empty);

  const submit = async () => {
    if (form.busy) return;
    form.setFormError(null);
    if (attachments.uploading) {
      form.setFormError('照片还在上传，请稍等一下再提交');
      return;
    }
    const { workerName, unit, phone, orgId, ...fields } = form.values;
    const parsed = submitOfflineInputSchema.safeParse({
      ...fields,
      workerName,
      unit: blankToUndefined(unit),
      phone: blankToUndefined(phone),
      orgId: blankToUndefined(orgId),
      attachments: attachments.fileIDs,
    });
    if (!parsed.success || (needsOrg && !orgId)) {
      form.invalid([
        ...(parsed.success ? [] : parsed.error.issues),
        ...(needsOrg && !orgId ? [{ path: ['orgId'], message: '请选择职工所在的基层工会' }] : []),
      ]);
      return;
    }
    await form.send(async () => onSubmitted(await submitOfflineProposal(parsed.data), parsed.data.workerName), {
      page: true,
    });
  };

  return { ...form, submit };
}
