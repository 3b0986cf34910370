/**
 * 评价意见 lists for the project's staff: the comments that passed the content check and those held for
 * a person's review (去审核), both 50 a page newest day first (加载更多), each with its scores and day,
 * never who wrote it. A held comment is passed (通过) or rejected (不通过, after a confirm) here.
 */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { RatingComment } from '@shishi/shared-types/src/contracts/rating';
import { ratingDimensionLabels, ratingDimensions } from '@shishi/shared-types/src/rules/rating';
import { AppButton, Empty, ErrorBlock, Loading } from '../../components';
import { toApiError, type ApiError } from '../../services/call';
import { confirm, toastSuccess } from '../../utils/feedback';
import { fetchRatingComments, moderateComment } from './api';
import { dayText } from './labels';

interface CommentsPage {
  items: RatingComment[];
  next: string | null;
  held: number;
}

export interface RatingCommentsList {
  /** Null while the first page loads. */
  data: CommentsPage | null;
  error: ApiError | null;
  loadingMore: boolean;
  moreError: string;
  /** Starts over from the first page, showing the loading state. */
  reload: () => void;
  /** Reads the first page again, keeping the items on screen until it arrives. */
  refresh: () => Promise<void>;
  loadMore: () => void;
  /** Takes one comment off the list at once (it was moderated; a refresh follows). */
  drop: (ratingId: string) => void;
}

/** One state's comments, keyset-paged by the server's `next`; replies to an older request are dropped. */
export function useRatingComments(projectId: string, state: 'pass' | 'review'): RatingCommentsList {
  const [data, setData] = useState<CommentsPage | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState('');
  const seq = useRef(0);

  const load = useCallback(
    async (showLoading: boolean) => {
      const mine = ++seq.current;
      if (showLoading) {
        setData(null);
        setError(null);
      }
      setMoreError('');
      setLoadingMore(false);
      try {
        const out = await fetchRatingComments(projectId, null, state);
        if (mine !== seq.current) return;
        setData(out);
        setError(null);
      } catch (e) {
        if (mine === seq.current) setError(toApiError(e));
      }
    },
    [projectId, state],
  );

  useEffect(() => {
    void load(true);
  }, [load]);

  const loadMore = () => {
    if (!data?.next || loadingMore) return;
    const mine = seq.current;
    const shown = data;
    setLoadingMore(true);
    setMoreError('');
    fetchRatingComments(projectId, shown.next, state)
      .then((out) => {
        if (mine !== seq.current) return;
        const seen = new Set(shown.items.map((c) => c.ratingId));
        setData({
          items: [...shown.items, ...out.items.filter((c) => !seen.has(c.ratingId))],
          next: out.next,
          held: out.held,
        });
      })
      .catch((e: unknown) => {
        if (mine === seq.current) setMoreError(toApiError(e).message);
      })
      .finally(() => {
        if (mine === seq.current) setLoadingMore(false);
      });
  };

  const drop = (ratingId: string) =>
    setData((old) =>
      old
        ? {
            ...old,
            items: old.items.filter((c) => c.ratingId !== ratingId),
            held: state === 'review' ? Math.max(0, old.held - 1) : old.held,
          }
        : old,
    );

  return {
    data,
    error,
    loadingMore,
    moreError,
    reload: () => void load(true),
    refresh: () => load(false),
    loadMore,
    drop,
  };
}

/** A comment with its day and scores; `children` are its buttons (去审核). */
function CommentItem({ c, id, children }: { c: RatingComment; id: string; children?: ReactNode }) {
  return (
    <View className="rt-row" id={id}>
      <View className="rt-row__head">
        <Text className="rt-row__label" id={`${id}-text`}>
          {c.comment}
        </Text>
        <Text className="rt-row__count" id={`${id}-day`}>
          {dayText(c.day)}
        </Text>
      </View>
      <Text className="rt-row__means" id={`${id}-scores`}>
        {ratingDimensions.map((d) => `${ratingDimensionLabels[d]} ${c.scores[d]} 分`).join('；')}
      </Text>
      {children}
    </View>
  );
}

/**
 * The paged list of one state's comments: loading, error with 重试, empty, the items, 加载更多.
 * Ids: `<id>-list`, `<id>-empty`, `<id>-more`, `<id>-more-error`, `<id>-retry`; `<itemId>-<ratingId>` per item.
 */
export function CommentList({
  id,
  itemId,
  list,
  emptyText,
  loadingText,
  renderActions,
}: {
  id: string;
  itemId: string;
  list: RatingCommentsList;
  emptyText: string;
  loadingText: string;
  renderActions?: (c: RatingComment) => ReactNode;
}) {
  if (list.error) return <ErrorBlock error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading inline text={loadingText} />;
  const { items, next } = list.data;
  return (
    <View id={`${id}-list`}>
      {items.length === 0 ? (
        <View id={`${id}-empty`}>
          <Empty text={emptyText} />
        </View>
      ) : (
        items.map((c) => (
          <CommentItem key={c.ratingId} c={c} id={`${itemId}-${c.ratingId}`}>
            {renderActions?.(c)}
          </CommentItem>
        ))
      )}
      {list.loadingMore ? (
        <Loading inline text="正在加载更多…" />
      ) : list.moreError ? (
        <View>
          <Text className="rt-error" id={`${id}-more-error`}>
            {list.moreError}
          </Text>
          <AppButton kind="plain" id={`${id}-retry`} onClick={list.loadMore}>
            重试
          </AppButton>
        </View>
      ) : next ? (
        <AppButton block id={`${id}-more`} onClick={list.loadMore}>
          加载更多
        </AppButton>
      ) : null}
    </View>
  );
}

type Verdict = 'pass' | 'reject';

/** Replies after which the comment is no longer waiting here: the list is read again and says so. */
const gone: Record<string, string> = {
  CONFLICT: '这条意见已经有人审核过了，列表已经刷新。',
  INVALID_INPUT: '找不到这条意见了（可能已被修改），列表已经刷新。',
};

/**
 * 待审核的评价意见 with 通过 / 不通过 on each. A verdict takes the comment off this list and reloads both
 * lists (`onChanged` reloads the passed ones and their held count).
 */
export function HeldComments({ projectId, onChanged }: { projectId: string; onChanged: () => void }) {
  const list = useRatingComments(projectId, 'review');
  const [busy, setBusy] = useState<Record<string, Verdict>>({});
  const [failed, setFailed] = useState<Record<string, string>>({});

  const decide = async (c: RatingComment, verdict: Verdict) => {
    if (busy[c.ratingId]) return;
    if (
      verdict === 'reject' &&
      !(await confirm(
        '不通过这条意见？',
        '不通过的意见不会在这里显示，导出里只写“（意见未通过审核）”；这条评价的分数照常计入。',
        '不通过',
      ))
    ) {
      return;
    }
    setBusy((old) => ({ ...old, [c.ratingId]: verdict }));
    setFailed(({ [c.ratingId]: _drop, ...rest }) => rest);
    try {
      await moderateComment({ projectId, ratingId: c.ratingId, verdict });
      toastSuccess(verdict === 'pass' ? '已通过' : '已设为不通过');
      list.drop(c.ratingId);
      onChanged();
      await list.refresh();
    } catch (e) {
      const err = toApiError(e);
      const reason = gone[err.code];
      if (reason) {
        void Taro.showModal({ title: '没有审核成功', content: reason, showCancel: false, confirmText: '知道了' });
        list.drop(c.ratingId);
        onChanged();
        await list.refresh();
      } else {
        setFailed((old) => ({
          ...old,
          [c.ratingId]: `${err.message} 请稍后再点一次；一直不行请联系系统管理员。`,
        }));
      }
    } finally {
      setBusy(({ [c.ratingId]: _done, ...rest }) => rest);
    }
  };

  return (
    <View className="rt-held" id="rating-held-block">
      <Text className="rt-sub">待审核的意见</Text>
      <Text className="rt-hint">
        这些意见没有通过自动内容检查，或没能检查。通过后才显示在上面和导出里；不通过的一直不显示。
      </Text>
      <CommentList
        id="rating-held"
        itemId="rating-held"
        list={list}
        emptyText="没有待审核的意见了"
        loadingText="正在读取待审核的意见…"
        renderActions={(c) => {
          const acting = busy[c.ratingId];
          return (
            <View className="rt-held__actions">
              {failed[c.ratingId] ? (
                <Text className="rt-error" id={`rating-held-${c.ratingId}-error`}>
                  {failed[c.ratingId]}
                </Text>
              ) : null}
              <View className="rt-held__buttons">
                <AppButton
                  kind="primary"
                  id={`rating-held-${c.ratingId}-pass`}
                  loading={acting === 'pass'}
                  busyText="正在提交…"
                  disabled={acting === 'reject'}
                  onClick={() => void decide(c, 'pass')}
                >
                  通过
                </AppButton>
                <AppButton
                  kind="plain"
                  id={`rating-held-${c.ratingId}-reject`}
                  loading={acting === 'reject'}
                  busyText="正在提交…"
                  disabled={acting === 'pass'}
                  onClick={() => void decide(c, 'reject')}
                >
                  不通过
                </AppButton>
              </View>
            </View>
          );
        }}
      />
    </View>
  );
}
