import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { staffRoles, type AnnouncementStats, type ProjectStatus } from '@shishi/shared-types';
import { AppButton, Badge, Card, ChipGroup, Empty, ErrorBlock, Loading } from '../../../../components';
import { withFontScale } from '../../../../components/FontScale';
import { fetchStats } from '../../../../features/announce/api';
import { announcementUrl, manageUrl, publishUrl } from '../../../../features/announce/routes';
import { publishedLine } from '../../../../features/announce/time';
import { fetchProjects } from '../../../../features/project/api';
import { RoleOnly } from '../../../../features/profile';
import { useOnReshow } from '../../../../hooks/useOnReshow';
import { useResource } from '../../../../hooks/useResource';
import '../../../../components/ChipGroup/index.scss';
import '../../../../features/announce/announce.scss';

/**
 * 项目公告 (staff) `[?projectId=<id>]`: a project's announcements, each with its reach (发布范围人数, opened
 * in the app, subscribe messages sent / failed / waiting); without a project, the projects to publish for.
 */
function ManagePage() {
  const projectId = useRouter().params.projectId;
  return (
    <RoleOnly allowed={(r) => staffRoles.includes(r)} refusal="这个页面只对工会工作人员开放。">
      {() => (projectId ? <ProjectStats projectId={decodeURIComponent(projectId)} /> : <PickProject />)}
    </RoleOnly>
  );
}

const pickable: Array<{ value: ProjectStatus; label: string }> = [
  { value: 'established', label: '待发布（已确立）' },
  { value: 'published', label: '已发布' },
  { value: 'inProgress', label: '实施中' },
];

function PickProject() {
  const [status, setStatus] = useState<ProjectStatus>('established');
  const list = useResource(() => fetchProjects({ status }, 1, 50), [status]);
  usePullDownRefresh(() => void list.refresh().finally(() => void Taro.stopPullDownRefresh()));
  return (
    <View className="page" id="announce-pick">
      <Text className="page-intro">
        选一个项目发布实施方案或公告。项目确立、启动申报表审核通过后发布实施方案，项目随之发布；实施中的项目可以发布新的服务时间、地点等公告。
      </Text>
      <ChipGroup idPrefix="announce-pick-status" options={pickable} value={status} onChange={setStatus} />
      {list.error ? (
        <ErrorBlock error={list.error} onRetry={list.reload} />
      ) : list.loading || !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty text="这一类里没有您管辖范围内的项目。换一个状态看看。" />
      ) : (
        list.data.items.map((p) => (
          <Card
            key={p._id}
            id={`announce-pick-${p._id}`}
            title={p.title}
            onClick={() => void Taro.navigateTo({ url: manageUrl(p._id) })}
          >
            <Text className="ad__meta">
              {p.statusLabel} · {p.orgName}
            </Text>
          </Card>
        ))
      )}
    </View>
  );
}

function ProjectStats({ projectId }: { projectId: string }) {
  const stats = useResource(() => fetchStats(projectId), [projectId]);
  useOnReshow(() => void stats.refresh());
  usePullDownRefresh(() => void stats.refresh().finally(() => void Taro.stopPullDownRefresh()));
  if (stats.error) return <ErrorBlock error={stats.error} onRetry={stats.reload} />;
  if (stats.loading || !stats.data) return <Loading text="正在统计…" />;
  const { items, projectTitle } = stats.data;
  const hasPlan = items.some((i) => i.kind === 'plan');
  return (
    <View className="page" id="announce-stats">
      <Text className="page-intro">
        《{projectTitle}
        》的实施方案和公告。“打开”是在小程序里点开过的职工人数（每人算一次）；通知是订阅消息，只发给同意接收的职工。
      </Text>
      {items.length === 0 ? (
        <Empty text="这个项目还没有公告。发布实施方案后，这里显示每条公告送达了多少职工。" />
      ) : (
        items.map((s) => <StatsCard key={s.announcementId} s={s} />)
      )}
      <AppButton
        id="announce-stats-publish"
        kind="primary"
        block
        onClick={() => void Taro.navigateTo({ url: publishUrl(projectId) })}
      >
        {hasPlan ? '发布新公告' : '发布实施方案'}
      </AppButton>
    </View>
  );
}

function StatsCard({ s }: { s: AnnouncementStats }) {
  const id = `announce-stats-${s.announcementId}`;
  const rows: Array<[string, number]> = [
    ['发布范围人数', s.audienceSize],
    ['在小程序里打开', s.reached],
    ['通知已发送', s.pushed],
    ['通知发送失败', s.failed],
    ['通知待发送', s.pending],
  ];
  return (
    <Card
      id={id}
      title={s.title}
      extra={
        s.state === 'shown' ? undefined : (
          <Badge label={s.stateLabel} tone={s.state === 'held' ? 'warning' : 'neutral'} />
        )
      }
      onClick={() => void Taro.navigateTo({ url: announcementUrl(s.announcementId) })}
    >
      <Text className="ad__meta">
        {s.kind === 'plan' ? '实施方案' : '公告'} · {publishedLine(s.publishedAt, s.editedAt)}
      </Text>
      {rows.map(([label, n]) => (
        <View className="ad__stat" key={label}>
          <Text>{label}</Text>
          <Text id={`${id}-${label}`}>{n} 人</Text>
        </View>
      ))}
    </Card>
  );
}

export default withFontScale(ManagePage);
