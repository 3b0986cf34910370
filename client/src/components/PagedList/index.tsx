import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import { AppButton } from '../AppButton';
import { Empty } from '../Empty';
import { ErrorBlock } from '../ErrorBlock';
import { Loading } from '../Loading';
import type { PagedListState } from './usePagedList';
import './index.scss';

export { usePagedList, type FetchPage, type PageResult, type PagedListState } from './usePagedList';

interface PagedListProps<T> {
  /** Ids inside are `<id>-load-more`, `<id>-end`, `<id>-empty`: tab pages stay in the DOM, so ids are per list. */
  id: string;
  list: PagedListState<T>;
  renderItem: (item: T) => ReactNode;
  keyOf: (item: T) => string;
  emptyText: string;
  emptyActionText?: string;
  onEmptyAction?: () => void;
  /** Shown above the items once loaded, e.g. 共 12 条. */
  header?: ReactNode;
}

/** Loading, error (with 重试), empty (with an action), the items, and a footer that loads more. */
export function PagedList<T>({
  id,
  list,
  renderItem,
  keyOf,
  emptyText,
  emptyActionText,
  onEmptyAction,
  header,
}: PagedListProps<T>) {
  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error' && list.error) return <ErrorBlock error={list.error} onRetry={list.reload} />;
  if (list.items.length === 0) {
    return (
      <View id={`${id}-empty`}>
        {header}
        <Empty text={emptyText} actionText={emptyActionText} onAction={onEmptyAction} />
      </View>
    );
  }
  return (
    <View className="ui-paged-list" id={id}>
      {header}
      {/* One column on a phone; wide cards side by side on a desktop browser (app.scss). */}
      <View className="ui-paged-list__items">
        {list.items.map((item) => (
          <View key={keyOf(item)}>{renderItem(item)}</View>
        ))}
      </View>
      <View className="ui-paged-list__footer">
        {list.loadingMore ? (
          <Loading inline text="正在加载更多…" />
        ) : list.loadMoreError ? (
          <View className="ui-paged-list__more-error">
            <Text className="muted">{list.loadMoreError.message}</Text>
            <AppButton kind="plain" id={`${id}-retry-more`} onClick={list.loadMore}>
              重试
            </AppButton>
          </View>
        ) : list.hasMore ? (
          <AppButton block id={`${id}-load-more`} onClick={list.loadMore}>
            加载更多
          </AppButton>
        ) : (
          <Text className="muted ui-paged-list__end" id={`${id}-end`}>
            没有更多了
          </Text>
        )}
      </View>
    </View>
  );
}
