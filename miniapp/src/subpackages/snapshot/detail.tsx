/**
 * A snapshot (?id=): photos, text, time and place; once approved 点赞 / 分享 and comments; before
 * that its review state and the caller's steps (撤回, or for admins 审核通过 / 驳回).
 */
import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import type { AidCounts, AidItemDetail } from '@dangjian/shared'
import AidActions from '../../components/aid/AidActions'
import AidBody from '../../components/aid/AidBody'
import AidComments from '../../components/aid/AidComments'
import AidTimeline from '../../components/aid/AidTimeline'
import BottomBar from '../../components/BottomBar'
import { PageShell } from '../../components/PageShell'
import { useAction } from '../../hooks/useAction'
import { useRemote } from '../../hooks/useRemote'
import { AID_PAGES, aidApi } from '../../services/aid'
import '../../styles/common.css'
import '../../components/aid/aid.css'

export default function SnapshotDetailPage() {
  const id = Number(useRouter().params.id) || 0
  const r = useRemote(() => aidApi.detail(id), [id])
  const [detail, setDetail] = useState<AidItemDetail | undefined>()
  const social = useAction<'like' | 'share'>()
  useEffect(() => setDetail(r.data), [r.data])
  usePullDownRefresh(() => {
    void r.reload().finally(() => void Taro.stopPullDownRefresh())
  })
  const counted = (c: AidCounts) => setDetail((d) => (d ? { ...d, ...c } : d))
  useShareAppMessage(() => {
    if (detail?.state === 'approved') void aidApi.share(id).then(counted, () => undefined)
    return { title: detail?.title ?? '随手拍', path: `${AID_PAGES.snapshot}?id=${id}` }
  })
  const shown = detail?.state === 'approved'

  return (
    <View className='dj-page aid-list'>
      <PageShell loading={r.loading && !detail} error={detail ? null : r.error} onRetry={r.reload}>
        {detail ? (
          <View>
            <AidBody detail={detail} />
            {shown ? (
              <View className='aid-social'>
                <View className={`dj-btn ${detail.liked ? 'dj-btn--primary' : 'dj-btn--ghost'}`} onClick={() => void social.run('like', async () => counted(await aidApi.like(id, !detail.liked)))}>
                  <Text>{`${detail.liked ? '已赞' : '点赞'} ${detail.likeCount}`}</Text>
                </View>
                {process.env.TARO_ENV === 'h5' ? (
                  <View className='dj-btn dj-btn--ghost' onClick={() => void social.run('share', async () => counted(await aidApi.share(id)))}>
                    <Text>{`分享 ${detail.shareCount}`}</Text>
                  </View>
                ) : (
                  <Button className='dj-btn dj-btn--ghost' openType='share'>
                    {`分享 ${detail.shareCount}`}
                  </Button>
                )}
              </View>
            ) : (
              <AidTimeline detail={detail} />
            )}
            {social.error ? <Text className='bp-form-error'>{social.error}</Text> : null}
            {shown ? <AidComments itemId={id} /> : null}
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
