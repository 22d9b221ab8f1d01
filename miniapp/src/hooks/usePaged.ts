/**
 * A paginated list (Page<T> from the API): the first page on mount and on `reload`, the next one
 * on `more` (wire it to useReachBottom, and `reload` to usePullDownRefresh). Later pages append.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '@dangjian/shared'

export const PAGE_SIZE = 20

export interface Paged<T> {
  items: T[]
  total: number
  /** The first page is loading (with nothing shown yet). */
  loading: boolean
  loadingMore: boolean
  error: unknown
  hasMore: boolean
  reload: () => Promise<void>
  more: () => Promise<void>
  /** Local edits (a removed or updated row) without a reload. */
  setItems: (update: (items: T[]) => T[]) => void
}

export function usePaged<T>(load: (page: number, pageSize: number) => Promise<Page<T>>, deps: unknown[]): Paged<T> {
  const [items, setItems] = useState<T[]>([])
  const [total, setTotal] = useState(0)
  const [page, setPage] = useState(0)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const seq = useRef(0)
  const busy = useRef(false)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fetchPage = useCallback(load, deps)

  const reload = useCallback(async () => {
    const id = ++seq.current
    setError(null)
    try {
      const res = await fetchPage(1, PAGE_SIZE)
      if (id !== seq.current) return
      setItems(res.items)
      setTotal(res.total)
      setPage(1)
    } catch (e) {
      if (id === seq.current) setError(e)
    } finally {
      if (id === seq.current) setLoading(false)
    }
  }, [fetchPage])

  const hasMore = page > 0 && items.length < total

  const more = useCallback(async () => {
    if (!hasMore || busy.current) return
    busy.current = true
    const id = seq.current
    setLoadingMore(true)
    try {
      const res = await fetchPage(page + 1, PAGE_SIZE)
      if (id !== seq.current) return
      setItems((prev) => prev.concat(res.items))
      setTotal(res.total)
      setPage(page + 1)
    } catch {
      // The request layer showed the message; reaching the bottom again retries.
    } finally {
      busy.current = false
      setLoadingMore(false)
    }
  }, [fetchPage, hasMore, page])

  // New arguments (another filter): start from an empty list.
  useEffect(() => {
    setItems([])
    setPage(0)
    setLoading(true)
    void reload()
  }, [reload])

  return { items, total, loading: loading && !items.length, loadingMore, error: items.length ? null : error, hasMore, reload, more, setItems }
}
