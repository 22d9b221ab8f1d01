import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { AidBlacklistEntry } from '@dangjian/shared';
import { api, errorMessage } from '../api';
import { useRemote } from '../useRemote';
import { usePaging } from '../usePaging';
import { useAction } from '../useAction';
import { MemberSelect } from '../components/MemberSelect';
import { OrgPageLoadError, useOrgTree } from '../components/OrgTreeSelect';

function AddModal({ orgId, onClose, onAdded }: { orgId: number; onClose: () => void; onAdded: () => void }) {
  const [form] = Form.useForm<{ memberId: number; reason: string }>();
  const { run, busy, error } = useAction(async (v: { memberId: number; reason: string }) => {
    await api.aid.ban({ memberId: v.memberId, reason: v.reason.trim() });
    onAdded();
  });
  return (
    <Modal open title="加入黑名单" okText="加入" okButtonProps={{ danger: true }} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" name="aid-ban" onFinish={run}>
        <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请选择党员' }]}>
          <MemberSelect orgId={orgId} />
        </Form.Item>
        <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请填写原因' }]} style={{ marginBottom: 0 }}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：多次发布虚假心愿刷积分" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 党员e家 · 黑名单 (AID-4): members caught farming points cannot publish wishes, donations or snapshots. */
export function AidBlacklistPage() {
  const { message } = App.useApp();
  const tree = useOrgTree();
  const [adding, setAdding] = useState(false);
  const { page, pageSize, pagination } = usePaging(20);
  const list = useRemote(() => api.aid.blacklist({ page, pageSize }), [page, pageSize]);
  const remove = async (e: AidBlacklistEntry) => {
    try {
      await api.aid.unban(e.memberId);
      message.success(`已将${e.memberName}移出黑名单`);
      void list.reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const columns: TableColumnsType<AidBlacklistEntry> = [
    { title: '党员', dataIndex: 'memberName', width: 120 },
    { title: '原因', dataIndex: 'reason' },
    { title: '操作人', dataIndex: 'byName', width: 120 },
    { title: '加入时间', dataIndex: 'createdAt', width: 170, render: (t: string) => new Date(t).toLocaleString('zh-CN', { hour12: false }) },
    {
      title: '操作',
      key: 'op',
      width: 100,
      render: (_, e) => (
        <Popconfirm title={`将${e.memberName}移出黑名单？`} okText="移出" cancelText="取消" onConfirm={() => remove(e)}>
          <a>移出</a>
        </Popconfirm>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={
        <Space size={8}>
          黑名单
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            名单内的党员不能在党员e家发布内容
          </Typography.Text>
        </Space>
      }
      extra={
        <Button type="primary" icon={<PlusOutlined />} disabled={!tree.rootId} onClick={() => setAdding(true)}>
          加入黑名单
        </Button>
      }
    >
      <OrgPageLoadError tree={tree} page={list} />
      <Table<AidBlacklistEntry>
        data-testid="aid-blacklist"
        rowKey="memberId"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        pagination={pagination(list.data?.total ?? 0, '人')}
        locale={{ emptyText: '黑名单为空' }}
      />
      {adding && tree.rootId && (
        <AddModal
          orgId={tree.rootId}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            message.success('已加入黑名单');
            void list.reload();
          }}
        />
      )}
    </Card>
  );
}
