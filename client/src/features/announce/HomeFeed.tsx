import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { z } from 'zod';
import { AppButton, ErrorBlock, Loading } from '../../components';
import { useOnReshow } from '../../hooks/useOnReshow';
import { useResource } from '../../hooks/useResource';
import { invoke, registerContracts, toApiError } from '../../services/call';
import { announcementUrl } from './routes';
import { publishedLine } from './time';
import './HomeFeed.scss';

/**
 * 首页 is in the main package: the feed's reply is checked with a light schema of the fields shown here
 * (the full announce contracts ship with the announcement pages, features/announce/api.ts).
 */
const item = z.looseObject({
  announcementId: z.string(),
  projectTitle: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  summary: z.string(),
  time: z.string(),
  place: z.string(),
  publishedAt: z.string(),
  editedAt: z.string().nullable(),
  unread: z.boolean(),
});
type Item = z.infer<typeof item>;
const feedReply = z.looseObject({ items: z.array(item), hasMore: z.boolean() });
registerContracts('announce', { feed: { output: feedReply } }, { keepExisting: true });

const PAGE = 5;

/** 首页 · 项目动态: projects and announcements for me (my union, my groups), newest first, unread marked. */
export function HomeFeed() {
  const [more, setMore] = useState<{
    items: Item[];
    page: number;
    hasMore: boolean | null;
    busy: boolean;
    error: string | null;
  }>({ items: [], page: 1, hasMore: null, busy: false, error: null });
  const first = useResource(async () => {
    setMore({ items: [], page: 1, hasMore: null, busy: false, error: null });
    return invoke('announce', 'feed', { page: 1, pageSize: PAGE });
  }, []);
  useOnReshow(() => void first.refresh());
  usePullDownRefresh(() => void first.refresh());

  const loadMore = async () => {
    setMore((m) => ({ ...m, busy: true, error: null }));
    try {
      const next = await invoke('announce', 'feed', { page: more.page + 1, pageSize: PAGE });
      setMore((m) => ({
        items: [...m.items, ...next.items],
        page: m.page + 1,
        hasMore: next.hasMore,
        busy: false,
        error: null,
      }));
    } catch (e) {
      setMore((m) => ({ ...m, busy: false, error: toApiError(e).message }));
    }
  };

  let body;
  if (first.error) body = <ErrorBlock error={first.error} onRetry={first.reload} />;
  else if (!first.data) body = <Loading inline text="正在查看项目动态…" />;
  else if (first.data.items.length === 0)
    body = (
      <Text className="home-feed__empty" id="home-feed-empty">
        工会为您所在单位发布的为职工办实事项目和公告（服务时间、地点、怎样参加）会出现在这里。现在还没有。
      </Text>
    );
  else {
    const items = [...first.data.items, ...more.items];
    body = (
      <View>
        {items.map((i) => (
          <FeedCard key={i.announcementId} i={i} />
        ))}
        {more.error ? <Text className="home-feed__error">{more.error}，请稍后再点一次</Text> : null}
        {(more.hasMore ?? first.data.hasMore) ? (
          <AppButton id="home-feed-more" block loading={more.busy} busyText="正在加载…" onClick={() => void loadMore()}>
            更多动态
          </AppButton>
        ) : null}
      </View>
    );
  }
  return (
    <View className="home-feed" id="home-feed">
      <Text className="section-title">项目动态</Text>
      {body}
    </View>
  );
}

function FeedCard({ i }: { i: Item }) {
  const id = `home-feed-${i.announcementId}`;
  return (
    <View
      className="home-feed__card"
      id={id}
      hoverClass="home-feed__card--active"
      onClick={() => void Taro.navigateTo({ url: announcementUrl(i.announcementId) })}
    >
      <View className="home-feed__head">
        {i.unread ? <View className="home-feed__dot" id={`${id}-unread`} aria-label="未读" /> : null}
        <Text className="home-feed__kind">{i.kindLabel}</Text>
        <Text className="home-feed__project">{i.projectTitle}</Text>
      </View>
      <Text className="home-feed__title">{i.title}</Text>
      <Text className="home-feed__summary">{i.summary}</Text>
      <Text className="home-feed__meta">
        {i.time} · {i.place}
      </Text>
      <Text className="home-feed__meta" id={`${id}-when`}>
        {publishedLine(i.publishedAt, i.editedAt)}
      </Text>
    </View>
  );
}
