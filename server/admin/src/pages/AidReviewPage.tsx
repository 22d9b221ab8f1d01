import { useState } from 'react';
import { Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { AID_KIND_LABELS, AID_STATE_LABELS, availableAidActions, WISH_CATEGORY_LABELS, type AidItemSummary, type AidKind } from '@dangjian/shared';
import { api } from '../api';
import { useRemote } from '../useRemote';
import { usePaging } from '../usePaging';
import { LoadError } from '../components/LoadError';
import { AidActionButtons } from '../components/aid/AidActionButtons';
import { AidItemDrawer } from '../components/aid/AidItemDrawer';
import { completeFrom, itemTopic } from '../components/aid/aidText';

type Queue = 'review' | 'complete';
const KINDS: AidKind[] = ['wish', 'donation', 'snapshot'];

/**
 * 党员e家 · 审核 (AID-1…AID-3): wishes, donations and snapshots of the branches in the admin's
 * scope waiting for review (通过 / 驳回 with a reason), and wishes and donations waiting for the
 * branch admin's 确认办结. The buttons come from the shared flow; the server checks each step.
 */
export function AidReviewPage() {
  const [kind, setKind] = useState<AidKind>('wish');
  const [queue, setQueue] = useState<Queue>('review');
  const [open, setOpen] = useState<number | null>(null);
  const { page, pageSize, pagination, filter } = usePaging(20);
  const doneFrom = completeFrom(kind);
  const q = queue === 'complete' && doneFrom ? queue : 'review';
  const { data, loading, error, reload } = useRemote(
    () => api.aid.items(q === 'review' ? { kind, view: 'review', page, pageSize } : { kind, view: 'all', state: doneFrom, page, pageSize }),
    [kind, q, doneFrom, page, pageSize],
  );

  const columns: TableColumnsType<AidItemSummary> = [
    { title: '标题', dataIndex: 'title', render: (t: string, i) => <a onClick={() => setOpen(i.id)}>{t}</a> },
    { title: kind === 'snapshot' ? '栏目' : '类别', key: 'topic', width: 100, render: (_, i) => itemTopic(i, WISH_CATEGORY_LABELS) || '—' },
    { title: '支部', dataIndex: 'orgName', width: 160 },
    { title: '发布人', dataIndex: 'publisherName', width: 100 },
    ...(q === 'complete' ? [{ title: '认领人', dataIndex: 'claimerName', width: 100 }] : []),
    { title: '状态', dataIndex: 'state', width: 110, render: (s: AidItemSummary['state']) => <Tag color={s === 'submitted' ? 'gold' : 'blue'}>{AID_STATE_LABELS[s]}</Tag> },
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
          <AidActionButtons compact item={i} actions={availableAidActions(i.kind, i.state, ['branch_admin']).map((t) => t.action)} onDone={() => void reload()} />
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={
        <Space size={8}>
          党员e家审核
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            本组织及下级支部发布的心愿、捐赠和随手拍
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          <Segmented<AidKind> options={KINDS.map((k) => ({ value: k, label: AID_KIND_LABELS[k] }))} value={kind} onChange={filter(setKind)} />
          <Segmented<Queue>
            options={[
              { value: 'review', label: '待审核' },
              { value: 'complete', label: '待办结', disabled: !doneFrom },
            ]}
            value={q}
            onChange={filter(setQueue)}
          />
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
        locale={{ emptyText: q === 'review' ? `没有待审核的${AID_KIND_LABELS[kind]}` : `没有待办结的${AID_KIND_LABELS[kind]}` }}
      />
      {open !== null && <AidItemDrawer itemId={open} onClose={() => setOpen(null)} onChanged={() => void reload()} />}
    </Card>
  );
}
