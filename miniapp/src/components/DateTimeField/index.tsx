/**
 * A labelled date (and optionally time) choice with native pickers; values are Beijing wall-clock
 * 'YYYY-MM-DD' / 'HH:mm' strings. `onClear` adds 清除 for optional fields.
 */
import { Picker, Text, View } from '@tarojs/components'
import '../../styles/common.css'
import './index.css'

export interface DateTimeFieldProps {
  label: string
  /** Class suffix (dj-field--<name>), also used by the browser tests. */
  name: string
  date: string
  onDate: (date: string) => void
  /** Leave out for a date-only field. */
  time?: string
  onTime?: (time: string) => void
  /** Earliest / latest selectable dates (YYYY-MM-DD). */
  start?: string
  end?: string
  error?: string
  hint?: string
  onClear?: () => void
}

export default function DateTimeField(props: DateTimeFieldProps) {
  const { label, name, date, time, error, hint } = props
  return (
    <View className={`dj-field dj-field--${name}${error ? ' dj-field--error' : ''}`}>
      <Text className='dj-field__label'>{label}</Text>
      <View className='bp-datetime'>
        <Picker mode='date' value={date} start={props.start} end={props.end} onChange={(e) => props.onDate(String(e.detail.value))}>
          <View className={`bp-datetime__value bp-datetime__date${date ? '' : ' bp-datetime__value--empty'}`}>{date || '选择日期'}</View>
        </Picker>
        {props.onTime ? (
          <Picker mode='time' value={time ?? ''} onChange={(e) => props.onTime?.(String(e.detail.value))}>
            <View className={`bp-datetime__value bp-datetime__time${time ? '' : ' bp-datetime__value--empty'}`}>{time || '选择时间'}</View>
          </Picker>
        ) : null}
        {props.onClear && date ? (
          <Text className='bp-link bp-link--muted bp-datetime__clear' onClick={props.onClear}>
            清除
          </Text>
        ) : null}
      </View>
      {error ? <Text className='dj-field__error'>{error}</Text> : hint ? <Text className='dj-field__hint'>{hint}</Text> : null}
    </View>
  )
}
