import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { isStaff, type Profile, type Role } from '@shishi/shared-types';
import { Empty, ErrorBlock, Loading } from '../../../components';
import { useMe } from '../hooks';

interface RoleOnlyProps {
  /** Who may use the page. */
  allowed: (role: Role) => boolean;
  /** What anyone else is told. */
  refusal: string;
  children: (profile: Profile) => ReactNode;
}

/**
 * A page only some roles use. The functions scope what anyone sees anyway; this keeps someone who
 * follows an old link from landing on a page that is not meant for them.
 */
export function RoleOnly({ allowed, refusal, children }: RoleOnlyProps) {
  const me = useMe();
  if (me.loading && !me.data) return <Loading />;
  if (me.error) return <ErrorBlock error={me.error} onRetry={me.reload} />;
  if (me.data?.bound && allowed(me.data.profile.role)) return <>{children(me.data.profile)}</>;
  return (
    <Empty text={refusal} actionText="回到首页" onAction={() => void Taro.switchTab({ url: '/pages/home/index' })} />
  );
}

/** Staff pages open only for staff roles. */
export function StaffOnly({ children }: { children: (profile: Profile) => ReactNode }) {
  return (
    <RoleOnly allowed={isStaff} refusal="这个页面只对工会工作人员开放。如需开通，请联系所在工会。">
      {children}
    </RoleOnly>
  );
}
