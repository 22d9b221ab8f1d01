/**
 * A post's images: a row of thumbnails in lists (`compact`, at most three, "+n" on the last), a
 * grid in the detail; tapping one opens Taro.previewImage over all of them.
 */
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { BranchImage } from '@dangjian/shared'
import { imageSrc } from '../../../services/upload'
import './ImageGrid.css'

const COMPACT_MAX = 3

export interface ImageGridProps {
  images: BranchImage[]
  compact?: boolean
}

export default function ImageGrid({ images, compact }: ImageGridProps) {
  if (!images.length) return null
  const urls = images.map((i) => imageSrc(i.url))
  const shown = compact ? images.slice(0, COMPACT_MAX) : images
  const hidden = images.length - shown.length
  const single = !compact && images.length === 1
  const preview = (url: string) => (e?: { stopPropagation?: () => void }) => {
    e?.stopPropagation?.()
    void Taro.previewImage({ urls, current: url })
  }
  return (
    <View className={`bp-images${compact ? ' bp-images--compact' : ''}${single ? ' bp-images--single' : ''}`}>
      {shown.map((img, i) => (
        <View key={img.key} className='bp-images__cell' onClick={preview(imageSrc(img.url))}>
          <Image className='bp-images__img' src={imageSrc(img.url)} mode={single ? 'widthFix' : 'aspectFill'} lazyLoad />
          {hidden > 0 && i === shown.length - 1 ? <Text className='bp-images__more'>{`+${hidden}`}</Text> : null}
        </View>
      ))}
    </View>
  )
}
