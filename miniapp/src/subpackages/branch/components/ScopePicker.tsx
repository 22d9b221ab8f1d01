/**
 * Publicity scope (BR-3): the whole branch or one of its groups (党小组), as the branch's home
 * lists them (BranchHome.groups). Without groups the branch is the only choice.
 */
import { Picker, Text, View } from '@tarojs/components'
import type { BranchHome } from '@dangjian/shared'
import '../../../styles/common.css'
import '../../../components/DateTimeField/index.css'

export interface ScopePickerProps {
  home: Pick<BranchHome, 'orgName' | 'groups'>
  value: number | null
  onChange: (orgId: number | null) => void
}

/** The choices: null (the whole branch) first, then the groups. */
export function scopeOptions(home: Pick<BranchHome, 'orgName' | 'groups'>): Array<{ id: number | null; name: string }> {
  return [{ id: null as number | null, name: `全支部（${home.orgName}）` }].concat(home.groups.map((g) => ({ id: g.id, name: g.name })))
}

export default function ScopePicker({ home, value, onChange }: ScopePickerProps) {
  const options = scopeOptions(home)
  const index = Math.max(0, options.findIndex((o) => o.id === value))
  return (
    <View className='dj-field dj-field--scope'>
      <Text className='dj-field__label'>公示范围</Text>
      <Picker mode='selector' range={options.map((o) => o.name)} value={index} disabled={options.length < 2} onChange={(e) => onChange(options[Number(e.detail.value)]?.id ?? null)}>
        <View className='bp-datetime__value'>{options[index].name}</View>
      </Picker>
    </View>
  )
}
