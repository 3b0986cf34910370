import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { isStaff } from '@shishi/shared-types';
import { Empty, ErrorBlock, Loading } from '../../../components';
import { useMe } from '../hooks';

/**
 * Staff pages open only for staff roles. The functions scope what anyone sees anyway; this keeps a
 * worker who follows an old link from landing on a page that is not meant for them.
 */
export function StaffOnly({ children }: { children: () => ReactNode }) {
  const me = useMe();
  if (me.loading && !me.data) return <Loading />;
  if (me.error) return <ErrorBlock error={me.error} onRetry={me.reload} />;
  if (me.data?.bound && isStaff(me.data.profile.role)) return <>{children()}</>;
  return (
    <Empty
      text="这个页面只对工会工作人员开放。如需开通，请联系所在工会。"
      actionText="回到首页"
      onAction={() => void Taro.switchTab({ url: '/pages/home/index' })}
    />
  );
}
