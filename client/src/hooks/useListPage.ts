import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { PagedListState } from '../components/PagedList/usePagedList';
import { useOnReshow } from './useOnReshow';

/**
 * Page wiring of a paged list: the next page when the page scrolls to the bottom (unless
 * `loadMoreAtBottom` is false: then only its 加载更多 button), pull down to refresh, and a refresh when
 * the page shows again.
 */
export function useListPage<T>(list: PagedListState<T>, { loadMoreAtBottom = true } = {}): void {
  useReachBottom(() => {
    if (loadMoreAtBottom) list.loadMore();
  });
  usePullDownRefresh(() => {
    void list.refresh().finally(() => void Taro.stopPullDownRefresh());
  });
  useOnReshow(() => void list.refresh());
}
