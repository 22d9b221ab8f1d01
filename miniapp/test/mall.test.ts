/** The mall pages' logic (subpackages/mall/lib/view.ts): tabs, stock, how many may be exchanged, why not, order tabs. */
import type { MallGoods, MallOrder } from '@dangjian/shared'
import { categoryTabs, clampQuantity, confirmText, exchangeBlock, maxQuantity, ORDER_STATUS_LABELS, ORDER_TABS, orderTone, ordersOf, priceText, stockText } from '../src/subpackages/mall/lib/view'

const goods = (over: Partial<MallGoods> = {}): MallGoods => ({ id: 1, categoryId: 1, kind: 'goods', name: '党徽', description: '', pointsPrice: 20, stock: 5, images: [], enabled: true, ...over })
const order = (id: number, status: MallOrder['status']): MallOrder => ({
  id,
  orderNo: `M${id}`,
  pickupCode: '012345',
  memberId: 1,
  memberName: '张三',
  goodsId: 1,
  goodsName: '党徽',
  unitPoints: 20,
  quantity: 1,
  points: 20,
  status,
  createdAt: '2026-11-22T01:00:00.000Z',
  pickedUpAt: null,
  cancelledAt: null,
})

describe('categoryTabs', () => {
  it('puts 全部 first, then the categories by their order', () => {
    expect(categoryTabs([{ id: 7, name: '图书', sortOrder: 2 }, { id: 3, name: '纪念品', sortOrder: 1 }])).toEqual([
      { value: '', text: '全部' },
      { value: '3', text: '纪念品' },
      { value: '7', text: '图书' },
    ])
  })
})

describe('goods lines', () => {
  it('shows stock or 售罄 and the price', () => {
    expect(stockText(3)).toBe('库存 3')
    expect(stockText(0)).toBe('售罄')
    expect(priceText(30)).toBe('30 积分')
  })
})

describe('maxQuantity and clampQuantity', () => {
  it('is limited by stock, by what the balance pays for and by 99', () => {
    expect(maxQuantity(goods({ stock: 5, pointsPrice: 20 }), 100)).toBe(5)
    expect(maxQuantity(goods({ stock: 5, pointsPrice: 20 }), 59)).toBe(2)
    expect(maxQuantity(goods({ stock: 500, pointsPrice: 1 }), 1000)).toBe(99)
    expect(maxQuantity(goods({ stock: 0 }), 1000)).toBe(0)
    expect(maxQuantity(goods(), null)).toBe(0)
  })
  it('keeps the stepper within 1…max', () => {
    expect(clampQuantity(0, 5)).toBe(1)
    expect(clampQuantity(9, 5)).toBe(5)
    expect(clampQuantity(3, 0)).toBe(1)
    expect(clampQuantity(Number.NaN, 5)).toBe(1)
  })
})

describe('exchangeBlock', () => {
  it('names why 兑换 is off, or null', () => {
    expect(exchangeBlock(goods(), 100)).toBeNull()
    expect(exchangeBlock(goods({ enabled: false }), 100)).toBe('商品已下架')
    expect(exchangeBlock(goods({ stock: 0 }), 100)).toBe('商品已兑完')
    expect(exchangeBlock(goods(), null)).toBe('没有党员信息，不能兑换')
    expect(exchangeBlock(goods({ stock: 2 }), 100, 3)).toBe('库存只剩 2 件')
    expect(exchangeBlock(goods({ pointsPrice: 20 }), 30, 2)).toBe('商城积分余额不足（需 40，现有 30）')
  })
  it('says in the confirmation that points are not reduced', () => {
    expect(confirmText(goods({ name: '党徽', pointsPrice: 20 }), 2, 100)).toBe('兑换「党徽」× 2，使用 40 商城积分（余额 100 → 60）。兑换不扣减积分。')
  })
})

describe('orders', () => {
  it('has the three tabs with the shared labels and filters by status', () => {
    expect(ORDER_TABS.map((t) => t.text)).toEqual(['待领取', '已领取', '已取消'])
    expect(ORDER_STATUS_LABELS.awaiting).toBe('待领取')
    const all = [order(1, 'awaiting'), order(2, 'cancelled'), order(3, 'awaiting'), order(4, 'picked_up')]
    expect(ordersOf(all, 'awaiting').map((o) => o.id)).toEqual([1, 3])
    expect(ordersOf(all, 'picked_up').map((o) => o.id)).toEqual([4])
    expect(orderTone('awaiting')).toBe('red')
    expect(orderTone('picked_up')).toBe('green')
    expect(orderTone('cancelled')).toBe('grey')
  })
})
