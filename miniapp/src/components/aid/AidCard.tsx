/** One item in a 党员e家 list: state, title, category or column, publisher / claimer, first images. */
import { Text, View } from '@tarojs/components'
import { AID_STATE_LABELS, WISH_CATEGORY_LABELS, type AidItemSummary } from '@dangjian/shared'
import ImageGrid from '../../subpackages/branch/components/ImageGrid'
import { formatShort } from '../../lib/time'
import { columnLabel, stateTone } from '../../lib/aid'
import '../../styles/common.css'
import './aid.css'

export default function AidCard({ item, onOpen }: { item: AidItemSummary; onOpen: () => void }) {
  const tag = item.category ? WISH_CATEGORY_LABELS[item.category] : item.column ? columnLabel(item.column) : null
  return (
    <View className='dj-card aid-card' hoverClass='bp-card--hover' onClick={onOpen}>
      <View className='aid-card__tags'>
        <Text className={`bp-tag bp-tag--${stateTone(item.state)}`}>{AID_STATE_LABELS[item.state]}</Text>
        {tag ? <Text className='bp-tag bp-tag--gold'>{tag}</Text> : null}
      </View>
      <Text className='aid-card__title'>{item.title}</Text>
      <ImageGrid images={item.images} compact />
      <View className='bp-meta'>
        <Text className='bp-meta__item'>{item.kind === 'micro_wish' ? `${item.orgName} 提交` : item.publisherName}</Text>
        {item.claimerName ? <Text className='bp-meta__item'>{`认领：${item.claimerName}`}</Text> : null}
        {item.kind === 'snapshot' ? <Text className='bp-meta__item'>{`赞 ${item.likeCount}`}</Text> : null}
        <Text className='bp-meta__item bp-meta__item--push'>{formatShort(item.createdAt)}</Text>
      </View>
    </View>
  )
}
