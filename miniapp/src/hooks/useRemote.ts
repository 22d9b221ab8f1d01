import { useCallback, useEffect, useRef, useState } from 'react'

export interface Remote<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  /** Loads again (PageShell's 重试 calls this). */
  reload: () => Promise<void>
}

/**
 * Loads data for a page: `const r = useRemote(() => api.get<X>('/api/v1/x'), [])`, then
 * `<PageShell loading={r.loading} error={r.error} onRetry={r.reload}>…</PageShell>`.
 */
export function useRemote<T>(loader: () => Promise<T>, deps: unknown[] = []): Remote<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true })
  const seq = useRef(0)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(loader, deps)
  const reload = useCallback(async () => {
    const id = ++seq.current
    setState((s) => ({ data: s.data, loading: true }))
    try {
      const data = await run()
      if (id === seq.current) setState({ data, loading: false })
    } catch (error) {
      if (id === seq.current) setState((s) => ({ data: s.data, error, loading: false }))
    }
  }, [run])
  useEffect(() => {
    void reload()
  }, [reload])
  return { data: state.data, error: state.error, loading: state.loading, reload }
}
