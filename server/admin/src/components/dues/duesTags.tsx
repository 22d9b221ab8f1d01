import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { DuesAccountStatus, DuesPaidVia, DuesPaymentStatus, DuesStandardView, DuesTransferStatus, PayChannel, ReconMismatchKind, ReconRunView } from '@dangjian/shared';
import { duesMonth } from '@dangjian/shared';
import { formatFen } from '../../money';

/** Words and colours of the dues pages (党费管理), in one place. */

export const PAID_VIA_LABELS: Record<DuesPaidVia, string> = { wechat: '微信', alipay: '支付宝', cash: '现金' };
const PAID_VIA_COLORS: Record<DuesPaidVia, string> = { wechat: 'green', alipay: 'blue', cash: 'gold' };
export const CHANNEL_OPTIONS: Array<{ value: PayChannel; label: string }> = [
  { value: 'wechat', label: PAID_VIA_LABELS.wechat },
  { value: 'alipay', label: PAID_VIA_LABELS.alipay },
];

export const PaidViaTag = ({ via }: { via: DuesPaidVia | null }) =>
  via ? (
    <Tag color={PAID_VIA_COLORS[via]} style={{ marginInlineEnd: 0 }}>
      {PAID_VIA_LABELS[via]}
    </Tag>
  ) : (
    <>—</>
  );

export const PAYMENT_STATUS_LABELS: Record<DuesPaymentStatus, string> = { paid: '已支付', pending: '待支付', closed: '已关闭', reversed: '已冲正' };
const PAYMENT_STATUS_COLORS: Record<DuesPaymentStatus, string> = { paid: 'green', pending: 'blue', closed: 'default', reversed: 'red' };

export const PaymentStatusTag = ({ status }: { status: DuesPaymentStatus }) => (
  <Tag color={PAYMENT_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="payment-status">
    {PAYMENT_STATUS_LABELS[status]}
  </Tag>
);

export const ACCOUNT_STATUS_LABELS: Record<DuesAccountStatus, string> = { pending: '待审核', approved: '已开通', rejected: '已驳回' };
const ACCOUNT_STATUS_COLORS: Record<DuesAccountStatus, string> = { pending: 'blue', approved: 'green', rejected: 'red' };

export const AccountStatusTag = ({ status }: { status: DuesAccountStatus }) => (
  <Tag color={ACCOUNT_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="account-status">
    {ACCOUNT_STATUS_LABELS[status]}
  </Tag>
);

export const TRANSFER_STATUS_LABELS: Record<DuesTransferStatus, string> = { processing: '处理中', done: '已完成', failed: '失败' };
const TRANSFER_STATUS_COLORS: Record<DuesTransferStatus, string> = { processing: 'processing', done: 'success', failed: 'error' };

export const TransferStatusTag = ({ status }: { status: DuesTransferStatus }) => (
  <Tag color={TRANSFER_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="transfer-status">
    {TRANSFER_STATUS_LABELS[status]}
  </Tag>
);

export const RECON_STATUS_LABELS: Record<ReconRunView['status'], string> = { matched: '一致', mismatched: '有差异', failed: '对账失败' };
const RECON_STATUS_COLORS: Record<ReconRunView['status'], string> = { matched: 'success', mismatched: 'error', failed: 'warning' };

export const ReconStatusTag = ({ status }: { status: ReconRunView['status'] }) => (
  <Tag color={RECON_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="recon-status">
    {RECON_STATUS_LABELS[status]}
  </Tag>
);

export const MISMATCH_LABELS: Record<ReconMismatchKind, string> = { missing_here: '对方有我方无', missing_there: '我方有对方无', amount_differs: '金额不符' };

const SOURCE_LABELS: Record<DuesStandardView['source'], string> = { manual: '手工设置', import: '批量导入', correction: '更正' };
export const standardSourceLabel = (s: DuesStandardView['source']) => SOURCE_LABELS[s];

/** 困难减免: 免交 when reduced to 0, else the reduced amount; who approved it on hover. */
export function HardshipTag({ standard }: { standard: DuesStandardView }) {
  const h = standard.hardship;
  if (!h) return <>—</>;
  return (
    <Tooltip title={`批准：${h.approvedBy}${h.note ? `；${h.note}` : ''}`}>
      <Tag color="purple" style={{ marginInlineEnd: 0 }}>
        {h.amountFen === 0 ? '免交' : `减免至${formatFen(h.amountFen)}`}
      </Tag>
    </Tooltip>
  );
}

// ---- months ----

/** The current dues month (Beijing time): 2026-11. */
export const thisMonth = () => duesMonth(new Date());
export const thisYear = () => Number(thisMonth().slice(0, 4));

/** A cash payment's day (交纳日期: the admin records the day, not the time): 2026-11-22. */
export const formatDay = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');

/** 2026-03 → 2026年3月. */
export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** Several months, short: 2025年11、12月，2026年1月. */
export function monthsLabel(months: string[]): string {
  const byYear = new Map<string, number[]>();
  for (const m of [...months].sort()) byYear.set(m.slice(0, 4), [...(byYear.get(m.slice(0, 4)) ?? []), Number(m.slice(5, 7))]);
  return [...byYear].map(([y, ms]) => `${y}年${ms.join('、')}月`).join('，');
}

/** An amount in a table cell or a sentence: ¥12.34, digits lined up. */
export const Money = ({ fen }: { fen: number | null | undefined }) => <span className="money">{formatFen(fen)}</span>;
