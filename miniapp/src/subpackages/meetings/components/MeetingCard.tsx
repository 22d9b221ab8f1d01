/** One meeting in a list: type, state and the caller's answer as tags, title, time, place, host. */
import { Text, View } from '@tarojs/components'
import type { MeetingSummary } from '@dangjian/shared'
import { formatDateTime } from '../../../lib/time'
import { feedbackTag, placeText, stateTag } from '../lib/rules'
import Tag, { TypeTag } from './Tag'
import '../../../styles/common.css'
import './MeetingCard.css'

export interface MeetingCardProps {
  meeting: MeetingSummary
  /** Admin lists: the answers so far instead of the caller's own. */
  admin?: boolean
  onOpen: () => void
}

export default function MeetingCard({ meeting: m, admin, onOpen }: MeetingCardProps) {
  const mine = admin ? null : feedbackTag(m)
  return (
    <View className={`dj-card mt-card mt-card--${m.type}`} hoverClass='bp-card--hover' onClick={onOpen}>
      <View className='mt-card__tags'>
        <TypeTag type={m.type} />
        <Tag tag={stateTag(m.state)} />
        {mine ? <Tag tag={mine} className='mt-card__mine' /> : null}
      </View>
      <Text className='mt-card__title'>{m.title}</Text>
      <View className='mt-card__line'>
        <Text className='mt-card__key'>时间</Text>
        <Text className='mt-card__value'>{formatDateTime(m.startsAt)}</Text>
      </View>
      <View className='mt-card__line'>
        <Text className='mt-card__key'>{m.online ? '线上' : '地点'}</Text>
        <Text className='mt-card__value'>{placeText(m)}</Text>
      </View>
      <View className='bp-meta'>
        <Text className='bp-meta__item'>{`主持 ${m.hostName}`}</Text>
        {admin ? <Text className='bp-meta__item bp-meta__item--push'>{`参加 ${m.attendingCount}/${m.invitedCount}`}</Text> : null}
      </View>
    </View>
  )
}
