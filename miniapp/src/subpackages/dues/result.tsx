/**
 * A payment's outcome (?paymentId=): after the platform's payment, and where the H5 simulator sends
 * the browser back to (/h5/#/subpackages/dues/result?paymentId=…), so it works opened directly.
 * Polls GET /dues/payments/:id until the notification has marked it paid: 交纳成功 with the amount
 * and months; still pending → 支付结果确认中 with 刷新; closed → 未支付.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { DuesPaymentView } from '@dangjian/shared'
import { PageShell } from '../../components/PageShell'
import ActionButton from '../../pages/activate/parts/ActionButton'
import { formatFen } from '../../lib/money'
import { DUES_PAGES, DUES_TAB, monthsText, PAID_VIA_TEXT } from '../../services/dues'
import { duesApi, notifyDuesChanged } from './lib/endpoints'
import { pollPayment } from './lib/pay'
import '../../pages/activate/parts/forms.css'
import './dues.css'

type State = { kind: 'checking' } | { kind: 'done'; payment: DuesPaymentView } | { kind: 'error'; error: unknown }

/** Back where the member came from, or the 党费 tab when the page was opened directly (H5 return). */
function finish(): void {
  const pages = Taro.getCurrentPages()
  if (pages.length > 1) void Taro.navigateBack()
  else void Taro.switchTab({ url: DUES_TAB })
}

export default function DuesResultPage() {
  const { params } = useRouter()
  const id = Number(params.paymentId)
  const valid = Number.isInteger(id) && id > 0
  const [state, setState] = useState<State>({ kind: 'checking' })
  const left = useRef(false)

  const check = useCallback(async () => {
    if (!valid) return
    setState({ kind: 'checking' })
    try {
      const payment = await pollPayment(id, { fetch: duesApi.payment, cancelled: () => left.current })
      if (left.current) return
      setState({ kind: 'done', payment })
      if (payment.status === 'paid') notifyDuesChanged()
    } catch (error) {
      if (!left.current) setState({ kind: 'error', error })
    }
  }, [id, valid])

  useEffect(() => {
    left.current = false
    void check()
    return () => { left.current = true }
  }, [check])

  if (!valid) {
    return (
      <View className='dj-page'>
        <PageShell empty emptyTitle='未找到支付记录' emptyText='请在交费记录中查看交纳情况。' emptyAction={{ text: '查看交费记录', onClick: () => void Taro.redirectTo({ url: DUES_PAGES.receipts }) }} />
      </View>
    )
  }

  const p = state.kind === 'done' ? state.payment : null
  return (
    <View className='dj-page du-result-page'>
      <PageShell loading={state.kind === 'checking'} loadingText='正在确认支付结果…' error={state.kind === 'error' ? state.error : null} onRetry={() => void check()}>
        {p ? (
          <View className={`du-result du-result--${p.status}`}>
            {p.status === 'paid' ? (
              <View className='du-result__icon du-result__icon--paid'><Text>✓</Text></View>
            ) : p.status === 'pending' ? (
              <View className='du-result__icon du-result__icon--pending'><Text>…</Text></View>
            ) : (
              <View className='du-result__icon du-result__icon--closed'><Text>!</Text></View>
            )}
            <Text className='du-result__title'>
              {p.status === 'paid' ? '交纳成功' : p.status === 'pending' ? '支付结果确认中' : p.status === 'reversed' ? '已冲正' : '未支付'}
            </Text>
            <Text className='du-result__amount'>{formatFen(p.amountFen)}</Text>
            {p.months.length ? <Text className='du-result__text'>{`${monthsText(p.months)}党费`}</Text> : null}
            {p.voluntaryFen ? <Text className='du-result__text'>{`含自愿多交 ${formatFen(p.voluntaryFen)}${p.toCentral ? '，全额上交中央' : ''}`}</Text> : null}
            {p.payerName ? <Text className='du-result__text'>{`为 ${p.memberName} 代缴`}</Text> : null}
            {p.status === 'paid' ? <Text className='du-result__text'>{`${PAID_VIA_TEXT[p.paidVia]} · 订单号 ${p.orderNo ?? '—'}`}</Text> : null}
            {p.status === 'pending' ? <Text className='du-result__text'>支付平台的结果可能稍有延迟，请稍后点击刷新；如已扣款，无需重复支付。</Text> : null}
            {p.status === 'closed' ? <Text className='du-result__text'>本次支付未完成，订单已关闭，可以返回重新交纳。</Text> : null}
            <View className='du-result__actions'>
              {p.status === 'pending' ? <ActionButton text='刷新' onClick={() => void check()} /> : null}
              <ActionButton text={p.status === 'pending' ? '返回' : '完成'} kind={p.status === 'pending' ? 'ghost' : 'primary'} className='dj-action--second' onClick={finish} />
              <ActionButton text='查看交费记录' kind='plain' className='dj-action--second' onClick={() => void Taro.redirectTo({ url: DUES_PAGES.receipts })} />
            </View>
          </View>
        ) : null}
      </PageShell>
    </View>
  )
}
