/** The bottom bar of paying: the chosen months, the total, why paying is not possible, and 支付. */
import { Text, View } from '@tarojs/components'
import BottomBar from '../../../components/BottomBar'
import ActionButton from '../../../pages/activate/parts/ActionButton'
import { formatFen } from '../../../lib/money'
import type { SelectionTotal } from '../lib/selection'
import '../dues.css'

export interface PayBarProps {
  total: SelectionTotal
  /** Why 支付 is off (window closed, no account, wrong platform), shown above the button. */
  reason: string | null
  /** A refusal of the last press. */
  error: string | null
  busy: boolean
  onPay: () => void
}

export default function PayBar({ total, reason, error, busy, onPay }: PayBarProps) {
  const parts: string[] = []
  if (total.count) parts.push(`${total.count}个月党费 ${formatFen(total.duesFen)}`)
  if (total.voluntaryFen) parts.push(`自愿多交 ${formatFen(total.voluntaryFen)}`)
  return (
    <BottomBar className='du-paybar'>
      {error ? <Text className='du-paybar__error'>{error}</Text> : reason ? <Text className='du-paybar__reason'>{reason}</Text> : null}
      <View className='du-paybar__row'>
        <View className='du-paybar__sum'>
          <Text className='du-paybar__total'>
            合计 <Text className='du-paybar__amount'>{formatFen(total.totalFen)}</Text>
          </Text>
          <Text className='du-paybar__detail'>{parts.length ? parts.join('，') : '请选择要交纳的月份'}</Text>
        </View>
        <ActionButton
          className='du-paybar__button'
          text='支付'
          loadingText='支付中…'
          loading={busy}
          disabled={!!reason || total.totalFen <= 0}
          onClick={onPay}
        />
      </View>
    </BottomBar>
  )
}
