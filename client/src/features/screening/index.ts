export { fetchScreen, type ScreenFilters } from './api';
export { ClusterJobPanel } from './components/ClusterJobPanel';
export { DecideSheet } from './components/DecideSheet';
export { ExportResult } from './components/ExportResult';
export { FilterSheet, countFilters, type SheetFilters } from './components/FilterSheet';
export { MergeSheet } from './components/MergeSheet';
export { ScoreSheet } from './components/ScoreSheet';
export { ScreeningCard } from './components/ScreeningCard';
export { SortSheet } from './components/SortSheet';
export {
  unmergeAllWithConfirm,
  unmergeWithConfirm,
  useClusterJobs,
  useExport,
  useReviewQueue,
  useScreening,
  useSelection,
  type ClusterJobs,
  type ScreenMeta,
} from './hooks';
export { ReviewCard } from './components/ReviewCard';
