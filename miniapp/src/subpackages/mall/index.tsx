/**
 * 积分商城 (MALL-1, MALL-2): my mall balance (earned − spent; exchanging never lowers my points),
 * the tenant's categories as tabs, the enabled goods as a two-column grid — image, name, points
 * price, stock or 售罄 — 20 at a time; 我的订单 at the top.
 */
import { useEffect, useState } from 'react'
import { Image, ScrollView, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { PageShell } from '../../components/PageShell'
import { usePaged } from '../../hooks/usePaged'
import { useRemote } from '../../hooks/useRemote'
import { LOGIN_PAGE } from '../../services/api'
import { isLoggedIn } from '../../services/session'
import { imageSrc } from '../../services/upload'
import { MALL_PAGES, mallApi, onMallChanged } from './lib/endpoints'
import { categoryTabs, priceText, stockText } from './lib/view'
import '../../styles/common.css'
import './mall.css'

export default function MallPage() {
  const loggedIn = isLoggedIn()
  const [category, setCategory] = useState('')
  const wallet = useRemote(() => (loggedIn ? mallApi.me() : Promise.resolve(null)), [loggedIn])
  const cats = useRemote(() => (loggedIn ? mallApi.categories() : Promise.resolve([])), [loggedIn])
  const list = usePaged(
    (page, size) => (loggedIn ? mallApi.goods(category ? Number(category) : null, page, size) : Promise.resolve({ items: [], total: 0, page, pageSize: size, balance: null })),
    [category, loggedIn],
  )
  const tabs = categoryTabs(cats.data ?? [])

  useEffect(() => onMallChanged(() => void wallet.reload()), [wallet.reload])
  useDidShow(() => void wallet.reload())
  usePullDownRefresh(() => {
    void Promise.all([wallet.reload(), cats.reload(), list.reload()]).finally(() => void Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void list.more())

  if (!loggedIn) {
    return (
      <View className='dj-page'>
        <PageShell empty emptyTitle='登录后进入积分商城' emptyText='用获得的积分兑换纪念品和服务。' emptyAction={{ text: '去登录', onClick: () => void Taro.navigateTo({ url: LOGIN_PAGE }) }} />
      </View>
    )
  }

  const w = wallet.data
  return (
    <View className='dj-page mall-page mall-index'>
      <View className='dj-card dj-hero mall-wallet'>
        <View className='dj-hero__main'>
          <Text className='mall-wallet__label'>商城积分余额</Text>
          <Text className='mall-wallet__balance' data-testid='mall-balance'>{w ? w.balance : wallet.error ? '—' : '…'}</Text>
        </View>
        <View className='mall-wallet__side'>
          <Text className='mall-wallet__line'>{`累计获得 ${w ? w.earned : '—'}`}</Text>
          <Text className='mall-wallet__line'>{`已兑换 ${w ? w.spent : '—'}`}</Text>
          <View className='mall-wallet__orders' hoverClass='dj-btn--hover' onClick={() => void Taro.navigateTo({ url: MALL_PAGES.orders })}>
            <Text>我的订单 ›</Text>
          </View>
        </View>
      </View>
      <Text className='mall-note'>兑换只使用商城积分余额，不扣减您的积分和排行。</Text>
      {tabs.length > 1 ? (
        <ScrollView className='mall-cats' scrollX enableFlex>
          {tabs.map((t) => (
            <View
              key={t.value}
              className={`mall-cats__item${t.value === category ? ' mall-cats__item--on' : ''}`}
              aria-selected={t.value === category ? 'true' : 'false'}
              onClick={() => setCategory(t.value)}
            >
              <Text>{t.text}</Text>
            </View>
          ))}
        </ScrollView>
      ) : null}
      <PageShell loading={list.loading} error={list.error} onRetry={list.reload} empty={!list.items.length} emptyTitle='暂无可兑换的商品' emptyText='商品上架后会显示在这里。'>
        <View className='mall-grid'>
          {list.items.map((g) => (
            <View key={g.id} className={`mall-goods${g.stock > 0 ? '' : ' mall-goods--out'}`} hoverClass='bp-card--hover' onClick={() => void Taro.navigateTo({ url: `${MALL_PAGES.goods}?id=${g.id}` })}>
              <View className='mall-goods__pic'>
                {g.images[0] ? <Image className='mall-goods__img' src={imageSrc(g.images[0].url)} mode='aspectFill' lazyLoad /> : <Text className='mall-goods__glyph'>礼</Text>}
                {g.stock > 0 ? null : <Text className='mall-goods__soldout'>售罄</Text>}
              </View>
              <Text className='mall-goods__name'>{g.name}</Text>
              <View className='mall-goods__foot'>
                <Text className='mall-goods__price'>{priceText(g.pointsPrice)}</Text>
                <Text className='mall-goods__stock'>{stockText(g.stock)}</Text>
              </View>
            </View>
          ))}
        </View>
        <View className='bp-more'>{list.loadingMore ? '加载中…' : list.hasMore ? '上拉加载更多' : `共 ${list.total} 件`}</View>
      </PageShell>
    </View>
  )
}
