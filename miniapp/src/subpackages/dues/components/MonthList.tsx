/**
 * A year's months: 已交 / 预交 / 未交 / 未到期 with the amount, when and how it was paid and by whom
 * (代缴). Payable and prepayable months have a check box; unpaid months older than six are greyed
 * with where to settle them.
 */
import { Text, View } from '@tarojs/components'
import { beijingDay } from '../../../lib/time'
import { formatFen } from '../../../lib/money'
import { PAID_VIA_TEXT } from '../../../services/dues'
import type { MonthKind, MonthRow } from '../lib/selection'
import '../../../styles/common.css'
import '../dues.css'

const KIND_TAG: Record<MonthKind, { text: string; tone: 'green' | 'red' | 'grey' | 'gold' }> = {
  paid: { text: '已交', tone: 'green' },
  prepaid: { text: '预交', tone: 'green' },
  payable: { text: '未交', tone: 'red' },
  unpaid: { text: '未交', tone: 'red' },
  too_old: { text: '未交', tone: 'grey' },
  prepayable: { text: '未到期', tone: 'grey' },
  upcoming: { text: '未到期', tone: 'grey' },
  none: { text: '无账单', tone: 'grey' },
}

export function MonthTag({ kind }: { kind: MonthKind }) {
  const tag = KIND_TAG[kind]
  return <Text className={`bp-tag bp-tag--${tag.tone} du-month__tag`}>{tag.text}</Text>
}

function paidLine(row: MonthRow): string | null {
  const v = row.view
  if (!v || (row.kind !== 'paid' && row.kind !== 'prepaid')) return null
  const parts: string[] = []
  if (v.paidAt) parts.push(`${beijingDay(new Date(v.paidAt))}交纳`)
  if (v.paidVia) parts.push(PAID_VIA_TEXT[v.paidVia])
  if (v.payerName) parts.push(`代缴人 ${v.payerName}`)
  return parts.length ? parts.join(' · ') : null
}

export interface MonthListProps {
  rows: MonthRow[]
  selected: string[]
  onToggle: (month: string) => void
}

export default function MonthList({ rows, selected, onToggle }: MonthListProps) {
  return (
    <View className='dj-card du-months'>
      {rows.map((row) => {
        const on = selected.includes(row.month)
        const paid = paidLine(row)
        const hint = row.kind === 'prepayable' ? '可预交' : null
        return (
          <View
            key={row.month}
            className={`du-month du-month--${row.kind}${on ? ' du-month--on' : ''}${row.selectable ? ' du-month--selectable' : ''}`}
            hoverClass={row.selectable ? 'dj-row--hover' : 'none'}
            aria-checked={row.selectable ? (on ? 'true' : 'false') : undefined}
            onClick={() => {
              if (row.selectable || on) onToggle(row.month)
            }}
          >
            <View className={`du-check${row.selectable ? '' : ' du-check--none'}${on ? ' du-check--on' : ''}`}>
              {on ? <Text>✓</Text> : null}
            </View>
            <View className='du-month__main'>
              <View className='du-month__head'>
                <Text className='du-month__name'>{`${Number(row.month.slice(5))}月`}</Text>
                <MonthTag kind={row.kind} />
                {hint ? <Text className='du-month__hint'>{hint}</Text> : null}
                <Text className='du-month__amount'>{formatFen(row.amountFen)}</Text>
              </View>
              {paid ? <Text className='du-month__meta'>{paid}</Text> : null}
              {row.note ? <Text className='du-month__meta du-month__note'>{row.note}</Text> : null}
            </View>
          </View>
        )
      })}
    </View>
  )
}
