/** The member's standard for the year (category, rule, monthly amount), the payment window and the account. */
import { Text, View } from '@tarojs/components'
import { DUES_CATEGORY_LABELS, type MemberDues } from '@dangjian/shared'
import { formatFen } from '../../../lib/money'
import { NO_STANDARD_MESSAGE, PAID_VIA_TEXT } from '../../../services/dues'
import '../dues.css'

export function windowText(w: MemberDues['window']): string {
  return `每月${w.firstDay}日–${w.lastDay}日`
}

function Line({ k, v, tone }: { k: string; v: string; tone?: 'open' | 'closed' }) {
  return (
    <View className='du-info__line'>
      <Text className='du-info__key'>{k}</Text>
      <Text className={`du-info__value${tone ? ` du-info__value--${tone}` : ''}`}>{v}</Text>
    </View>
  )
}

export default function DuesInfo({ dues }: { dues: MemberDues }) {
  const s = dues.standard
  return (
    <View className='dj-card du-info'>
      {s ? (
        <View>
          <Line k='党员类别' v={DUES_CATEGORY_LABELS[s.category]} />
          <Line k='每月应交' v={formatFen(s.amountFen)} />
          <Line k='计算标准' v={s.rule} />
          {s.hardship ? <Line k='困难减免' v={`${s.amountFen === 0 ? '免交' : `减为每月${formatFen(s.hardship.amountFen)}`}（${s.hardship.approvedBy}批准）`} /> : null}
        </View>
      ) : (
        <Line k='党费标准' v={`${NO_STANDARD_MESSAGE}（${dues.year}年）`} />
      )}
      <Line k='交纳时间' v={`${windowText(dues.window)}（${dues.window.open ? '当前可交纳' : '当前不在交纳时间'}）`} tone={dues.window.open ? 'open' : 'closed'} />
      {dues.account ? <Line k='交纳渠道' v={`${PAID_VIA_TEXT[dues.account.channel]} · ${dues.account.orgName}`} /> : null}
    </View>
  )
}
