import { Alert, Button, Card, Empty, Table, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { SmsOutboxEntry, SmsPurpose } from '@dangjian/shared';
import { api } from '../api';
import { useRemote } from '../useRemote';

const PURPOSE_LABELS: Record<SmsPurpose, string> = {
  activate: '账号激活',
  login: '短信登录',
  register: '群众注册',
  change_phone: '更换手机号',
};

/** 短信发件箱 (ID-3, development only): the codes the outbox provider "sent", newest first. */
export function SmsOutboxPage() {
  const { data, loading, error, reload: load } = useRemote(() => api.dev.smsOutbox(), []);
  const rows = data ?? [];

  return (
    <Card
      title="短信发件箱（开发环境）"
      extra={
        <Button icon={<ReloadOutlined />} onClick={load} loading={loading}>
          刷新
        </Button>
      }
    >
      <Alert type="warning" showIcon title="仅开发和测试环境可见：短信未真正发出，验证码记录在这里。" style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<SmsOutboxEntry>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无短信" /> }}
        columns={[
          { title: '时间', dataIndex: 'createdAt', width: 200, render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }) },
          { title: '手机号', dataIndex: 'phone', width: 160 },
          { title: '用途', dataIndex: 'purpose', width: 140, render: (p: SmsPurpose) => PURPOSE_LABELS[p] ?? p },
          { title: '验证码', dataIndex: 'code', render: (c: string) => <Typography.Text code copyable style={{ fontSize: 16 }}>{c}</Typography.Text> },
        ]}
      />
    </Card>
  );
}
