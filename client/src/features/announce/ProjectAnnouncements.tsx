import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { projectOwnerRoles, publicStatuses, type Project } from '@shishi/shared-types';
import { AppButton, Badge, Card, ErrorBlock, Loading } from '../../components';
import { useResource } from '../../hooks/useResource';
import { useMe } from '../profile';
import { fetchProjectFeed, fetchStats, viewProject } from './api';
import { FollowButton } from './FollowButton';
import { announcementUrl, manageUrl, publishUrl } from './routes';
import { publishedLine } from './time';
import './announce.scss';

/**
 * On the project page: 关注 / 已关注, the plan and later announcements shown to me, and for staff every
 * announcement (also held or withdrawn) with 发布公告 and the page's viewers against the target (知晓度).
 * Opening the page records me as a viewer (project.view).
 */
export function ProjectAnnouncements({ project }: { project: Project }) {
  const staff = !!project.staff;
  const visible = staff || publicStatuses.includes(project.status);
  const view = useResource(() => (visible ? viewProject(project._id) : Promise.resolve(null)), [project._id]);
  if (!visible) return null;
  return (
    <View className="pa" id="project-announcements">
      {view.error ? (
        <ErrorBlock error={view.error} onRetry={view.reload} />
      ) : !view.data ? (
        <Loading inline text="正在读取关注情况…" />
      ) : (
        <>
          <FollowButton id="project-follow" projectId={project._id} following={view.data.following} />
          {staff ? (
            <Text className="pa__reach" id="project-awareness">
              已有 {view.data.viewers} 位职工看过项目页
              {view.data.target
                ? `，目标覆盖 ${view.data.target} 人，知晓度 ${((view.data.awareness ?? 0) * 100).toFixed(1)}%`
                : '（报告里没有填覆盖职工数量，算不出知晓度）'}
            </Text>
          ) : null}
        </>
      )}
      {staff ? <StaffList projectId={project._id} status={project.status} /> : <WorkerList projectId={project._id} />}
    </View>
  );
}

function WorkerList({ projectId }: { projectId: string }) {
  const feed = useResource(() => fetchProjectFeed(projectId), [projectId]);
  if (feed.error) return <ErrorBlock error={feed.error} onRetry={feed.reload} />;
  if (!feed.data) return <Loading inline text="正在读取项目公告…" />;
  return (
    <Card title="实施方案和公告" id="project-announcement-list">
      {feed.data.items.length === 0 ? (
        <Text className="pa__empty" id="project-announcements-empty">
          这个项目还没有发给您的公告。工会发布服务时间、地点等安排后会出现在这里。
        </Text>
      ) : (
        feed.data.items.map((i) => (
          <Row
            key={i.announcementId}
            id={`project-announcement-${i.announcementId}`}
            kind={i.kindLabel}
            title={i.title}
            line={publishedLine(i.publishedAt, i.editedAt)}
            unread={i.unread}
            onClick={() => void Taro.navigateTo({ url: announcementUrl(i.announcementId) })}
          />
        ))
      )}
    </Card>
  );
}

function StaffList({ projectId, status }: { projectId: string; status: Project['status'] }) {
  const me = useMe();
  const stats = useResource(() => fetchStats(projectId), [projectId]);
  const roles = me.data?.bound ? (me.data.profile.bindings ?? [me.data.profile]).map((b) => b.role) : [];
  const mayPublish = roles.some((r) => projectOwnerRoles.includes(r));
  const items = stats.data?.items ?? [];
  const hasPlan = items.some((i) => i.kind === 'plan');
  return (
    <Card
      title="实施方案和公告"
      id="project-announcement-list"
      extra={
        items.length > 0 ? (
          <Text
            className="pa__link"
            id="project-announcement-stats"
            onClick={() => void Taro.navigateTo({ url: manageUrl(projectId) })}
          >
            触达情况
          </Text>
        ) : undefined
      }
    >
      {stats.error ? (
        <ErrorBlock error={stats.error} onRetry={stats.reload} />
      ) : !stats.data ? (
        <Loading inline text="正在读取项目公告…" />
      ) : items.length === 0 ? (
        <Text className="pa__empty" id="project-announcements-empty">
          {status === 'established'
            ? '还没有发布实施方案。启动申报表审核通过后，在这里发布实施方案，项目随之发布，职工在首页看到。'
            : '还没有公告。实施方案和之后的服务时间、地点变更在这里发布。'}
        </Text>
      ) : (
        items.map((i) => (
          <Row
            key={i.announcementId}
            id={`project-announcement-${i.announcementId}`}
            kind={i.kind === 'plan' ? '实施方案' : '公告'}
            title={i.title}
            line={`${publishedLine(i.publishedAt, i.editedAt)} · 打开 ${i.reached} / ${i.audienceSize} 人`}
            state={i.state === 'shown' ? undefined : i.stateLabel}
            onClick={() => void Taro.navigateTo({ url: announcementUrl(i.announcementId) })}
          />
        ))
      )}
      {mayPublish ? (
        <AppButton
          id="project-announcement-publish"
          kind={hasPlan ? 'default' : 'primary'}
          block
          onClick={() => void Taro.navigateTo({ url: publishUrl(projectId) })}
        >
          {hasPlan ? '发布新公告' : '发布实施方案'}
        </AppButton>
      ) : null}
    </Card>
  );
}

interface RowProps {
  id: string;
  kind: string;
  title: string;
  line: string;
  unread?: boolean;
  state?: string;
  onClick: () => void;
}

function Row({ id, kind, title, line, unread, state, onClick }: RowProps) {
  return (
    <View className="pa__row" id={id} hoverClass="pa__row--active" onClick={onClick}>
      <View className="pa__row-head">
        {unread ? <View className="pa__dot" aria-label="未读" /> : null}
        <Text className="pa__kind">{kind}</Text>
        {state ? <Badge label={state} tone={state === '已撤回' ? 'neutral' : 'warning'} /> : null}
      </View>
      <Text className="pa__title">{title}</Text>
      <Text className="pa__line">{line}</Text>
    </View>
  );
}
