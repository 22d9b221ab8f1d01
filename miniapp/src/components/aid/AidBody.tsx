/** An item's content: title, tags, text, images, and for snapshots 拍摄时间 and 地点. */
import { Text, View } from '@tarojs/components'
import { AID_KIND_LABELS, AID_STATE_LABELS, WISH_CATEGORY_LABELS, type AidItemDetail } from '@dangjian/shared'
import ImageGrid from '../../subpackages/branch/components/ImageGrid'
import { formatDateTime } from '../../lib/time'
import { columnLabel, stateTone } from '../../lib/aid'
import '../../styles/common.css'
import './aid.css'

export default function AidBody({ detail: d }: { detail: AidItemDetail }) {
  const lines: Array<[string, string]> = [[d.kind === 'donation' ? '捐赠人' : d.kind === 'micro_wish' ? '提交人' : '发布人', `${d.publisherName}（${d.orgName}）`]]
  if (d.category) lines.push(['类别', WISH_CATEGORY_LABELS[d.category]])
  if (d.column) lines.push(['栏目', columnLabel(d.column)])
  if (d.claimerName) lines.push([d.kind === 'donation' ? '受赠人' : '认领人', d.claimerName])
  if (d.takenAt) lines.push(['拍摄时间', formatDateTime(d.takenAt)])
  if (d.place) lines.push(['地点', d.place])
  lines.push(['发布时间', formatDateTime(d.createdAt)])
  return (
    <View className='dj-card aid-body'>
      <View className='aid-card__tags'>
        <Text className='bp-tag bp-tag--grey'>{AID_KIND_LABELS[d.kind]}</Text>
        <Text className={`bp-tag bp-tag--${stateTone(d.state)}`}>{AID_STATE_LABELS[d.state]}</Text>
      </View>
      <Text className='aid-body__title'>{d.title}</Text>
      <Text className='bp-text aid-body__content' userSelect>{d.content}</Text>
      <ImageGrid images={d.images} />
      {lines.map(([k, v]) => (
        <View key={k} className='aid-body__line'>
          <Text className='aid-body__key'>{k}</Text>
          <Text className='aid-body__value'>{v}</Text>
        </View>
      ))}
    </View>
  )
}
