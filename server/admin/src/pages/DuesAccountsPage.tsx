import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { DuesAccountView } from '@dangjian/shared';
import { api } from '../api';
import { useRemote } from '../useRemote';
import { LoadError } from '../components/LoadError';
import { useOrgTree } from '../components/OrgTreeSelect';
import { AccountStatusTag, PaidViaTag } from '../components/dues/duesTags';
import { CHANNEL_MEANING, DuesAccountFormModal } from '../components/dues/DuesAccountFormModal';
import { DuesAccountDrawer } from '../components/dues/DuesAccountDrawer';
import { formatTime } from '../components/meetings/meetingTags';

/**
 * 党费账户 (DUES-8): the organisations' applications for a dues account and where they stand.
 * 申请开通 fills in the merchant form; a rejected application shows why and may be filed again.
 * Members pay to the nearest organisation above them with an approved account.
 */
export function DuesAccountsPage() {
  const { message } = App.useApp();
  const tree = useOrgTree();
  const { data, loading, error, reload } = useRemote(() => api.dues.accounts(), []);
  const rows = data ?? [];
  const [applying, setApplying] = useState<{ previous?: DuesAccountView } | null>(null);
  const [viewing, setViewing] = useState<DuesAccountView | null>(null);
  // A rejected application may be filed again unless a newer one exists for that organisation.
  const latest = (a: DuesAccountView) => !rows.some((b) => b.orgId === a.orgId && b.id !== a.id && b.createdAt > a.createdAt);

  const columns: TableColumnsType<DuesAccountView> = [
    { title: '申请组织', dataIndex: 'orgName', width: 200, ellipsis: { showTitle: true } },
    { title: '支付方式', dataIndex: 'channel', width: 90, render: (c: DuesAccountView['channel']) => <PaidViaTag via={c} /> },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: DuesAccountView['status']) => <AccountStatusTag status={s} /> },
    {
      title: '说明',
      key: 'note',
      render: (_, a) =>
        a.status === 'rejected' ? (
          <Typography.Text type="danger" data-testid="reject-reason">
            驳回原因：{a.rejectReason ?? '—'}
          </Typography.Text>
        ) : a.status === 'approved' ? (
          <Typography.Text type="secondary">商户号 {a.merchantId ?? '—'}；党员通过{a.channel === 'wechat' ? '微信小程序' : '支付宝 / 钉钉小程序'}交纳</Typography.Text>
        ) : (
          <Typography.Text type="secondary">等待平台审核</Typography.Text>
        ),
    },
    { title: '申请时间', dataIndex: 'createdAt', width: 140, render: (v: string) => formatTime(v) },
    { title: '审核时间', dataIndex: 'reviewedAt', width: 140, render: (v: string | null) => formatTime(v) },
    {
      title: '操作',
      key: 'op',
      width: 140,
      render: (_, a) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setViewing(a)}>
            查看
          </Button>
          {a.status === 'rejected' && latest(a) && (
            <Button type="link" size="small" onClick={() => setApplying({ previous: a })}>
              重新申请
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title="党费账户"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} loading={loading} onClick={() => void reload()}>
            刷新
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying({})}>
            申请开通
          </Button>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="新建党费账户，按要求填写商户资料，平台审核通过后即可线上交纳党费。支付方式审核通过后不可再修改。"
        description={
          <>
            <div>微信：{CHANNEL_MEANING.wechat}</div>
            <div>支付宝：{CHANNEL_MEANING.alipay}</div>
          </>
        }
      />
      <LoadError error={error} onRetry={reload} />
      <Table<DuesAccountView>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        data-testid="dues-accounts"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未申请党费账户" /> }}
      />
      {applying && (
        <DuesAccountFormModal
          tree={tree}
          orgId={tree.rootId}
          previous={applying.previous}
          onClose={() => setApplying(null)}
          onSaved={() => {
            setApplying(null);
            message.success('申请已提交，请等待平台审核');
            void reload();
          }}
        />
      )}
      {viewing && <DuesAccountDrawer account={viewing} onClose={() => setViewing(null)} />}
    </Card>
  );
}
