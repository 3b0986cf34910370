export { WindowCard } from './components/WindowCard';
export { useCurrentWindow } from './hooks';
