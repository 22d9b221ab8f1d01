/** A labelled choice from a list (native selector picker); `index` -1 = nothing chosen yet. */
import { Picker, Text, View } from '@tarojs/components'
import '../../../components/DateTimeField/index.css'
import './SelectField.css'

export interface SelectFieldProps {
  /** Class suffix (dj-field--<name>), also used by the browser tests. */
  name: string
  label: string
  options: string[]
  index: number
  placeholder: string
  onChange: (index: number) => void
  error?: string
  hint?: string
}

export default function SelectField({ name, label, options, index, placeholder, onChange, error, hint }: SelectFieldProps) {
  const chosen = index >= 0 && index < options.length
  return (
    <View className={`dj-field dj-field--${name}${error ? ' dj-field--error' : ''}`}>
      <Text className='dj-field__label'>{label}</Text>
      <Picker mode='selector' range={options} value={chosen ? index : 0} onChange={(e) => onChange(Number(e.detail.value))}>
        <View className={`bp-datetime__value mt-select__value${chosen ? '' : ' bp-datetime__value--empty'}`}>
          <Text className='mt-select__text'>{chosen ? options[index] : placeholder}</Text>
          <Text className='mt-select__arrow'>›</Text>
        </View>
      </Picker>
      {error ? <Text className='dj-field__error'>{error}</Text> : hint ? <Text className='dj-field__hint'>{hint}</Text> : null}
    </View>
  )
}
