/**
 * Points mall 积分商城 (SPEC §9, MALL-1…MALL-4): the labels clients show for goods kinds and order
 * statuses (api.ts holds the types, which index.ts exports as types only).
 */
import type { MallGoodsKind, MallOrderStatus } from './api.js';

export const MALL_GOODS_KIND_LABELS: Record<MallGoodsKind, string> = { goods: '商品', service: '服务' };
export const MALL_ORDER_STATUS_LABELS: Record<MallOrderStatus, string> = { awaiting: '待领取', picked_up: '已领取', cancelled: '已取消' };
