import { useCallback, useState } from 'react'
import { useDidShow } from '@tarojs/taro'

/** The states of a tab page whose content depends on who is logged in. */
export type TabLoadState<Ready> = { kind: 'loading' } | { kind: 'error'; error: unknown } | Ready

/**
 * A tab page's content, loaded on every visit (tabs stay mounted, and what they show changes
 * elsewhere: badges, payments). A failed reload keeps what is shown; `retry` starts from loading.
 */
export function useTabState<Ready extends { kind: string }>(loader: () => Promise<Ready>) {
  const [state, setState] = useState<TabLoadState<Ready>>({ kind: 'loading' })

  const load = useCallback(async () => {
    try {
      setState(await loader())
    } catch (error) {
      setState((s) => (s.kind === 'ready' ? s : { kind: 'error', error }))
    }
  }, [loader])

  useDidShow(() => {
    void load()
  })

  const retry = () => {
    setState({ kind: 'loading' })
    void load()
  }
  return { state, setState, load, retry }
}
