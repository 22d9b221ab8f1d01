/** 交费记录 (DUES-10; mobile 9.5): my payments, 20 at a time, each with its 收据 on a tap. */
import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { PageShell } from '../../components/PageShell'
import { usePaged } from '../../hooks/usePaged'
import { DUES_PAGES } from '../../services/dues'
import ReceiptCard from './components/ReceiptCard'
import { duesApi } from './lib/endpoints'
import '../../styles/common.css'
import './dues.css'

export default function DuesReceiptsPage() {
  const list = usePaged((page, size) => duesApi.receipts(page, size), [])
  const [open, setOpen] = useState<number | null>(null)

  usePullDownRefresh(() => {
    void list.reload().finally(() => void Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.more()
  })

  return (
    <View className='dj-page du-page du-receipts'>
      <PageShell
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={!list.items.length}
        emptyTitle='暂无交费记录'
        emptyText='在线交纳或支部登记的党费会显示在这里。'
        emptyAction={{ text: '去交纳', onClick: () => void Taro.redirectTo({ url: DUES_PAGES.index }) }}
      >
        <View>
          {list.items.map((p) => (
            <ReceiptCard key={p.id} payment={p} open={open === p.id} onToggle={() => setOpen(open === p.id ? null : p.id)} />
          ))}
        </View>
        <View className='bp-more'>{list.loadingMore ? '加载中…' : list.hasMore ? '上拉加载更多' : `共 ${list.total} 笔`}</View>
      </PageShell>
    </View>
  )
}
