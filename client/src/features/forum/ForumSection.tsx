/**
 * 现场座谈 on the staff project record (第五条（七）): the project's forums, newest first, with the open
 * and overdue follow-ups counted; each opens to its participants, issues, photos and follow-ups, where
 * the unit marks a follow-up 标记完成; 记录座谈 opens the form page.
 */
import { View, Text, Image } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { forumStatuses, type Forum, type ForumPage, type ProjectStatus } from '@shishi/shared-types';
import { AppButton, Badge, Card, ErrorBlock, Loading, Notice } from '../../components';
import { useResource } from '../../hooks/useResource';
import { toApiError } from '../../services/call';
import { dayLabel } from '../project/actions/ui';
import { completeFollowUp, listForums } from './api';
import { FORUM_SAVED, forumFormUrl } from './routes';
import './forum.scss';

const STEP = 10;
/** The largest page the function serves. */
const MOST = 50;

/** Forums are held once the project is published: before that the section is not shown. */
const shownFrom: readonly ProjectStatus[] = [...forumStatuses, 'closed', 'terminated'];

export function ForumSection({ projectId, status }: { projectId: string; status: ProjectStatus }) {
  if (!shownFrom.includes(status)) return null;
  return <Forums projectId={projectId} />;
}

function Forums({ projectId }: { projectId: string }) {
  const [size, setSize] = useState(STEP);
  const got = useResource(() => listForums(projectId, 1, size), [projectId, size]);
  // Saved on the form page (记录座谈 / 修改): show it when the person comes back.
  const refresh = got.refresh;
  useEffect(() => {
    const saved = (id: string) => {
      if (id === projectId) void refresh();
    };
    Taro.eventCenter.on(FORUM_SAVED, saved);
    return () => void Taro.eventCenter.off(FORUM_SAVED, saved);
  }, [projectId, refresh]);
  const record = () => void Taro.navigateTo({ url: forumFormUrl(projectId) });

  return (
    <Card
      title="现场座谈"
      id="forum-section"
      extra={
        got.data?.canRecord && got.data.items.length > 0 ? (
          <View className="fm-link" id="forum-record" onClick={record}>
            <Text>记录座谈</Text>
          </View>
        ) : undefined
      }
    >
      {got.error ? (
        <ErrorBlock error={got.error} onRetry={got.reload} />
      ) : got.loading || !got.data ? (
        <Loading text="正在读取座谈记录…" />
      ) : (
        <ForumList
          page={got.data}
          onRecord={record}
          onChanged={() => void got.refresh()}
          onMore={() => setSize((s) => Math.min(MOST, s + STEP))}
          projectId={projectId}
        />
      )}
    </Card>
  );
}

function ForumList({
  page,
  projectId,
  onRecord,
  onChanged,
  onMore,
}: {
  page: ForumPage;
  projectId: string;
  onRecord: () => void;
  onChanged: () => void;
  onMore: () => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  if (page.items.length === 0) {
    return (
      <View className="fm-empty" id="forum-empty">
        <Text className="fm-empty__text">还没有座谈记录</Text>
        <Text className="fm-hint">
          和职工开过现场座谈后，把日期、参加的人、大家提的问题和要跟进的事记在这里，评价项目时会用到。
        </Text>
        {page.canRecord ? (
          <AppButton id="forum-record-first" kind="primary" block onClick={onRecord}>
            记录座谈
          </AppButton>
        ) : null}
      </View>
    );
  }
  const f = page.figures;
  return (
    <View>
      {f ? (
        <Text className="fm-hint" id="forum-figures">
          共 {f.forums} 次座谈，参加 {f.attendance} 人次；跟进事项未完成 {f.openFollowUps} 项
          {f.overdueFollowUps ? `，其中逾期 ${f.overdueFollowUps} 项` : ''}
        </Text>
      ) : null}
      {page.items.map((forum, i) => (
        <ForumItem
          key={forum._id}
          forum={forum}
          index={i}
          open={open === forum._id}
          onToggle={() => setOpen(open === forum._id ? null : forum._id)}
          onChanged={onChanged}
          projectId={projectId}
        />
      ))}
      {page.total > page.items.length ? (
        page.items.length < MOST ? (
          <AppButton id="forum-more" block onClick={onMore}>
            加载更多（共 {page.total} 次）
          </AppButton>
        ) : (
          <Text className="fm-hint">
            这里显示最近 {MOST} 次座谈，共 {page.total} 次。
          </Text>
        )
      ) : null}
    </View>
  );
}

function ForumItem({
  forum,
  index,
  open,
  onToggle,
  onChanged,
  projectId,
}: {
  forum: Forum;
  index: number;
  open: boolean;
  onToggle: () => void;
  onChanged: () => void;
  projectId: string;
}) {
  const d = forum.detail;
  const id = `forum-${index}`;
  return (
    <View className="fm-item" id={id}>
      <View className="fm-item__head" id={`${id}-open`} onClick={onToggle}>
        <View className="fm-item__title">
          <Text className="fm-item__date">{dayLabel(forum.date)}</Text>
          <Text className="fm-item__place">
            {forum.place} · {forum.attendance} 人
          </Text>
        </View>
        <Text className="fm-item__arrow">{open ? '收起' : '详情 ›'}</Text>
      </View>
      {d && (d.openFollowUps > 0 || !d.shownToWorkers) ? (
        <View className="fm-badges">
          {d.overdueFollowUps > 0 ? <Badge label={`${d.overdueFollowUps} 项跟进逾期`} tone="danger" /> : null}
          {d.openFollowUps > 0 ? <Badge label={`${d.openFollowUps} 项跟进未完成`} tone="warning" /> : null}
          {!d.shownToWorkers ? <Badge label="内容待审核，职工暂时看不到" tone="neutral" /> : null}
        </View>
      ) : null}
      <Text className={`fm-item__summary ${open ? '' : 'fm-item__summary--clamp'}`}>{forum.summary}</Text>
      {open && d ? <ForumDetailView forum={forum} id={id} onChanged={onChanged} projectId={projectId} /> : null}
    </View>
  );
}

function ForumDetailView({
  forum,
  id,
  onChanged,
  projectId,
}: {
  forum: Forum;
  id: string;
  onChanged: () => void;
  projectId: string;
}) {
  const d = forum.detail!;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const urls = d.photos.map((p) => p.url).filter(Boolean);

  const mark = async (key: string, undo: boolean) => {
    setError(null);
    setBusy(key);
    try {
      await completeFollowUp({ forumId: forum._id, key, undo });
      Taro.showToast({ title: undo ? '已撤销' : '已标记完成', icon: 'success' });
      onChanged();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="fm-detail" id={`${id}-detail`}>
      <Text className="fm-detail__label">参加单位</Text>
      {d.participants.length ? (
        d.participants.map((p, j) => (
          <Text className="fm-detail__line" key={j} id={`${id}-unit-${j}`}>
            {p.unit}：{p.count} 人
          </Text>
        ))
      ) : (
        <Text className="fm-hint">没有填写参加单位。</Text>
      )}

      <Text className="fm-detail__label">职工提出的问题</Text>
      {d.issues.length ? (
        d.issues.map((issue, j) => (
          <Text className="fm-detail__line" key={j} id={`${id}-issue-${j}`}>
            {j + 1}. {issue}
          </Text>
        ))
      ) : (
        <Text className="fm-hint">没有记录问题。</Text>
      )}

      {d.photos.length ? (
        <View>
          <Text className="fm-detail__label">现场照片</Text>
          <View className="fm-photos">
            {d.photos.map((p, j) =>
              p.url ? (
                <Image
                  key={p.fileID}
                  className="fm-photos__img"
                  src={p.url}
                  mode="aspectFill"
                  onClick={() => void Taro.previewImage({ urls, current: p.url })}
                  id={`${id}-photo-${j}`}
                />
              ) : null,
            )}
          </View>
        </View>
      ) : null}

      <Text className="fm-detail__label">跟进事项</Text>
      {error ? <Notice id={`${id}-followup-error`} text={error} /> : null}
      {d.followUps.length === 0 ? <Text className="fm-hint">没有需要跟进的事项。</Text> : null}
      {d.followUps.map((f, j) => (
        <View className="fm-follow" key={f.key} id={`${id}-followup-${j}`}>
          <View className="fm-follow__body">
            <Text className="fm-follow__what">{f.what}</Text>
            <Text className="fm-follow__meta">
              责任人 {f.owner} · 期限 {dayLabel(f.dueDate)}
            </Text>
            <Text
              className={`fm-follow__state ${f.done ? 'fm-follow__state--done' : f.overdue ? 'fm-follow__state--late' : ''}`}
              id={`${id}-followup-${j}-state`}
            >
              {f.done ? `${dayLabel(f.doneOn)}完成` : f.overdue ? '已逾期' : '未完成'}
            </Text>
          </View>
          {d.canEdit ? (
            f.done ? (
              <View className="fm-link" id={`${id}-followup-${j}-undo`} onClick={() => void mark(f.key, true)}>
                <Text>{busy === f.key ? '正在撤销…' : '撤销'}</Text>
              </View>
            ) : (
              <AppButton
                id={`${id}-followup-${j}-done`}
                loading={busy === f.key}
                busyText="正在保存…"
                disabled={busy !== null && busy !== f.key}
                onClick={() => void mark(f.key, false)}
              >
                标记完成
              </AppButton>
            )
          ) : null}
        </View>
      ))}

      <Text className="fm-hint">
        {d.byName} 记录{d.shownToWorkers ? '；职工在项目页面能看到日期、地点、人数和座谈情况' : ''}
      </Text>
      {d.canEdit ? (
        <AppButton
          id={`${id}-edit`}
          block
          onClick={() => void Taro.navigateTo({ url: forumFormUrl(projectId, forum._id) })}
        >
          修改这次座谈
        </AppButton>
      ) : null}
    </View>
  );
}
