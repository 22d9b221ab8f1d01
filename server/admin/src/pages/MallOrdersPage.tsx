import { useState } from 'react';
import { App, Button, Card, Input, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { MallOrder, MallOrderStatus } from '@dangjian/shared';
import { MALL_ORDER_STATUS_LABELS } from '@dangjian/shared';
import { api, errorMessage } from '../api';
import { useRemote } from '../useRemote';
import { usePaging } from '../usePaging';
import { LoadError } from '../components/LoadError';
import { ORDER_STATUS_COLORS, time } from '../components/mall/mallText';

type StatusFilter = MallOrderStatus | 'all';

/**
 * 兑换订单 (MALL-3), for the tenant admin: search by order number or pick-up code, filter by
 * status, and 确认领取 when the member collects; picked-up and cancelled orders show when.
 */
export function MallOrdersPage() {
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const { page, pageSize, pagination, filter } = usePaging(20);
  const { data, loading, error, reload } = useRemote(
    () => api.mall.orders({ q: q || undefined, status: status === 'all' ? undefined : status, page, pageSize }),
    [q, status, page, pageSize],
  );
  const [busy, setBusy] = useState<number | null>(null);

  const pickup = async (o: MallOrder) => {
    setBusy(o.id);
    try {
      await api.mall.pickup(o.id);
      message.success(`订单 ${o.orderNo} 已确认领取`);
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumnsType<MallOrder> = [
    { title: '订单号', dataIndex: 'orderNo', width: 170, render: (n: string) => <Typography.Text copyable={{ text: n }}>{n}</Typography.Text> },
    { title: '取货码', dataIndex: 'pickupCode', width: 90, render: (c: string) => <Typography.Text strong style={{ letterSpacing: 1 }}>{c}</Typography.Text> },
    { title: '党员', dataIndex: 'memberName', width: 100 },
    { title: '商品', dataIndex: 'goodsName', ellipsis: { showTitle: true } },
    { title: '数量', dataIndex: 'quantity', width: 60, align: 'right' },
    { title: '积分', dataIndex: 'points', width: 80, align: 'right', render: (p: number) => `${p} 分` },
    { title: '状态', dataIndex: 'status', width: 80, render: (s: MallOrderStatus) => <Tag color={ORDER_STATUS_COLORS[s]}>{MALL_ORDER_STATUS_LABELS[s]}</Tag> },
    { title: '下单时间', dataIndex: 'createdAt', width: 160, render: (t: string) => time(t) },
    {
      title: '领取情况',
      key: 'op',
      width: 170,
      render: (_, o) =>
        o.status === 'awaiting' ? (
          <Popconfirm
            title={`确认「${o.memberName}」已领取？`}
            description={`${o.goodsName} × ${o.quantity}，取货码 ${o.pickupCode}`}
            okText="确认领取"
            cancelText="取消"
            onConfirm={() => pickup(o)}
          >
            <Button size="small" type="primary" loading={busy === o.id}>
              确认领取
            </Button>
          </Popconfirm>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.status === 'picked_up' ? `领取于 ${time(o.pickedUpAt)}` : `取消于 ${time(o.cancelledAt)}`}
          </Typography.Text>
        ),
    },
  ];

  return (
    <Card size="small" title="兑换订单" style={{ maxWidth: 1180 }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search placeholder="订单号或取货码" allowClear enterButton="查询" style={{ width: 280 }} onSearch={(v) => filter(setQ)(v.trim())} data-testid="order-search" />
        <Segmented<StatusFilter>
          value={status}
          onChange={filter(setStatus)}
          options={[
            { value: 'all', label: '全部' },
            ...(['awaiting', 'picked_up', 'cancelled'] as const).map((s) => ({ value: s, label: MALL_ORDER_STATUS_LABELS[s] })),
          ]}
        />
      </Space>
      <LoadError error={error} onRetry={reload} />
      <Table<MallOrder>
        data-testid="mall-orders"
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={pagination(data?.total ?? 0)}
        locale={{ emptyText: q ? `没有订单号或取货码为“${q}”的订单` : '暂无兑换订单' }}
      />
    </Card>
  );
}
