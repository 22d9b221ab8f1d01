/**
 * A mall item (?id=): its images, price, stock and description, a quantity stepper and 兑换
 * (confirmed first). Exchanged, the page shows the order: the 6-digit 取货码 in large type and the
 * 订单号, with the way to 我的订单. The server's refusal (余额不足, 已兑完…) shows above the button.
 */
import { useState } from 'react'
import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { MallOrder } from '@dangjian/shared'
import BottomBar from '../../components/BottomBar'
import { PageShell } from '../../components/PageShell'
import { useAction } from '../../hooks/useAction'
import { useRemote } from '../../hooks/useRemote'
import ActionButton from '../../pages/activate/parts/ActionButton'
import { imageSrc } from '../../services/upload'
import { MALL_PAGES, mallApi, notifyMallChanged } from './lib/endpoints'
import { clampQuantity, confirmText, exchangeBlock, maxQuantity, priceText, stockText } from './lib/view'
import '../../styles/common.css'
import './mall.css'

export default function MallGoodsPage() {
  const id = Number(useRouter().params.id) || 0
  const r = useRemote(async () => {
    // No member record (a tenant admin's own account): the goods show, 兑换 is off.
    const [goods, wallet] = await Promise.all([mallApi.goodsDetail(id), mallApi.me().catch(() => null)])
    return { goods, wallet }
  }, [id])
  const [quantity, setQuantity] = useState(1)
  const [order, setOrder] = useState<MallOrder | null>(null)
  const act = useAction<'exchange'>()
  const data = r.data

  if (order) {
    return (
      <View className='dj-page mall-page mall-result'>
        <View className='dj-card mall-result__card'>
          <Text className='mall-result__title'>兑换成功</Text>
          <Text className='mall-result__label'>取货码</Text>
          <Text className='mall-result__code' data-testid='pickup-code'>{order.pickupCode}</Text>
          <Text className='mall-result__hint'>领取时向工作人员出示取货码</Text>
          <View className='mall-result__lines'>
            <View className='mall-kv'>
              <Text className='mall-kv__k'>商品</Text>
              <Text className='mall-kv__v'>{`${order.goodsName} × ${order.quantity}`}</Text>
            </View>
            <View className='mall-kv'>
              <Text className='mall-kv__k'>使用商城积分</Text>
              <Text className='mall-kv__v'>{order.points}</Text>
            </View>
            <View className='mall-kv'>
              <Text className='mall-kv__k'>订单号</Text>
              <Text className='mall-kv__v mall-result__no' userSelect>{order.orderNo}</Text>
            </View>
          </View>
        </View>
        <View className='mall-result__actions'>
          <ActionButton text='查看我的订单' onClick={() => void Taro.redirectTo({ url: MALL_PAGES.orders })} />
          <ActionButton kind='ghost' text='继续兑换' onClick={() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: MALL_PAGES.index }))} />
        </View>
      </View>
    )
  }

  const goods = data?.goods
  const balance = data?.wallet ? data.wallet.balance : null
  const max = goods ? maxQuantity(goods, balance) : 0
  const q = clampQuantity(quantity, max)
  const blocked = goods ? exchangeBlock(goods, balance, q) : null

  const exchange = async () => {
    if (!goods || balance === null || blocked) return
    const ok = await Taro.showModal({ title: '确认兑换', content: confirmText(goods, q, balance), confirmText: '兑换', confirmColor: '#c8161d' })
    if (!ok.confirm) return
    await act.run('exchange', async () => {
      const created = await mallApi.exchange(goods.id, q)
      notifyMallChanged()
      setOrder(created)
    })
  }

  return (
    <View className='dj-page mall-page mall-detail'>
      <PageShell loading={r.loading && !data} error={data ? null : r.error} onRetry={r.reload}>
        {goods ? (
          <View>
            {goods.images.length ? (
              <Swiper className='mall-detail__swiper' indicatorDots={goods.images.length > 1} circular>
                {goods.images.map((img) => (
                  <SwiperItem key={img.key}>
                    <Image
                      className='mall-detail__img'
                      src={imageSrc(img.url)}
                      mode='aspectFill'
                      onClick={() => void Taro.previewImage({ urls: goods.images.map((i) => imageSrc(i.url)), current: imageSrc(img.url) })}
                    />
                  </SwiperItem>
                ))}
              </Swiper>
            ) : (
              <View className='mall-detail__noimg'>
                <Text className='mall-goods__glyph'>礼</Text>
              </View>
            )}
            <View className='dj-card mall-detail__head'>
              <Text className='mall-detail__name'>{goods.name}</Text>
              <View className='mall-detail__row'>
                <Text className='mall-detail__price'>{priceText(goods.pointsPrice)}</Text>
                <Text className={`mall-detail__stock${goods.stock > 0 ? '' : ' mall-detail__stock--out'}`}>{stockText(goods.stock)}</Text>
              </View>
              <Text className='mall-detail__balance'>{`我的商城积分余额：${balance ?? '—'}`}</Text>
            </View>
            <View className='dj-card'>
              <View className='dj-section-title'>{goods.kind === 'service' ? '服务说明' : '商品说明'}</View>
              <Text className='bp-text mall-detail__desc' userSelect>{goods.description || '暂无说明'}</Text>
            </View>
            <BottomBar>
              <View className='mall-buy'>
                <View className='mall-stepper'>
                  <View className={`mall-stepper__btn${q <= 1 ? ' mall-stepper__btn--off' : ''}`} onClick={() => setQuantity(clampQuantity(q - 1, max))}>
                    <Text>−</Text>
                  </View>
                  <Text className='mall-stepper__value' data-testid='quantity'>{q}</Text>
                  <View className={`mall-stepper__btn${q >= max ? ' mall-stepper__btn--off' : ''}`} onClick={() => setQuantity(clampQuantity(q + 1, max))}>
                    <Text>+</Text>
                  </View>
                </View>
                <ActionButton className='mall-buy__button' text={goods.stock > 0 ? '兑换' : '已售罄'} disabled={!!blocked} loading={act.busy === 'exchange'} loadingText='兑换中…' onClick={() => void exchange()} />
              </View>
              {act.error || blocked ? <Text className='bp-form-error mall-buy__error'>{act.error ?? blocked}</Text> : null}
            </BottomBar>
          </View>
        ) : null}
      </PageShell>
    </View>
  )
}
