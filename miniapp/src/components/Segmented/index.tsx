/** Two or more mutually exclusive choices in a row (全部 / 我的, 已读 / 未读). */
import { Text, View } from '@tarojs/components'
import './index.css'

export interface SegmentedProps<V extends string> {
  options: Array<{ value: V; text: string }>
  value: V
  onChange: (value: V) => void
  className?: string
}

export default function Segmented<V extends string>({ options, value, onChange, className }: SegmentedProps<V>) {
  return (
    <View className={`bp-segmented${className ? ` ${className}` : ''}`}>
      {options.map((o) => (
        <View
          key={o.value}
          className={`bp-segmented__item${o.value === value ? ' bp-segmented__item--on' : ''}`}
          aria-selected={o.value === value ? 'true' : 'false'}
          onClick={() => onChange(o.value)}
        >
          <Text>{o.text}</Text>
        </View>
      ))}
    </View>
  )
}
