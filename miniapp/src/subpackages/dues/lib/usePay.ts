/**
 * The 支付 button of the month list and of 代缴: runs createPayFlow with this platform, the order
 * endpoint and the result page; keeps its progress and the words of a refusal for the page.
 */
import { useCallback, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { DuesAccountTarget } from '@dangjian/shared'
import { currentPlatform, payBlocker, resultUrl } from '../../../services/dues'
import { duesApi, notifyDuesChanged } from './endpoints'
import { createPayFlow, type OrderDraft, type PayFlowResult } from './pay'

export interface PayButton {
  busy: boolean
  error: string | null
  pay: (draft: OrderDraft) => Promise<PayFlowResult>
}

export function usePay(account: DuesAccountTarget | null | undefined): PayButton {
  const accountRef = useRef(account)
  accountRef.current = account
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const flow = useRef<ReturnType<typeof createPayFlow> | null>(null)
  if (!flow.current) {
    flow.current = createPayFlow({
      platform: currentPlatform(),
      send: duesApi.createOrder,
      blocker: () => payBlocker(accountRef.current ?? null),
      openResult: (id) => void Taro.navigateTo({ url: resultUrl(id) }),
    })
  }

  const pay = useCallback(async (draft: OrderDraft) => {
    setBusy(true)
    setError(null)
    const res = await flow.current!(draft)
    // A second tap while the first runs: the first one owns the progress.
    if (res.kind === 'busy') return res
    if (res.kind === 'redirected') return res // the browser is leaving for the simulator's page
    setBusy(false)
    if (res.kind === 'blocked' || res.kind === 'error') setError(res.message)
    if (res.kind === 'cancelled') void Taro.showToast({ title: '已取消支付', icon: 'none' })
    if (res.kind === 'result' || res.kind === 'cancelled') notifyDuesChanged()
    return res
  }, [])

  return { busy, error, pay }
}
