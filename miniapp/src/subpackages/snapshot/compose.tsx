/** 发布随手拍 (?column=positive|exposure): photos, column, time, place. */
import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import AidComposeForm from '../../components/aid/AidComposeForm'
import { AID_PAGES } from '../../services/aid'
import '../../styles/common.css'
import '../../components/aid/aid.css'

export default function SnapshotComposePage() {
  const column = useRouter().params.column === 'exposure' ? 'exposure' : 'positive'
  return (
    <View className='dj-page aid-list'>
      <AidComposeForm kind='snapshot' column={column} detailUrl={(id) => `${AID_PAGES.snapshot}?id=${id}`} />
    </View>
  )
}
