import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { PayChannel, ReconMismatch, ReconRunView } from '@dangjian/shared';
import { api } from '../api';
import { useRemote } from '../useRemote';
import { useAction } from '../useAction';
import { LoadError } from '../components/LoadError';
import { CHANNEL_OPTIONS, MISMATCH_LABELS, Money, PaidViaTag, ReconStatusTag } from '../components/dues/duesTags';
import { formatTime } from '../components/meetings/meetingTags';

const DAY = 'YYYY-MM-DD';

/** Count and amount side by side: 12 笔 / ¥345.00. */
const CountAmount = ({ count, fen }: { count: number; fen: number }) => (
  <span className="money">
    {count} 笔 / <Money fen={fen} />
  </span>
);

/**
 * 对账 (DUES-9, PAY-3): each day's bill from the channel against our ledger, by count and amount,
 * and the cash entries of that day; a run with differences lists each one (expand the row). A daily
 * job reconciles yesterday; 立即对账 runs one day now.
 */
export function DuesReconciliationPage() {
  const { message } = App.useApp();
  const [channel, setChannel] = useState<PayChannel>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(30, 'day'), dayjs()]);
  const from = range[0].format(DAY);
  const to = range[1].format(DAY);
  const { data, loading, error, reload } = useRemote(() => api.dues.reconRuns({ channel, from, to }), [channel, from, to]);
  const rows = data ?? [];
  const [running, setRunning] = useState(false);

  const columns: TableColumnsType<ReconRunView> = [
    { title: '账单日期', dataIndex: 'billDate', width: 110 },
    { title: '渠道', dataIndex: 'channel', width: 80, render: (c: PayChannel) => <PaidViaTag via={c} /> },
    {
      title: '结果',
      key: 'status',
      width: 200,
      render: (_, r) => (
        <Space size={6} wrap>
          <ReconStatusTag status={r.status} />
          {r.mismatches.length > 0 && <Typography.Text type="danger">{r.mismatches.length} 处差异</Typography.Text>}
          {r.error && <Typography.Text type="warning">{r.error}</Typography.Text>}
        </Space>
      ),
    },
    { title: '渠道账单', key: 'theirs', width: 160, align: 'right', render: (_, r) => <CountAmount count={r.theirCount} fen={r.theirFen} /> },
    {
      title: '我方记录',
      key: 'ours',
      width: 160,
      align: 'right',
      render: (_, r) => (
        <span style={r.status === 'mismatched' && (r.ourCount !== r.theirCount || r.ourFen !== r.theirFen) ? { color: '#cf1322' } : undefined}>
          <CountAmount count={r.ourCount} fen={r.ourFen} />
        </span>
      ),
    },
    { title: '现金入账', key: 'cash', width: 150, align: 'right', render: (_, r) => <CountAmount count={r.cashCount} fen={r.cashFen} /> },
    { title: '对账时间', dataIndex: 'ranAt', width: 140, render: (v: string) => formatTime(v) },
  ];

  return (
    <Card
      size="small"
      title="党费对账"
      extra={
        <Button type="primary" icon={<SyncOutlined />} onClick={() => setRunning(true)}>
          立即对账
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<PayChannel> allowClear placeholder="全部渠道" style={{ width: 120 }} value={channel} onChange={setChannel} options={CHANNEL_OPTIONS} />
        <DatePicker.RangePicker
          allowClear={false}
          value={range}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          data-testid="recon-range"
        />
      </Space>
      <Typography.Paragraph type="secondary">每日自动下载支付渠道前一日的账单，与系统交纳记录逐笔核对笔数和金额；现金入账单独列出。</Typography.Paragraph>
      <LoadError error={error} onRetry={reload} />
      <Table<ReconRunView>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 31 ? { pageSize: 31 } : false}
        data-testid="dues-recon"
        rowClassName={(r) => (r.status === 'mismatched' ? 'dues-mismatched' : '')}
        expandable={{ rowExpandable: (r) => r.mismatches.length > 0, expandedRowRender: (r) => <MismatchTable rows={r.mismatches} /> }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="所选期间暂无对账记录" /> }}
      />
      {running && (
        <RunModal
          channel={channel}
          onClose={() => setRunning(false)}
          onDone={(r) => {
            setRunning(false);
            if (r.status === 'matched') message.success(`${r.billDate} 对账一致`);
            else if (r.status === 'mismatched') message.warning(`${r.billDate} 对账发现 ${r.mismatches.length} 处差异`);
            else message.error(`${r.billDate} 对账失败：${r.error ?? ''}`);
            void reload();
          }}
        />
      )}
    </Card>
  );
}

function MismatchTable({ rows }: { rows: ReconMismatch[] }) {
  return (
    <Table<ReconMismatch>
      rowKey={(m) => `${m.kind}-${m.orderNo}-${m.channelTxId ?? ''}`}
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="recon-mismatches"
      columns={[
        { title: '差异类型', dataIndex: 'kind', width: 130, render: (k: ReconMismatch['kind']) => <Tag color={k === 'amount_differs' ? 'orange' : 'red'}>{MISMATCH_LABELS[k]}</Tag> },
        { title: '订单号', dataIndex: 'orderNo', width: 220, render: (v: string) => <Typography.Text copyable>{v}</Typography.Text> },
        { title: '渠道交易号', dataIndex: 'channelTxId', width: 240, render: (v: string | null) => v ?? '—' },
        { title: '我方金额', dataIndex: 'ourFen', width: 100, align: 'right', render: (v: number | null) => <Money fen={v} /> },
        { title: '渠道金额', dataIndex: 'theirFen', width: 100, align: 'right', render: (v: number | null) => <Money fen={v} /> },
        {
          title: '处理',
          key: 'repaired',
          render: (_, m) => (
            <Space size={6}>
              {m.repaired ? <Tag color="green">已修复</Tag> : <Tag>待处理</Tag>}
              {m.note && <Typography.Text type="secondary">{m.note}</Typography.Text>}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** 立即对账: one channel, one past day (yesterday by default). */
function RunModal({ channel, onClose, onDone }: { channel?: PayChannel; onClose: () => void; onDone: (r: ReconRunView) => void }) {
  const [form] = Form.useForm<{ channel: PayChannel; billDate: Dayjs }>();
  const { run, busy, error } = useAction(async (v: { channel: PayChannel; billDate: Dayjs }) => onDone(await api.dues.runRecon({ channel: v.channel, billDate: v.billDate.format(DAY) })));
  return (
    <Modal open title="立即对账" okText="对账" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" name="recon" initialValues={{ channel: channel ?? 'wechat', billDate: dayjs().subtract(1, 'day') }} onFinish={run}>
        <Form.Item name="channel" label="支付渠道" rules={[{ required: true, message: '请选择支付渠道' }]}>
          <Radio.Group options={CHANNEL_OPTIONS} />
        </Form.Item>
        <Form.Item name="billDate" label="账单日期" extra="支付渠道的日账单一般在次日上午生成。" rules={[{ required: true, message: '请选择账单日期' }]} style={{ marginBottom: 0 }}>
          <DatePicker allowClear={false} disabledDate={(d) => !d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
