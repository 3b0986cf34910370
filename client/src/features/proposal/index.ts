// What the main package's pages use. The form (提建议 / 线下录入) and the detail live in their own
// subpackages and import `components/ProposalForm`, `components/ProposalFields`, `form`,
// `components/ProposalDetail` and `detail` by path, so they stay out of the main package.
export { ProposalCard } from './components/ProposalCard';
export { ProposalOutcome, hasOutcome } from './components/ProposalOutcome';
export { SupportButton } from './components/SupportButton';
export { PAGE_SIZE, useMyProposals, useProposalList, useSupport, type ListFilters, type SupportState } from './hooks';
export { channelLabels, moderationMeta, offlineLabel } from './labels';
export { projectUrl, proposalDetailUrl } from './links';
