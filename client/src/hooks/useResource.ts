import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../services/call';

export interface Resource<T> {
  data: T | null;
  error: ApiError | null;
  /** True while the first load (or a `reload`) runs and nothing is shown yet. */
  loading: boolean;
  /** Starts over, showing the loading state. */
  reload: () => void;
  /** Loads again, keeping the current data on screen until the new arrives. */
  refresh: () => Promise<void>;
}

/**
 * One value loaded from the server. `initial` lets a hook start from a cached value (no spinner);
 * stale replies, from before the latest load started, are dropped.
 */
export function useResource<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  initial: T | null = null,
): Resource<T> {
  const [data, setData] = useState<T | null>(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(initial === null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const seq = useRef(0);

  const run = useCallback(async (showLoading: boolean) => {
    const mySeq = ++seq.current;
    if (showLoading) {
      setLoading(true);
      setError(null);
    }
    try {
      const value = await loadRef.current();
      if (mySeq !== seq.current) return;
      setData(value);
      setError(null);
    } catch (e) {
      if (mySeq !== seq.current) return;
      setError(toApiError(e));
    } finally {
      if (mySeq === seq.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void run(initial === null);
    // `deps` decide when to load again; `run` reads the latest `load` from a ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run, ...deps]);

  const reload = useCallback(() => void run(true), [run]);
  const refresh = useCallback(() => run(false), [run]);
  return { data, error, loading, reload, refresh };
}
