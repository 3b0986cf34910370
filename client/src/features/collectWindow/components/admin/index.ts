export { CreateWindowSheet } from './CreateWindowSheet';
export { DecideBySheet } from './DecideBySheet';
export { WeightsSheet } from './WeightsSheet';
export { WindowAdminCard } from './WindowAdminCard';
export { closeWithConfirm } from './hooks';
