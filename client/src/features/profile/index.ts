export { BindForm, type OrgFieldProps } from './components/BindForm';
export { Greeting } from './components/Greeting';
export { ProfileCard } from './components/ProfileCard';
export { forgetMe, useMe } from './hooks';
export { RoleOnly, StaffOnly } from './components/StaffOnly';
