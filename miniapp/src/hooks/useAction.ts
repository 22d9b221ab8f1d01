import { useCallback, useState } from 'react'
import { errorMessage } from '../services/errors'

export interface Action<K extends string> {
  /** The action running now, if any. */
  busy: K | null
  /** The last failure's message (for calls made with `toast: false`), or a check's own message. */
  error: string | null
  setError: (message: string | null) => void
  /** Runs `work` as `key`: busy while it runs, its failure's message in `error`. Resolves whether it succeeded. */
  run: (key: K, work: () => Promise<unknown>) => Promise<boolean>
}

/**
 * One user action at a time with its progress and error, for buttons that send something:
 *   const act = useAction<'attend' | 'leave'>()
 *   <ActionButton loading={act.busy === 'attend'} onClick={() => void act.run('attend', () => api.post(…))} />
 *   {act.error ? <Text>{act.error}</Text> : null}
 */
export function useAction<K extends string = 'send'>(): Action<K> {
  const [busy, setBusy] = useState<K | null>(null)
  const [error, setError] = useState<string | null>(null)
  const run = useCallback(async (key: K, work: () => Promise<unknown>) => {
    setBusy(key)
    setError(null)
    try {
      await work()
      return true
    } catch (e) {
      setError(errorMessage(e))
      return false
    } finally {
      setBusy(null)
    }
  }, [])
  return { busy, error, setError, run }
}
