import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useEffect } from 'react';
import { collectionStaffRoles, isStaff, offlineEntryRoles, type Profile } from '@shishi/shared-types';
import { Cell, CellGroup, ErrorBlock, Loading } from '../../components';
import { routes } from '../../config';
import { WindowCard, useCurrentWindow } from '../../features/collectWindow';
import { Greeting, useMe } from '../../features/profile';
import { HomeSurveys } from '../../features/survey/home/HomeSurveys';
import { surveyRoutes } from '../../features/survey/routes';
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
      <HomeSurveys />
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
      {offlineEntryRoles.includes(profile.role) && !isStaff(profile.role) ? (
        <CellGroup title="基层工会干部">
          <Cell
            id="home-offline"
            title="线下录入建议"
            description="替职工录入纸质或现场收集的建议"
            onClick={() => void Taro.navigateTo({ url: routes.offlineNew })}
          />
          <Cell
            id="home-survey-offline"
            title="线下录入问卷"
            description="替职工录入纸质或现场填写的问卷"
            onClick={() => void Taro.navigateTo({ url: surveyRoutes.offline })}
          />
        </CellGroup>
      ) : null}
      {isStaff(profile.role) ? (
        <CellGroup title="工作人员">
          <Cell
            id="home-staff"
            title="建议管理"
            description="本辖区职工提交的全部建议"
            onClick={() => void Taro.navigateTo({ url: routes.staffProposals })}
          />
          <Cell
            id="home-screening"
            title="建议筛选"
            description="排名、合并、评分、作出决定、导出 Excel"
            onClick={() => void Taro.navigateTo({ url: routes.staffScreening })}
          />
          <Cell
            id="home-surveys-manage"
            title="问卷管理"
            description="需求调查：设计问卷、发布、看结果、导出"
            onClick={() => void Taro.navigateTo({ url: surveyRoutes.manage })}
          />
          {collectionStaffRoles.includes(profile.role) ? (
            <>
              <Cell
                id="home-windows"
                title="征集期管理"
                description="设立、结束征集期，调整评分权重"
                onClick={() => void Taro.navigateTo({ url: routes.staffWindows })}
              />
              <Cell
                id="home-review"
                title="内容审核"
                description="内容安全检查未通过、等待人工审核的建议"
                onClick={() => void Taro.navigateTo({ url: routes.staffReview })}
              />
              <Cell
                id="home-offline"
                title="线下录入建议"
                description="替职工录入纸质或现场收集的建议"
                onClick={() => void Taro.navigateTo({ url: routes.offlineNew })}
              />
            </>
          ) : null}
        </CellGroup>
      ) : null}
      <Text className="muted home__footer">大连市总工会 · 为职工办实事</Text>
    </View>
  );
}
