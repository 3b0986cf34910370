export { CreateWindowSheet } from './CreateWindowSheet';
export { WeightsSheet } from './WeightsSheet';
export { WindowAdminCard } from './WindowAdminCard';
export { closeWithConfirm } from './hooks';
