import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../../services/call';

export interface PageResult<T> {
  items: T[];
  total: number;
}

export type FetchPage<T> = (page: number, pageSize: number) => Promise<PageResult<T>>;

export interface PagedListState<T> {
  items: T[];
  total: number;
  /** First page: loading (nothing shown yet), ready, or error. */
  status: 'loading' | 'ready' | 'error';
  error: ApiError | null;
  loadingMore: boolean;
  loadMoreError: ApiError | null;
  hasMore: boolean;
  /** Starts over from page 1, showing the loading state. */
  reload: () => void;
  /** Fetches page 1 again but keeps the current items on screen until it arrives. */
  refresh: () => Promise<void>;
  loadMore: () => void;
}

interface Options<T> {
  pageSize?: number;
  keyOf: (item: T) => string;
}

/**
 * A paged list fetched page by page. `deps` are the filters: when one changes the list starts over.
 * Replies that arrive after a newer request started are dropped, so quick filter taps cannot mix lists.
 */
export function usePagedList<T>(
  fetchPage: FetchPage<T>,
  deps: readonly unknown[],
  { pageSize = 10, keyOf }: Options<T>,
): PagedListState<T> {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(0);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<ApiError | null>(null);

  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const keyOfRef = useRef(keyOf);
  keyOfRef.current = keyOf;
  const seq = useRef(0);
  const busy = useRef(false);

  const loadFirst = useCallback(
    async (showLoading: boolean) => {
      const mySeq = ++seq.current;
      busy.current = true;
      if (showLoading) {
        setStatus('loading');
        setItems([]);
        setTotal(0);
      }
      setLoadMoreError(null);
      setLoadingMore(false);
      try {
        const result = await fetchRef.current(1, pageSize);
        if (mySeq !== seq.current) return;
        setItems(result.items);
        setTotal(result.total);
        setPage(1);
        setError(null);
        setStatus('ready');
      } catch (e) {
        if (mySeq !== seq.current) return;
        setError(toApiError(e));
        setStatus('error');
      } finally {
        if (mySeq === seq.current) busy.current = false;
      }
    },
    [pageSize],
  );

  useEffect(() => {
    void loadFirst(true);
    // The filters in `deps` decide when to start over; `loadFirst` reads the latest fetchPage from a ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadFirst, ...deps]);

  const hasMore = status === 'ready' && items.length < total;

  const loadMore = useCallback(() => {
    if (busy.current || !hasMore) return;
    const mySeq = ++seq.current;
    busy.current = true;
    setLoadingMore(true);
    setLoadMoreError(null);
    fetchRef
      .current(page + 1, pageSize)
      .then((result) => {
        if (mySeq !== seq.current) return;
        setItems((current) => {
          const seen = new Set(current.map((item) => keyOfRef.current(item)));
          return [...current, ...result.items.filter((item) => !seen.has(keyOfRef.current(item)))];
        });
        setTotal(result.total);
        setPage(page + 1);
      })
      .catch((e: unknown) => {
        if (mySeq !== seq.current) return;
        setLoadMoreError(toApiError(e));
      })
      .finally(() => {
        if (mySeq !== seq.current) return;
        busy.current = false;
        setLoadingMore(false);
      });
  }, [hasMore, page, pageSize]);

  const reload = useCallback(() => void loadFirst(true), [loadFirst]);
  const refresh = useCallback(() => loadFirst(false), [loadFirst]);

  return { items, total, status, error, loadingMore, loadMoreError, hasMore, reload, refresh, loadMore };
}
