export { OfflineForm } from './OfflineForm';
