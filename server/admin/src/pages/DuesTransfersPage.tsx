import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Popconfirm, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { DuesTransferPreview, DuesTransferView } from '@dangjian/shared';
import { api, errorMessage } from '../api';
import { useRemote } from '../useRemote';
import { usePolling } from '../usePolling';
import { LoadError } from '../components/LoadError';
import { OrgPageLoadError, OrgTreeSelect, useOrgTree } from '../components/OrgTreeSelect';
import { MonthPicker } from '../components/dues/PeriodPicker';
import { Money, PaidViaTag, TransferStatusTag, monthLabel, thisMonth } from '../components/dues/duesTags';
import { formatTime } from '../components/meetings/meetingTags';

const dateLabel = (d: string) => dayjs(d).format('YYYY年M月D日');

/**
 * 党费上划 (DUES-7): after the payment window closes, the month's dues the organisation's subtree
 * collected online go up to the organisation holding the dues account (profit sharing at the
 * channel). The preview says how much, to which account, from when — or why not yet. A transfer runs
 * in the background; failed ones may be retried.
 */
export function DuesTransfersPage() {
  const { message } = App.useApp();
  const tree = useOrgTree();
  const orgId = tree.orgId;
  const [month, setMonth] = useState(thisMonth);
  const preview = useRemote(() => (orgId === undefined ? Promise.resolve(undefined) : api.dues.transferPreview({ orgId, month })), [orgId, month]);
  const list = useRemote(() => (orgId === undefined ? Promise.resolve(undefined) : api.dues.transfers({ orgId })), [orgId]);
  const rows = list.data ?? [];
  const [busy, setBusy] = useState<number | 'new' | null>(null);
  // Transfers finish in the background: watch them while any is running.
  usePolling(list.reload, 5000, rows.some((t) => t.status === 'processing'));

  const act = async (key: number | 'new', call: () => Promise<DuesTransferView>, done: string) => {
    setBusy(key);
    try {
      const t = await call();
      message.success(t.status === 'failed' ? `上划失败：${t.lastError ?? '请稍后重试'}` : done);
      void preview.reload();
      void list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumnsType<DuesTransferView> = [
    { title: '月份', dataIndex: 'month', width: 100, render: monthLabel },
    { title: '组织', dataIndex: 'orgName', width: 160, ellipsis: { showTitle: true } },
    { title: '渠道', dataIndex: 'channel', width: 70, render: (c: DuesTransferView['channel']) => <PaidViaTag via={c} /> },
    { title: '金额', dataIndex: 'amountFen', width: 110, align: 'right', render: (v: number) => <Money fen={v} /> },
    { title: '笔数', dataIndex: 'paymentCount', width: 60, align: 'right' },
    {
      title: '状态',
      key: 'status',
      width: 200,
      render: (_, t) => (
        <div style={{ lineHeight: '20px' }}>
          <Space size={6}>
            <TransferStatusTag status={t.status} />
            {t.status !== 'done' && t.splitsTotal > 0 && (
              <Typography.Text type="secondary">
                已分账 {t.splitsDone}/{t.splitsTotal}
              </Typography.Text>
            )}
          </Space>
          {t.lastError && (
            <div>
              <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="transfer-error">
                {t.lastError}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    { title: '发起', key: 'by', width: 160, render: (_, t) => `${t.createdByName ?? '系统'} · ${formatTime(t.createdAt)}` },
    { title: '完成时间', dataIndex: 'doneAt', width: 130, render: (v: string | null) => formatTime(v) },
    {
      title: '操作',
      key: 'op',
      width: 70,
      render: (_, t) =>
        t.status === 'failed' ? (
          <Button type="link" size="small" loading={busy === t.id} onClick={() => void act(t.id, () => api.dues.retryTransfer(t.id), '已重新发起上划')}>
            重试
          </Button>
        ) : null,
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card
        size="small"
        title="党费上划"
        extra={
          <Space>
            <OrgTreeSelect tree={tree} value={orgId} onChange={tree.setOrgId} disable={(n) => n.type === 'group'} />
            <MonthPicker value={month} onChange={setMonth} max={thisMonth()} />
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">党员在每月交纳期内线上交纳的党费，交纳期结束后由组织管理员上划到党费账户。为确保党费账单准确，请及时上划党费。</Typography.Paragraph>
        <OrgPageLoadError tree={tree} page={preview} />
        {preview.data && <PreviewCard p={preview.data} busy={busy === 'new'} onTransfer={() => void act('new', () => api.dues.transfer({ orgId: preview.data!.orgId, month: preview.data!.month }), '已发起上划，处理完成后状态自动更新')} />}
      </Card>
      <Card
        size="small"
        title="上划记录"
        extra={
          <Button icon={<ReloadOutlined />} loading={list.loading} onClick={() => void list.reload()}>
            刷新
          </Button>
        }
      >
        <LoadError error={list.error} onRetry={list.reload} />
        <Table<DuesTransferView>
          rowKey="id"
          size="small"
          loading={list.loading && !list.data}
          columns={columns}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 1060 }}
          data-testid="dues-transfers"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无上划记录" /> }}
        />
      </Card>
    </Space>
  );
}

function PreviewCard({ p, busy, onTransfer }: { p: DuesTransferPreview; busy: boolean; onTransfer: () => void }) {
  return (
    <div data-testid="transfer-preview">
      <Descriptions
        size="small"
        bordered
        column={4}
        items={[
          {
            key: 'account',
            label: '党费账户',
            span: 2,
            children: p.account ? (
              <Space size={6}>
                {p.account.orgName}
                <PaidViaTag via={p.account.channel} />
              </Space>
            ) : (
              <Typography.Text type="warning">未开通党费账户</Typography.Text>
            ),
          },
          { key: 'open', label: '可上划时间', span: 2, children: `${dateLabel(p.openFrom)}起` },
          {
            key: 'amount',
            label: `${monthLabel(p.month)}可上划金额`,
            span: 2,
            children: (
              <Typography.Text strong style={{ fontSize: 18 }} data-testid="transferable">
                <Money fen={p.transferableFen} />
              </Typography.Text>
            ),
          },
          { key: 'count', label: '交纳笔数', span: 2, children: `${p.paymentCount} 笔` },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        {p.canTransfer ? (
          <Popconfirm
            title={`上划${monthLabel(p.month)}党费？`}
            description={
              <>
                将 <Money fen={p.transferableFen} />（{p.paymentCount} 笔）上划到 {p.account?.orgName} 的党费账户，发起后不可撤销。
              </>
            }
            okText="上划"
            onConfirm={onTransfer}
          >
            <Button type="primary" icon={<SendOutlined />} loading={busy}>
              上划
            </Button>
          </Popconfirm>
        ) : (
          <Alert type="info" showIcon title={p.reason ?? '暂不能上划'} data-testid="transfer-blocked" />
        )}
      </div>
    </div>
  );
}
