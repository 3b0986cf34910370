import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useEffect } from 'react';
import { collectionStaffRoles, isStaff, offlineEntryRoles, type Profile } from '@shishi/shared-types';
import { Cell, CellGroup, ErrorBlock, Loading } from '../../components';
import { routes } from '../../config';
import { WindowCard, useCurrentWindow } from '../../features/collectWindow';
import { Greeting, useMe } from '../../features/profile';
import { WorkQueue } from '../../features/project/home/WorkQueue';
import { projectListUrl } from '../../features/project/routes';
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
      {isStaff(profile.role) ? <WorkQueue /> : null}
      {current.error ? (
        <ErrorBlock error={current.error} onRetry={current.reload} />
      ) : current.loading || !current.data ? (
        <Loading text="正在查看征集情况…" />
      ) : (
        <WindowCard current={current.data} onPropose={goPropose} />
      )}
      <HomeSurveys />
      <EntryGroup entries={[entries.mine, entries.proposals]} />
      {offlineEntryRoles.includes(profile.role) && !isStaff(profile.role) ? (
        <EntryGroup title="基层工会干部" entries={[entries.offline, entries.surveyOffline]} />
      ) : null}
      {isStaff(profile.role) ? (
        <EntryGroup
          title="工作人员"
          entries={[
            entries.projects,
            entries.staff,
            entries.screening,
            entries.surveysManage,
            ...(collectionStaffRoles.includes(profile.role) ? [entries.windows, entries.review, entries.offline] : []),
            ...((profile.bindings ?? [profile]).some((b) => b.role === 'admin') ? [entries.roles] : []),
          ]}
        />
      ) : null}
      <Text className="muted home__footer">大连市总工会 · 为职工办实事</Text>
    </View>
  );
}

interface Entry {
  id: string;
  title: string;
  description: string;
  url: string;
  /** A tab page: opened with switchTab. */
  tab?: boolean;
}

/** The ways in from 首页; the ids are what the e2e tests tap. */
const entries = {
  mine: { id: 'home-mine', title: '我的建议', description: '看看我提的建议办到哪一步了', url: routes.mine, tab: true },
  proposals: {
    id: 'home-proposals',
    title: '大家的建议',
    description: '看看其他职工都提了什么',
    url: routes.proposals,
    tab: true,
  },
  offline: {
    id: 'home-offline',
    title: '线下录入建议',
    description: '替职工录入纸质或现场收集的建议',
    url: routes.offlineNew,
  },
  surveyOffline: {
    id: 'home-survey-offline',
    title: '线下录入问卷',
    description: '替职工录入纸质或现场填写的问卷',
    url: surveyRoutes.offline,
  },
  projects: {
    id: 'home-projects',
    title: '项目管理',
    description: '按年度、层级、状态、归口部门查看项目，签署和填报',
    url: projectListUrl,
  },
  staff: {
    id: 'home-staff',
    title: '建议管理',
    description: '本辖区职工提交的全部建议',
    url: routes.staffProposals,
  },
  screening: {
    id: 'home-screening',
    title: '建议筛选',
    description: '排名、合并、评分、作出决定、导出 Excel',
    url: routes.staffScreening,
  },
  surveysManage: {
    id: 'home-surveys-manage',
    title: '问卷管理',
    description: '需求调查：设计问卷、发布、看结果、导出',
    url: surveyRoutes.manage,
  },
  windows: {
    id: 'home-windows',
    title: '征集期管理',
    description: '设立、结束征集期，调整评分权重',
    url: routes.staffWindows,
  },
  roles: {
    id: 'home-roles',
    title: '人员与角色',
    description: '给工作人员设定、撤销角色（系统管理员）',
    url: '/packages/admin/pages/roles/index',
  },
  review: {
    id: 'home-review',
    title: '内容审核',
    description: '内容安全检查未通过、等待人工审核的建议',
    url: routes.staffReview,
  },
} satisfies Record<string, Entry>;

function EntryGroup({ title, entries: list }: { title?: string; entries: Entry[] }) {
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
