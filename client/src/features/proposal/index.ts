export { ProposalCard } from './components/ProposalCard';
export { ProposalDetail } from './components/ProposalDetail';
export { ProposalFields, CONTENT_MAX } from './components/ProposalFields';
export { ProposalForm } from './components/ProposalForm';
export { ProposalOutcome, hasOutcome } from './components/ProposalOutcome';
export { SupportButton } from './components/SupportButton';
export {
  PAGE_SIZE,
  attachmentError,
  emptyProposalForm,
  useFormState,
  useMyProposals,
  useProposalDetail,
  useProposalList,
  type ListFilters,
  type ProposalFormValues,
} from './hooks';
export { channelLabels, moderationMeta, offlineLabel } from './labels';
export { projectUrl, proposalDetailUrl } from './links';
