/**
 * The mall API (/api/v1/mall…, shared/src/api.ts "Mall") as typed calls: my mall balance, the
 * categories, the goods, exchanging, my orders and cancelling. Pages show refusals themselves.
 */
import type { MallCategory, MallGoods, MallGoodsPage, MallOrder, MallOrderStatus, MallWalletView, Page } from '@dangjian/shared'
import Taro from '@tarojs/taro'
import { api, type RequestOptions } from '../../../services/api'

const quiet: RequestOptions = { toast: false }

export const mallApi = {
  /** GET /mall/me: earned (all-time points), spent in the mall, balance. */
  me: () => api.get<MallWalletView>('/api/v1/mall/me', undefined, quiet),
  /** GET /mall/categories, in the tenant's order. */
  categories: () => api.get<MallCategory[]>('/api/v1/mall/categories', undefined, quiet),
  /** GET /mall/goods: enabled goods of a category (all without one). */
  goods: (categoryId: number | null, page: number, pageSize: number) =>
    api.get<MallGoodsPage>('/api/v1/mall/goods', { categoryId: categoryId ?? undefined, page, pageSize }, quiet),
  /** GET /mall/goods/:id */
  goodsDetail: (id: number) => api.get<MallGoods>(`/api/v1/mall/goods/${id}`, undefined, quiet),
  /** POST /mall/orders: exchange (the mall balance drops, points do not). */
  exchange: (goodsId: number, quantity: number) => api.post<MallOrder>('/api/v1/mall/orders', { goodsId, quantity }, quiet),
  /** GET /mall/orders/mine: the orders of one status, newest first. */
  myOrders: (status: MallOrderStatus, page: number, pageSize: number) => api.get<Page<MallOrder>>('/api/v1/mall/orders/mine', { status, page, pageSize }, quiet),
  /** POST /mall/orders/:id/cancel: stock and balance return. */
  cancel: (id: number) => api.post<MallOrder>(`/api/v1/mall/orders/${id}/cancel`, undefined, quiet),
}

export const MALL_PAGES = {
  index: '/subpackages/mall/index',
  goods: '/subpackages/mall/goods',
  orders: '/subpackages/mall/orders',
} as const

/** The balance shown elsewhere reloads after an exchange or a cancellation. */
const CHANGED = 'mall:changed'
export const notifyMallChanged = () => Taro.eventCenter.trigger(CHANGED)
export function onMallChanged(fn: () => void): () => void {
  Taro.eventCenter.on(CHANGED, fn)
  return () => Taro.eventCenter.off(CHANGED, fn)
}
