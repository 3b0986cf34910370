export { IdentityList } from './components/IdentityList';
export { fetchIdentities, loginAs, type DemoIdentity } from './api';
