import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useEffect } from 'react';
import { isStaff, type Profile } from '@shishi/shared-types';
import { Cell, CellGroup, ErrorBlock, Loading } from '../../components';
import { routes } from '../../config';
import { WindowCard, useCurrentWindow } from '../../features/collectWindow';
import { Greeting, useMe } from '../../features/profile';
import { WorkQueue } from '../../features/project/home/WorkQueue';
import { HomeSurveys } from '../../features/survey/home/HomeSurveys';
import { HomeFeed } from '../../features/announce/HomeFeed';
import { menuFor, type MenuEntry } from './menu';
import { withFontScale } from '../../components/FontScale';
import './index.scss';

/** 首页: greeting, the collection window, and the ways in. Unbound users go to 绑定资料 first. */
function HomePage() {
  const me = useMe();
  const unbound = me.data?.bound === false;

  useEffect(() => {
    if (unbound) void Taro.reLaunch({ url: routes.bind });
  }, [unbound]);

  if (me.error) return <ErrorBlock error={me.error} onRetry={me.reload} />;
  if (me.loading || !me.data) return <Loading />;
  if (!me.data.bound) return <Loading text="请先绑定资料…" />;
  return <HomeContent profile={me.data.profile} onRefreshProfile={me.refresh} />;
}

function HomeContent({ profile, onRefreshProfile }: { profile: Profile; onRefreshProfile: () => Promise<void> }) {
  const current = useCurrentWindow();

  usePullDownRefresh(() => {
    void Promise.all([onRefreshProfile(), current.refresh()]).finally(() => void Taro.stopPullDownRefresh());
  });

  const goPropose = () => void Taro.navigateTo({ url: routes.proposalNew });

  return (
    <View className="page home">
      <Greeting profile={profile} now={current.data?.now} />
      {isStaff(profile.role) ? <WorkQueue /> : null}
      {current.error ? (
        <ErrorBlock error={current.error} onRetry={current.reload} />
      ) : current.loading || !current.data ? (
        <Loading text="正在查看征集情况…" />
      ) : (
        <WindowCard current={current.data} onPropose={goPropose} />
      )}
      <HomeFeed />
      <HomeSurveys />
      {menuFor((profile.bindings ?? [profile]).map((b) => b.role)).map((g) => (
        <EntryGroup key={g.id} title={g.title} entries={g.entries} />
      ))}
      <Text className="muted home__footer">大连市总工会 · 为职工办实事</Text>
    </View>
  );
}

function EntryGroup({ title, entries: list }: { title?: string; entries: MenuEntry[] }) {
  return (
    <CellGroup title={title}>
      {list.map((entry) => (
        <Cell
          key={entry.id}
          id={entry.id}
          title={entry.title}
          description={entry.description}
          onClick={() => void (entry.tab ? Taro.switchTab({ url: entry.url }) : Taro.navigateTo({ url: entry.url }))}
        />
      ))}
    </CellGroup>
  );
}

export default withFontScale(HomePage);
