export { CheckinPanel } from './CheckinPanel';
