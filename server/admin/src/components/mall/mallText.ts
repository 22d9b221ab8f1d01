import type { MallGoodsKind, MallOrderStatus } from '@dangjian/shared';

/*
 * The mall's labels as the admin page shows them. shared/src/api.ts is type-only at runtime, so
 * these cannot come from there; once shared/src/mall.ts exports MALL_ORDER_STATUS_LABELS and
 * MALL_GOODS_KIND_LABELS, import those instead.
 */
export const ORDER_STATUS_LABELS: Record<MallOrderStatus, string> = { awaiting: '待领取', picked_up: '已领取', cancelled: '已取消' };
export const ORDER_STATUS_COLORS: Record<MallOrderStatus, string> = { awaiting: 'gold', picked_up: 'green', cancelled: 'default' };
export const GOODS_KIND_LABELS: Record<MallGoodsKind, string> = { goods: '商品', service: '服务' };

export const time = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '');
