/**
 * One payment in 交费记录: amount, months, status and channel; tapped, its 收据 (receipt): amounts,
 * order and transaction numbers, times, 代缴 payer, the cash receiver and receipt number, and a
 * reversal (冲正) with its reason.
 */
import { Text, View } from '@tarojs/components'
import type { DuesPaymentStatus, DuesPaymentView } from '@dangjian/shared'
import { formatDateTime } from '../../../lib/time'
import { formatFen } from '../../../lib/money'
import { monthsText, PAID_VIA_TEXT } from '../../../services/dues'
import '../../../styles/common.css'
import '../dues.css'

export const PAYMENT_STATUS_TAG: Record<DuesPaymentStatus, { text: string; tone: 'green' | 'gold' | 'grey' | 'red' }> = {
  paid: { text: '已交纳', tone: 'green' },
  pending: { text: '待支付', tone: 'gold' },
  closed: { text: '未支付', tone: 'grey' },
  reversed: { text: '已冲正', tone: 'red' },
}

function Row({ k, v }: { k: string; v: string | null | undefined }) {
  if (v === null || v === undefined || v === '') return null
  return (
    <View className='du-info__line'>
      <Text className='du-info__key'>{k}</Text>
      <Text className='du-info__value'>{v}</Text>
    </View>
  )
}

export function ReceiptDetail({ p }: { p: DuesPaymentView }) {
  return (
    <View className='du-receipt__detail'>
      <Text className='du-receipt__title'>收据</Text>
      <Row k='党员' v={p.memberName} />
      <Row k='组织' v={p.orgName} />
      <Row k='交纳月份' v={p.months.length ? monthsText(p.months) : '—'} />
      <Row k='党费' v={formatFen(p.duesFen)} />
      {p.voluntaryFen ? <Row k='自愿多交' v={`${formatFen(p.voluntaryFen)}${p.toCentral ? '（全额上交中央）' : ''}`} /> : null}
      <Row k='合计' v={formatFen(p.amountFen)} />
      <Row k='交纳方式' v={PAID_VIA_TEXT[p.paidVia]} />
      <Row k='代缴人' v={p.payerName} />
      <Row k='订单号' v={p.orderNo} />
      <Row k='交易号' v={p.channelTxId} />
      <Row k='收款人' v={p.receiverName} />
      <Row k='收据编号' v={p.receiptNo} />
      <Row k='登记人' v={p.recordedByName} />
      <Row k='下单时间' v={formatDateTime(p.createdAt)} />
      <Row k='交纳时间' v={p.paidAt ? formatDateTime(p.paidAt) : null} />
      {p.reversal ? (
        <View className='du-receipt__reversal'>
          <Text>{`已冲正：${p.reversal.reason}（${p.reversal.byName}，${formatDateTime(p.reversal.at)}）`}</Text>
        </View>
      ) : null}
    </View>
  )
}

export default function ReceiptCard({ payment: p, open, onToggle }: { payment: DuesPaymentView; open: boolean; onToggle: () => void }) {
  const tag = PAYMENT_STATUS_TAG[p.status]
  const meta: string[] = [PAID_VIA_TEXT[p.paidVia]]
  meta.push(formatDateTime(p.paidAt ?? p.createdAt))
  if (p.payerName) meta.push(`代缴人 ${p.payerName}`)
  return (
    <View className={`dj-card du-receipt du-receipt--${p.status}`} onClick={onToggle}>
      <View className='du-receipt__head'>
        <Text className='du-receipt__amount'>{formatFen(p.amountFen)}</Text>
        <Text className={`bp-tag bp-tag--${tag.tone}`}>{tag.text}</Text>
      </View>
      <Text className='du-receipt__months'>
        {p.months.length ? `${monthsText(p.months)}党费` : '自愿多交党费'}
        {p.payerName ? `（${p.memberName}）` : ''}
      </Text>
      <View className='bp-meta'>
        {meta.map((m) => (
          <Text key={m} className='bp-meta__item'>{m}</Text>
        ))}
        <Text className='bp-meta__item bp-meta__item--push bp-link'>{open ? '收起' : '收据'}</Text>
      </View>
      {open ? <ReceiptDetail p={p} /> : null}
    </View>
  )
}
