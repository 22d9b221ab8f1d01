import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Input, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { DuesPaidVia, DuesPaymentStatus, DuesPaymentView } from '@dangjian/shared';
import { api } from '../api';
import { useRemote } from '../useRemote';
import { usePaging } from '../usePaging';
import { DownloadButton } from '../components/DownloadButton';
import { ReasonModal } from '../components/ReasonModal';
import { OrgPageLoadError, OrgTreeSelect, useOrgTree } from '../components/OrgTreeSelect';
import { MonthPicker, YearPicker } from '../components/dues/PeriodPicker';
import { CashPaymentModal } from '../components/dues/CashPaymentModal';
import { Money, PAID_VIA_LABELS, PAYMENT_STATUS_LABELS, PaidViaTag, PaymentStatusTag, formatDay, monthsLabel, thisMonth, thisYear } from '../components/dues/duesTags';
import { formatTime } from '../components/meetings/meetingTags';
import { formatFen } from '../money';

type Period = 'month' | 'year' | 'all';

const CentralTag = () => (
  <Tooltip title="一次性自愿多交党费1000元以上的，全额上交中央（DUES-3）">
    <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="to-central">
      全额上交中央
    </Tag>
  </Tooltip>
);

/**
 * 交纳记录 (DUES-6, DUES-10, PAY-4): every payment — online, cash, 代缴, with voluntary extra —
 * filtered by organisation, period, channel and status; 现金入账 records a cash payment, 冲正
 * reverses a paid one (a reversal entry: the original stays in the ledger).
 */
export function DuesPaymentsPage() {
  const { message } = App.useApp();
  const tree = useOrgTree();
  const orgId = tree.orgId;
  const [period, setPeriod] = useState<Period>('year');
  const [month, setMonth] = useState(thisMonth);
  const [year, setYear] = useState(thisYear);
  const [paidVia, setPaidVia] = useState<DuesPaidVia>();
  const [status, setStatus] = useState<DuesPaymentStatus>();
  const [keyword, setKeyword] = useState('');
  const { page, pageSize, pagination, filter } = usePaging(20);
  const query = {
    orgId,
    month: period === 'month' ? month : undefined,
    year: period === 'year' ? year : undefined,
    paidVia,
    status,
    keyword: keyword || undefined,
  };
  const { data, loading, error, reload } = useRemote(
    () => (orgId === undefined ? Promise.resolve(undefined) : api.dues.payments({ ...query, page, pageSize })),
    [orgId, period, month, year, paidVia, status, keyword, page, pageSize],
  );
  const [recording, setRecording] = useState(false);
  const [reversing, setReversing] = useState<DuesPaymentView | null>(null);

  const columns: TableColumnsType<DuesPaymentView> = [
    // Cash is recorded by the day (交纳日期), online payments to the minute.
    { title: '交纳时间', key: 'time', width: 130, render: (_, p) => (p.paidVia === 'cash' ? formatDay(p.paidAt ?? p.createdAt) : formatTime(p.paidAt ?? p.createdAt)) },
    {
      title: '党员 / 所在组织',
      key: 'member',
      width: 150,
      render: (_, p) => (
        <div style={{ lineHeight: '20px' }}>
          {p.memberName}
          <Typography.Text type="secondary" ellipsis={{ tooltip: p.orgName }} style={{ display: 'block', fontSize: 12 }}>
            {p.orgName}
          </Typography.Text>
          {p.payerName && (
            <Tag color="purple" style={{ marginInlineEnd: 0 }}>
              {p.payerName} 代缴
            </Tag>
          )}
        </div>
      ),
    },
    { title: '所交月份', dataIndex: 'months', width: 110, render: (ms: string[]) => (ms.length ? monthsLabel(ms) : '—') },
    { title: '党费', dataIndex: 'duesFen', width: 80, align: 'right', render: (v: number) => <Money fen={v} /> },
    {
      title: '自愿多交',
      key: 'voluntary',
      width: 110,
      align: 'right',
      render: (_, p) =>
        p.voluntaryFen > 0 ? (
          <Space orientation="vertical" size={2} align="end">
            <Money fen={p.voluntaryFen} />
            {p.toCentral && <CentralTag />}
          </Space>
        ) : (
          '—'
        ),
    },
    { title: '合计', dataIndex: 'amountFen', width: 90, align: 'right', render: (v: number) => <Typography.Text strong><Money fen={v} /></Typography.Text> },
    { title: '方式', dataIndex: 'paidVia', width: 70, render: (v: DuesPaidVia) => <PaidViaTag via={v} /> },
    {
      title: '收款人 / 收据号',
      key: 'cash',
      width: 140,
      render: (_, p) =>
        p.paidVia === 'cash' ? (
          <div style={{ lineHeight: '20px', wordBreak: 'break-all' }}>
            {p.receiverName ?? '—'}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {p.receiptNo ?? '—'}
            </Typography.Text>
          </div>
        ) : (
          '—'
        ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 70,
      render: (s: DuesPaymentStatus, p) =>
        p.reversal ? (
          <Tooltip title={`${p.reversal.byName} 于 ${formatTime(p.reversal.at)} 冲正：${p.reversal.reason}`}>
            <span>
              <PaymentStatusTag status={s} />
            </span>
          </Tooltip>
        ) : (
          <PaymentStatusTag status={s} />
        ),
    },
    {
      title: '操作',
      key: 'op',
      width: 60,
      fixed: 'right',
      render: (_, p) =>
        p.status === 'paid' ? (
          <Button type="link" size="small" danger onClick={() => setReversing(p)}>
            冲正
          </Button>
        ) : null,
    },
  ];

  return (
    <Card
      size="small"
      title="交纳记录"
      extra={
        <Space>
          <Button type="primary" icon={<PlusOutlined />} disabled={orgId === undefined} onClick={() => setRecording(true)}>
            现金入账
          </Button>
          <DownloadButton disabled={orgId === undefined} onDownload={() => api.dues.exportPayments(query)} />
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <OrgTreeSelect tree={tree} value={orgId} onChange={filter(tree.setOrgId)} />
        <Segmented<Period>
          value={period}
          onChange={filter(setPeriod)}
          options={[
            { value: 'month', label: '按月' },
            { value: 'year', label: '按年' },
            { value: 'all', label: '全部' },
          ]}
        />
        {period === 'month' && <MonthPicker value={month} onChange={filter(setMonth)} />}
        {period === 'year' && <YearPicker value={year} onChange={filter(setYear)} max={thisYear() + 1} />}
        <Select<DuesPaidVia>
          allowClear
          placeholder="交纳方式"
          style={{ width: 110 }}
          value={paidVia}
          onChange={filter(setPaidVia)}
          options={(Object.keys(PAID_VIA_LABELS) as DuesPaidVia[]).map((v) => ({ value: v, label: PAID_VIA_LABELS[v] }))}
        />
        <Select<DuesPaymentStatus>
          allowClear
          placeholder="状态"
          style={{ width: 110 }}
          value={status}
          onChange={filter(setStatus)}
          options={(Object.keys(PAYMENT_STATUS_LABELS) as DuesPaymentStatus[]).map((s) => ({ value: s, label: PAYMENT_STATUS_LABELS[s] }))}
        />
        <Input.Search allowClear placeholder="姓名 / 订单号 / 收据号" style={{ width: 220 }} onSearch={filter((v: string) => setKeyword(v.trim()))} />
      </Space>
      <OrgPageLoadError tree={tree} page={{ error, reload }} />
      <Table<DuesPaymentView>
        rowKey="id"
        size="small"
        loading={loading || tree.loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={pagination(data?.total ?? 0, '笔')}
        scroll={{ x: 1060 }}
        data-testid="dues-payments"
        rowClassName={(p) => (p.status === 'reversed' ? 'dues-reversed' : '')}
        expandable={{ expandedRowRender: (p) => <PaymentDetail payment={p} /> }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={paidVia || status || keyword ? '没有符合条件的交纳记录' : '暂无交纳记录'} /> }}
      />
      {recording && orgId !== undefined && (
        <CashPaymentModal
          orgId={orgId}
          onClose={() => setRecording(false)}
          onSaved={(p) => {
            setRecording(false);
            message.success(`已登记 ${p.memberName} 的现金党费 ${formatFen(p.amountFen)}`);
            void reload();
          }}
        />
      )}
      {reversing && (
        <ReasonModal
          title={`冲正 ${reversing.memberName} 的交纳记录`}
          okText="冲正"
          label="冲正原因"
          placeholder="如：重复登记、金额登记错误"
          description={
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              冲正将新增一条金额为 <Money fen={-reversing.amountFen} /> 的冲正记录，原交纳记录保留不删除（账目只增不改）；所交月份恢复为未交。
              {reversing.paidVia !== 'cash' && <Typography.Text type="warning"> 线上支付的款项不会自动退回，请线下处理。</Typography.Text>}
            </Typography.Paragraph>
          }
          onClose={() => setReversing(null)}
          onSubmit={async (reason) => {
            await api.dues.reverse(reversing.id, { reason });
            setReversing(null);
            message.success('已冲正');
            void reload();
          }}
        />
      )}
    </Card>
  );
}

/** The rest of a payment on expand: order and channel numbers, who recorded it, the reversal. */
function PaymentDetail({ payment: p }: { payment: DuesPaymentView }) {
  return (
    <Descriptions
      size="small"
      column={3}
      items={[
        { key: 'order', label: '订单号', children: p.orderNo ?? '—' },
        { key: 'tx', label: '渠道交易号', children: p.channelTxId ?? '—' },
        { key: 'created', label: '创建时间', children: formatTime(p.createdAt) },
        ...(p.recordedByName ? [{ key: 'by', label: '登记人', children: p.recordedByName }] : []),
        ...(p.reversal ? [{ key: 'reversal', label: '冲正', span: 2, children: `${p.reversal.byName} 于 ${formatTime(p.reversal.at)}：${p.reversal.reason}` }] : []),
      ]}
    />
  );
}
