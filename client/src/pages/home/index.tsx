import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useEffect } from 'react';
import { isStaff, type Profile } from '@shishi/shared-types';
import { Cell, CellGroup, ErrorBlock, Loading } from '../../components';
import { routes } from '../../config';
import { WindowCard, useCurrentWindow } from '../../features/collectWindow';
import { Greeting, useMe } from '../../features/profile';
import './index.scss';

/** 首页: greeting, the collection window, and the ways in. Unbound users go to 绑定资料 first. */
export default function HomePage() {
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
      <Greeting profile={profile} />
      {current.error ? (
        <ErrorBlock error={current.error} onRetry={current.reload} />
      ) : current.loading || !current.data ? (
        <Loading text="正在查看征集情况…" />
      ) : (
        <WindowCard current={current.data} onPropose={goPropose} />
      )}
      <CellGroup>
        <Cell
          id="home-mine"
          title="我的建议"
          description="看看我提的建议办到哪一步了"
          onClick={() => void Taro.switchTab({ url: routes.mine })}
        />
        <Cell
          id="home-proposals"
          title="大家的建议"
          description="看看其他职工都提了什么"
          onClick={() => void Taro.switchTab({ url: routes.proposals })}
        />
      </CellGroup>
      {isStaff(profile.role) ? (
        <CellGroup title="工作人员">
          <Cell
            id="home-staff"
            title="建议管理"
            description="本辖区职工提交的全部建议"
            onClick={() => void Taro.navigateTo({ url: routes.staffProposals })}
          />
        </CellGroup>
      ) : null}
      <Text className="muted home__footer">大连市总工会 · 为职工办实事</Text>
    </View>
  );
}
