import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { collectionStaffRoles, type CollectWindow, type Profile } from '@shishi/shared-types';
import { AppButton, Empty, ErrorBlock, Loading } from '../../../../components';
import { useOnReshow } from '../../../../hooks/useOnReshow';
import { useResource } from '../../../../hooks/useResource';
import { useCurrentWindow } from '../../../../features/collectWindow';
import { fetchWindows } from '../../../../features/collectWindow/admin';
import {
  CreateWindowSheet,
  DecideBySheet,
  WeightsSheet,
  WindowAdminCard,
  closeWithConfirm,
} from '../../../../features/collectWindow/components/admin';
import { StaffOnly } from '../../../../features/profile';
import { withFontScale } from '../../../../components/FontScale';

/**
 * 征集期管理 (staff): the windows of their org (and those above it), create one, close one, set weights
 * and the 决定公布日期.
 */
function WindowsPage() {
  return <StaffOnly>{(profile) => <Windows profile={profile} />}</StaffOnly>;
}

function Windows({ profile }: { profile: Profile }) {
  const canAct = collectionStaffRoles.includes(profile.role);
  const windows = useResource(fetchWindows, []);
  const [creating, setCreating] = useState(false);
  const [weighting, setWeighting] = useState<CollectWindow | null>(null);
  const [deciding, setDeciding] = useState<CollectWindow | null>(null);
  useOnReshow(() => void windows.refresh());
  usePullDownRefresh(() => {
    void windows.refresh().finally(() => void Taro.stopPullDownRefresh());
  });
  const done = () => {
    setCreating(false);
    setWeighting(null);
    setDeciding(null);
    void windows.refresh();
  };
  // Windows of the orgs above are shown for reference, not changed; the server checks it too.
  const ancestors = profile.orgPath.filter((id) => id !== profile.orgId);
  const mine = (w: CollectWindow) => canAct && !ancestors.includes(w.orgId);
  // The server's clock decides which year comes next (the dev host may run on a pinned date).
  const current = useCurrentWindow();
  const now = current.data ? new Date(current.data.now) : new Date();

  return (
    <View className="page">
      <Text className="page-intro">每年第四季度征集下一年度的项目建议（默认 10 月 1 日至 12 月 31 日）。</Text>
      {canAct ? (
        <AppButton id="window-create" kind="primary" block onClick={() => setCreating(true)}>
          设立征集期
        </AppButton>
      ) : null}
      <Text className="section-title" id="windows-total">
        {windows.data ? `共 ${windows.data.items.length} 个征集期` : '征集期'}
      </Text>
      {windows.error ? (
        <ErrorBlock error={windows.error} onRetry={windows.reload} />
      ) : windows.loading || !windows.data ? (
        <Loading />
      ) : windows.data.items.length === 0 ? (
        <View id="windows-list-empty">
          <Empty text="还没有征集期。设立后，职工就能在开放期间提建议。" />
        </View>
      ) : (
        <View id="windows-list">
          {windows.data.items.map((w) => (
            <WindowAdminCard
              key={w._id}
              window={w}
              canAct={mine(w)}
              onWeights={() => setWeighting(w)}
              onDecideBy={() => setDeciding(w)}
              onClose={() => void closeWithConfirm(w, done)}
            />
          ))}
        </View>
      )}
      {creating ? <CreateWindowSheet now={now} onClose={() => setCreating(false)} onCreated={done} /> : null}
      {weighting ? <WeightsSheet window={weighting} onClose={() => setWeighting(null)} onSaved={done} /> : null}
      {deciding ? <DecideBySheet window={deciding} onClose={() => setDeciding(null)} onSaved={done} /> : null}
    </View>
  );
}

export default withFontScale(WindowsPage);
