/**
 * A wish, donation or micro-wish (?id=): the item, the micro-wisher's contact once the caller
 * claimed it (AID-5), its progress along the shared flow, and the caller's next steps.
 */
import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import type { AidItemDetail } from '@dangjian/shared'
import AidActions from '../../components/aid/AidActions'
import AidBody from '../../components/aid/AidBody'
import AidContact from '../../components/aid/AidContact'
import AidTimeline from '../../components/aid/AidTimeline'
import BottomBar from '../../components/BottomBar'
import { PageShell } from '../../components/PageShell'
import { useRemote } from '../../hooks/useRemote'
import { aidApi } from '../../services/aid'
import '../../styles/common.css'
import '../../components/aid/aid.css'

export default function AidDetailPage() {
  const id = Number(useRouter().params.id) || 0
  const r = useRemote(() => aidApi.detail(id), [id])
  const [detail, setDetail] = useState<AidItemDetail | undefined>()
  useEffect(() => setDetail(r.data), [r.data])
  usePullDownRefresh(() => {
    void r.reload().finally(() => void Taro.stopPullDownRefresh())
  })
  return (
    <View className='dj-page aid-list'>
      <PageShell loading={r.loading && !detail} error={detail ? null : r.error} onRetry={r.reload}>
        {detail ? (
          <View>
            <AidBody detail={detail} />
            <AidContact detail={detail} />
            <AidTimeline detail={detail} />
            {detail.availableActions.length ? (
              <BottomBar>
                <AidActions detail={detail} onChange={setDetail} />
              </BottomBar>
            ) : null}
          </View>
        ) : null}
      </PageShell>
    </View>
  )
}
