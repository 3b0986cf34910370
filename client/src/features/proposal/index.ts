export { ProposalCard } from './components/ProposalCard';
export { ProposalForm } from './components/ProposalForm';
export { PAGE_SIZE, useMyProposals, useProposalList, type ListFilters } from './hooks';
export { channelLabels, moderationMeta } from './labels';
