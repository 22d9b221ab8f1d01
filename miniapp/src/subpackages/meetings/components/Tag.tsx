/** Coloured tags (bp-tag) from lib/rules.ts, and the meeting type's solid red tag. */
import { Text } from '@tarojs/components'
import { MEETING_TYPE_RULES, type MeetingType } from '@dangjian/shared'
import type { Tag as TagValue } from '../lib/rules'
import '../../../styles/common.css'
import './Tag.css'

export default function Tag({ tag, className }: { tag: TagValue; className?: string }) {
  return <Text className={`bp-tag bp-tag--${tag.tone}${className ? ` ${className}` : ''}`}>{tag.text}</Text>
}

export function TypeTag({ type }: { type: MeetingType }) {
  return <Text className='mt-type'>{MEETING_TYPE_RULES[type].label}</Text>
}
