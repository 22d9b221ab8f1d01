import { useState } from 'react';
import { App, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { AID_KIND_LABELS, AID_KINDS, AID_STATE_LABELS, WISH_CATEGORY_LABELS, type AidItemSummary, type AidKind, type Me } from '@dangjian/shared';
import { api } from '../api';
import { useRemote } from '../useRemote';
import { usePaging } from '../usePaging';
import { LoadError } from '../components/LoadError';
import { AidActionButtons } from '../components/aid/AidActionButtons';
import { AidItemDrawer } from '../components/aid/AidItemDrawer';
import { MicroWishFormModal } from '../components/aid/MicroWishFormModal';
import { completeFrom, itemTopic, rowActions } from '../components/aid/aidText';

type Queue = 'review' | 'complete' | 'all';

/**
 * 党员e家 · 审核 (AID-1…AID-3, AID-5): wishes, donations and snapshots of the branches in the admin's
 * scope waiting for review (通过 / 驳回 with a reason), wishes and donations waiting for the branch
 * admin's 确认办结, and micro-wishes of the public (微心愿): branch admins submit them (发布微心愿),
 * the tenant admin reviews them. The buttons come from the shared flow; the server checks each step.
 */
export function AidReviewPage({ me }: { me: Me }) {
  const { message } = App.useApp();
  const isTenantAdmin = me.roles.some((r) => r.role === 'tenant_admin');
  const isBranchAdmin = me.roles.some((r) => r.role === 'branch_admin');
  const [kind, setKind] = useState<AidKind>('wish');
  const [queue, setQueue] = useState<Queue>('review');
  const [open, setOpen] = useState<number | null>(null);
  const [publishing, setPublishing] = useState(false);
  const { page, pageSize, pagination, filter } = usePaging(20);
  const micro = kind === 'micro_wish';
  const doneFrom = completeFrom(kind);
  // Micro-wishes: 待审核 (the tenant admin's queue) or all of them; the others: 待审核 or 待办结.
  const q: Queue = micro ? (queue === 'all' || !isTenantAdmin ? 'all' : 'review') : queue === 'complete' && doneFrom ? 'complete' : 'review';
  const { data, loading, error, reload } = useRemote(
    () =>
      api.aid.items(
        q === 'review'
          ? { kind, view: 'review', page, pageSize }
          : q === 'complete'
            ? { kind, view: 'all', state: doneFrom, page, pageSize }
            : { kind, view: 'all', page, pageSize },
      ),
    [kind, q, doneFrom, page, pageSize],
  );

  const columns: TableColumnsType<AidItemSummary> = [
    { title: '标题', dataIndex: 'title', render: (t: string, i) => <a onClick={() => setOpen(i.id)}>{t}</a> },
    ...(micro ? [] : [{ title: kind === 'snapshot' ? '栏目' : '类别', key: 'topic', width: 100, render: (_: unknown, i: AidItemSummary) => itemTopic(i, WISH_CATEGORY_LABELS) || '—' }]),
    { title: '支部', dataIndex: 'orgName', width: 160 },
    { title: micro ? '提交人' : '发布人', dataIndex: 'publisherName', width: 100 },
    ...(q === 'complete' || micro ? [{ title: '认领人', dataIndex: 'claimerName', width: 100, render: (n: string | null) => n ?? '—' }] : []),
    { title: '状态', dataIndex: 'state', width: 110, render: (s: AidItemSummary['state']) => <Tag color={s === 'submitted' ? 'gold' : s === 'rejected' ? 'red' : 'blue'}>{AID_STATE_LABELS[s]}</Tag> },
    { title: '发布时间', dataIndex: 'createdAt', width: 170, render: (t: string) => new Date(t).toLocaleString('zh-CN', { hour12: false }) },
    {
      title: '操作',
      key: 'op',
      width: 200,
      render: (_, i) => (
        <Space size={0} wrap>
          <a onClick={() => setOpen(i.id)} style={{ marginInlineEnd: 8 }}>
            查看
          </a>
          <AidActionButtons compact item={i} actions={rowActions(i, isTenantAdmin)} onDone={() => void reload()} />
        </Space>
      ),
    },
  ];

  const what = AID_KIND_LABELS[kind];
  return (
    <Card
      size="small"
      title={
        <Space size={8}>
          党员e家审核
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {micro ? '支部代群众提交的微心愿，由单位管理员审核' : '本组织及下级支部发布的心愿、捐赠和随手拍'}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          <Segmented<AidKind> options={AID_KINDS.map((k) => ({ value: k, label: AID_KIND_LABELS[k] }))} value={kind} onChange={filter(setKind)} />
          {micro ? (
            <Segmented<Queue>
              options={[
                { value: 'review', label: '待审核', disabled: !isTenantAdmin },
                { value: 'all', label: '全部' },
              ]}
              value={q}
              onChange={filter(setQueue)}
            />
          ) : (
            <Segmented<Queue>
              options={[
                { value: 'review', label: '待审核' },
                { value: 'complete', label: '待办结', disabled: !doneFrom },
              ]}
              value={q}
              onChange={filter(setQueue)}
            />
          )}
          {micro && isBranchAdmin && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPublishing(true)}>
              发布微心愿
            </Button>
          )}
        </Space>
      }
    >
      <LoadError error={error} onRetry={reload} />
      <Table<AidItemSummary>
        data-testid="aid-reviews"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={pagination(data?.total ?? 0)}
        locale={{ emptyText: q === 'review' ? `没有待审核的${what}` : q === 'complete' ? `没有待办结的${what}` : `还没有${what}` }}
      />
      {open !== null && <AidItemDrawer itemId={open} onClose={() => setOpen(null)} onChanged={() => void reload()} />}
      {publishing && (
        <MicroWishFormModal
          onClose={() => setPublishing(false)}
          onSaved={(item) => {
            setPublishing(false);
            message.success(`微心愿「${item.title}」已提交，等待单位管理员审核`);
            void reload();
          }}
        />
      )}
    </Card>
  );
}
