/** 自愿多交 (DUES-3): an optional amount in yuan; 1000 yuan or more goes entirely to the Central Committee. */
import { Input, Text, View } from '@tarojs/components'
import { goesToCentral } from '@dangjian/shared'
import { parseYuan, yuanProblem } from '../../../lib/money'
import '../../../pages/activate/parts/forms.css'
import '../dues.css'

export const CENTRAL_NOTE = '单笔1000元以上将全额上交中央'

/** The voluntary amount in fen (0 when empty), or null when what was typed is not an amount. */
export function voluntaryFen(text: string): number | null {
  if (!text.trim()) return 0
  return parseYuan(text)
}

export default function VoluntaryField({ value, onInput }: { value: string; onInput: (v: string) => void }) {
  const problem = yuanProblem(value, '自愿多交金额')
  const fen = voluntaryFen(value)
  return (
    <View className={`dj-card du-voluntary dj-field dj-field--voluntary${problem ? ' dj-field--error' : ''}`}>
      <Text className='dj-field__label'>自愿多交（元，选填）</Text>
      <View className='dj-field__row'>
        <Input
          className='dj-field__input'
          type='digit'
          maxlength={13}
          value={value}
          placeholder='0.00'
          placeholderClass='dj-field__placeholder'
          onInput={(e) => onInput(String(e.detail.value ?? ''))}
        />
      </View>
      {problem ? (
        <Text className='dj-field__error'>{problem}</Text>
      ) : fen !== null && goesToCentral(fen) ? (
        <Text className='dj-field__hint du-voluntary__central'>{CENTRAL_NOTE}</Text>
      ) : (
        <Text className='dj-field__hint'>党员可自愿多交党费，与本次党费一并支付</Text>
      )}
    </View>
  )
}
