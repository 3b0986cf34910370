/**
 * 现场座谈 on a worker's project page: the short public version `forum.list` gives workers — date, place,
 * how many took part and what was said (only forums whose place and summary passed the content check) —
 * so workers see the union listened. The issues raised, units, photos and follow-ups stay with staff
 * (their ForumSection). The card is not shown while there are no forums, or where the project is not
 * open to the reader.
 */
import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import type { Forum, ProjectStatus } from '@shishi/shared-types';
import { AppButton, Card, ErrorBlock, Loading } from '../../components';
import { useResource } from '../../hooks/useResource';
import { dayLabel } from '../project/actions/ui';
import { listForums } from './api';
import './forum.scss';

/** Shown first: the newest few; 查看更多 loads more, up to the largest page the function serves. */
const FIRST = 3;
const MOST = 50;

/** Forums exist from publication on (before that the function refuses workers). */
const shownIn: readonly ProjectStatus[] = [
  'published',
  'inProgress',
  'midtermFiled',
  'acceptanceFiled',
  'accepted',
  'closed',
  'terminated',
];

export function ForumPublicCard({ projectId, status }: { projectId: string; status: ProjectStatus }) {
  if (!shownIn.includes(status)) return null;
  return <PublicForums projectId={projectId} />;
}

function PublicForums({ projectId }: { projectId: string }) {
  const [size, setSize] = useState(FIRST);
  const got = useResource(() => listForums(projectId, 1, size), [projectId, size]);

  if (got.error) {
    // Not open to this reader (no profile yet, a project outside their reach): the page says so already.
    const code = got.error.code;
    if (code === 'FORBIDDEN' || code === 'NOT_FOUND' || code === 'PROFILE_REQUIRED' || code === 'INVALID_INPUT')
      return null;
    return (
      <Card title="现场座谈" id="forum-public">
        <ErrorBlock error={got.error} onRetry={got.reload} />
      </Card>
    );
  }
  // The first read: a small wait line (the card itself only appears when there are forums).
  if (!got.data) return got.loading ? <Loading text="正在读取现场座谈…" /> : null;
  const page = got.data;
  if (page.total === 0) return null;

  return (
    <Card title="现场座谈" id="forum-public">
      <Text className="fm-hint" id="forum-public-intro">
        工会和职工面对面座谈了 {page.total} 次，听取大家对这个项目的意见。
      </Text>
      {page.items.map((forum, i) => (
        <PublicForum key={forum._id} forum={forum} index={i} />
      ))}
      {page.total > page.items.length && page.items.length < MOST ? (
        <AppButton
          id="forum-public-more"
          block
          loading={got.loading}
          busyText="正在读取…"
          onClick={() => setSize(Math.min(MOST, page.total))}
        >
          {`查看全部 ${page.total} 次座谈`}
        </AppButton>
      ) : null}
    </Card>
  );
}

function PublicForum({ forum, index }: { forum: Forum; index: number }) {
  const [open, setOpen] = useState(false);
  const id = `forum-public-${index}`;
  return (
    <View className="fm-item" id={id}>
      <View className="fm-item__head" id={`${id}-open`} onClick={() => setOpen(!open)}>
        <View className="fm-item__title">
          <Text className="fm-item__date">{dayLabel(forum.date)}</Text>
          <Text className="fm-item__place">
            {forum.place} · {forum.attendance} 人参加
          </Text>
        </View>
        <Text className="fm-item__arrow">{open ? '收起' : '展开'}</Text>
      </View>
      <Text className={`fm-item__summary ${open ? '' : 'fm-item__summary--clamp'}`} id={`${id}-summary`}>
        {forum.summary}
      </Text>
    </View>
  );
}
