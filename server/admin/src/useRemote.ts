import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { errorMessage } from './api';

export interface Remote<T> {
  data: T | undefined;
  loading: boolean;
  /** The message to show when the last load failed. */
  error: string | null;
  reload: () => Promise<void>;
}

/**
 * Loads data whenever `deps` change. Only the latest request's answer is kept, so a slow answer
 * for an old page or filter never overwrites a newer one; the previous data stays visible while
 * the next loads (tables keep their rows under the spinner).
 */
export function useRemote<T>(fetcher: () => Promise<T>, deps: DependencyList): Remote<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  // `deps` stand for everything `fetcher` reads (like useEffect's list), so a new fetcher is not a new load.
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    try {
      const result = await fetcher();
      if (mine === seq.current) setData(result);
    } catch (e) {
      if (mine === seq.current) setError(errorMessage(e));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, deps);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, loading, error, reload };
}
