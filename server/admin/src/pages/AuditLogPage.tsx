import { useState } from 'react';
import { Button, Card, Empty, Select, Table, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { AuditEntry } from '@dangjian/shared';
import { api } from '../api';
import { useRemote } from '../useRemote';
import { AUDIT_ACTION_GROUPS, AUDIT_ACTION_LABELS, AUDIT_TARGET_LABELS } from '../auditLabels';
import { LoadError } from '../components/LoadError';

const hasDetail = (d: unknown) => d !== null && d !== undefined && !(typeof d === 'object' && Object.keys(d as object).length === 0);

/** 审计日志 (ID-12): who did what to which object, when and from where; detail JSON on expand. */
export function AuditLogPage() {
  const [action, setAction] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, loading, error, reload: load } = useRemote(() => api.audit.list({ page, pageSize, action: action || undefined }), [page, pageSize, action]);

  return (
    <Card
      title="审计日志"
      extra={
        <Button icon={<ReloadOutlined />} onClick={load} loading={loading}>
          刷新
        </Button>
      }
    >
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="按操作类型筛选"
        style={{ width: 280, marginBottom: 12 }}
        value={action || undefined}
        onChange={(v) => {
          setAction(v ?? '');
          setPage(1);
        }}
        options={[
          { label: '按类别', options: AUDIT_ACTION_GROUPS.map((g) => ({ value: g.prefix, label: g.label })) },
          { label: '按操作', options: Object.entries(AUDIT_ACTION_LABELS).map(([code, label]) => ({ value: code, label })) },
        ]}
      />
      <LoadError error={error} onRetry={load} />
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={action ? '没有该操作的记录' : '暂无审计记录'} /> }}
        expandable={{
          rowExpandable: (r) => hasDetail(r.detail),
          expandedRowRender: (r) => <pre className="detail-json">{JSON.stringify(r.detail, null, 2)}</pre>,
        }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (t) => `共 ${t} 条`,
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
        }}
        columns={[
          { title: '时间', dataIndex: 'createdAt', width: 170, render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }) },
          { title: '操作人', dataIndex: 'actorName', width: 120 },
          {
            title: '操作',
            dataIndex: 'action',
            width: 200,
            render: (v: string) => (AUDIT_ACTION_LABELS[v] ? <span title={v}>{AUDIT_ACTION_LABELS[v]}</span> : <Typography.Text code>{v}</Typography.Text>),
          },
          {
            title: '对象',
            key: 'target',
            width: 120,
            render: (_, r) => `${AUDIT_TARGET_LABELS[r.targetType] ?? r.targetType}${r.targetId ? ` #${r.targetId}` : ''}`,
          },
          { title: 'IP', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
          {
            title: '详情',
            dataIndex: 'detail',
            ellipsis: true,
            render: (d: unknown) => (hasDetail(d) ? <Typography.Text type="secondary">{JSON.stringify(d)}</Typography.Text> : '—'),
          },
        ]}
      />
    </Card>
  );
}
