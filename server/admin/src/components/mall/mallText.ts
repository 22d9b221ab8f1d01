import type { MallOrderStatus } from '@dangjian/shared';

export const ORDER_STATUS_COLORS: Record<MallOrderStatus, string> = { awaiting: 'gold', picked_up: 'green', cancelled: 'default' };

export const time = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '');
