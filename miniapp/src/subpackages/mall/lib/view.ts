/**
 * What the mall pages show, kept pure for the tests: stock and price lines, how many may be
 * exchanged, why 兑换 is off, the order tabs and their rows.
 */
import { MALL_ORDER_STATUS_LABELS, type MallCategory, type MallGoods, type MallOrder, type MallOrderStatus } from '@dangjian/shared'

export const ORDER_STATUS_LABELS = MALL_ORDER_STATUS_LABELS
export const ORDER_TABS: Array<{ value: MallOrderStatus; text: string }> = (['awaiting', 'picked_up', 'cancelled'] as const).map((value) => ({ value, text: MALL_ORDER_STATUS_LABELS[value] }))
export const orderTone = (s: MallOrderStatus): 'red' | 'green' | 'grey' => (s === 'awaiting' ? 'red' : s === 'picked_up' ? 'green' : 'grey')

/** 全部 first, then the tenant's categories in their order (value: the id as text; '' = all). */
export function categoryTabs(categories: MallCategory[]): Array<{ value: string; text: string }> {
  return [{ value: '', text: '全部' }, ...[...categories].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id).map((c) => ({ value: String(c.id), text: c.name }))]
}

/** 库存 12 / 售罄. */
export const stockText = (stock: number) => (stock > 0 ? `库存 ${stock}` : '售罄')

/** 30 积分 */
export const priceText = (points: number) => `${points} 积分`

/** The most one may take now: the stock, what the balance pays for, at most 99; 0 = cannot exchange. */
export function maxQuantity(goods: Pick<MallGoods, 'stock' | 'pointsPrice'>, balance: number | null): number {
  const byBalance = balance === null ? 0 : goods.pointsPrice > 0 ? Math.floor(balance / goods.pointsPrice) : 99
  return Math.max(0, Math.min(goods.stock, byBalance, 99))
}

/** Keeps a stepper's value within 1…max (1 when nothing may be taken). */
export const clampQuantity = (n: number, max: number) => Math.max(1, Math.min(Number.isFinite(n) ? Math.floor(n) : 1, Math.max(1, max)))

/** Why 兑换 is off (null: it is on). */
export function exchangeBlock(goods: Pick<MallGoods, 'stock' | 'pointsPrice' | 'enabled'>, balance: number | null, quantity = 1): string | null {
  if (!goods.enabled) return '商品已下架'
  if (goods.stock <= 0) return '商品已兑完'
  if (balance === null) return '没有党员信息，不能兑换'
  if (goods.stock < quantity) return `库存只剩 ${goods.stock} 件`
  if (balance < goods.pointsPrice * quantity) return `商城积分余额不足（需 ${goods.pointsPrice * quantity}，现有 ${balance}）`
  return null
}

/** The confirm dialog's text. */
export const confirmText = (goods: Pick<MallGoods, 'name' | 'pointsPrice'>, quantity: number, balance: number) =>
  `兑换「${goods.name}」× ${quantity}，使用 ${goods.pointsPrice * quantity} 商城积分（余额 ${balance} → ${balance - goods.pointsPrice * quantity}）。兑换不扣减积分。`

/** My orders of one tab (the server lists all statuses; the tab filters). */
export const ordersOf = (orders: MallOrder[], status: MallOrderStatus) => orders.filter((o) => o.status === status)

