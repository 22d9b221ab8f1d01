/**
 * 我的订单 (MALL-3): 待领取 / 已领取 / 已取消. An awaiting order shows its 取货码 and 取消兑换
 * (confirmed; stock and mall balance return). Each tab pages through its status, newest first.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { MallOrder, MallOrderStatus } from '@dangjian/shared'
import { PageShell } from '../../components/PageShell'
import Segmented from '../../components/Segmented'
import { useAction } from '../../hooks/useAction'
import { usePaged } from '../../hooks/usePaged'
import { formatDateTime } from '../../lib/time'
import ActionButton from '../../pages/activate/parts/ActionButton'
import { mallApi, notifyMallChanged } from './lib/endpoints'
import { ORDER_STATUS_LABELS, ORDER_TABS, orderTone, ordersOf } from './lib/view'
import '../../styles/common.css'
import './mall.css'

export default function MallOrdersPage() {
  const [tab, setTab] = useState<MallOrderStatus>('awaiting')
  const list = usePaged((page, size) => mallApi.myOrders(tab, page, size), [tab])
  const act = useAction<string>()
  // An order cancelled here leaves the 待领取 tab at once.
  const shown = ordersOf(list.items, tab)
  usePullDownRefresh(() => {
    void list.reload().finally(() => void Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void list.more())

  const cancel = async (o: MallOrder) => {
    const ok = await Taro.showModal({ title: '取消兑换', content: `取消「${o.goodsName}」的兑换？${o.points} 商城积分将退回余额。`, confirmText: '取消兑换', cancelText: '再想想', confirmColor: '#c8161d' })
    if (!ok.confirm) return
    const done = await act.run(String(o.id), async () => {
      const updated = await mallApi.cancel(o.id)
      list.setItems((items) => items.map((x) => (x.id === updated.id ? updated : x)))
      notifyMallChanged()
    })
    if (done) void Taro.showToast({ title: '已取消，积分已退回', icon: 'none', duration: 1500 })
  }

  return (
    <View className='dj-page mall-page mall-orders'>
      <View className='mall-toolbar'>
        <Segmented options={ORDER_TABS} value={tab} onChange={setTab} />
      </View>
      {act.error ? <Text className='bp-form-error mall-orders__error'>{act.error}</Text> : null}
      <PageShell
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={!shown.length && !list.hasMore}
        emptyTitle={`暂无${ORDER_STATUS_LABELS[tab]}的订单`}
        emptyText={tab === 'awaiting' ? '在积分商城兑换的商品会显示在这里。' : undefined}
      >
        {shown.map((o) => (
          <View key={o.id} className='dj-card mall-order'>
            <View className='mall-order__head'>
              <Text className='mall-order__name'>{`${o.goodsName} × ${o.quantity}`}</Text>
              <Text className={`bp-tag bp-tag--${orderTone(o.status)}`}>{ORDER_STATUS_LABELS[o.status]}</Text>
            </View>
            {o.status === 'awaiting' ? (
              <View className='mall-order__code'>
                <Text className='mall-order__code-label'>取货码</Text>
                <Text className='mall-order__code-value'>{o.pickupCode}</Text>
              </View>
            ) : null}
            <View className='mall-kv'>
              <Text className='mall-kv__k'>商城积分</Text>
              <Text className='mall-kv__v'>{o.points}</Text>
            </View>
            <View className='mall-kv'>
              <Text className='mall-kv__k'>订单号</Text>
              <Text className='mall-kv__v' userSelect>{o.orderNo}</Text>
            </View>
            <View className='mall-kv'>
              <Text className='mall-kv__k'>{o.status === 'picked_up' ? '领取时间' : o.status === 'cancelled' ? '取消时间' : '兑换时间'}</Text>
              <Text className='mall-kv__v'>{formatDateTime(o.pickedUpAt ?? o.cancelledAt ?? o.createdAt)}</Text>
            </View>
            {o.status === 'awaiting' ? (
              <ActionButton className='mall-order__cancel' kind='ghost' text='取消兑换' loading={act.busy === String(o.id)} disabled={!!act.busy} loadingText='取消中…' onClick={() => void cancel(o)} />
            ) : null}
          </View>
        ))}
        {shown.length ? <View className='bp-more'>{list.loadingMore ? '加载中…' : list.hasMore ? '上拉加载更多' : `共 ${shown.length} 个订单`}</View> : null}
      </PageShell>
    </View>
  )
}
