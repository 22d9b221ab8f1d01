import { useState } from 'react';
import { Alert, App, Button, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import type { OrgNode } from '@dangjian/shared';
import { api, errorMessage, type BranchAdminSource, type BranchAdminView } from '../api';
import { useAction } from '../useAction';
import { useRemote } from '../useRemote';
import { MemberSelect } from './MemberSelect';
import { LoadError } from './LoadError';

const SOURCES: Record<BranchAdminSource, { label: string; color: string }> = {
  secretary: { label: '书记（默认）', color: 'red' },
  granted: { label: '书记授权', color: 'volcano' },
  first_entry: { label: '首位进入支部', color: 'gold' },
  assigned: { label: '指定', color: 'blue' },
};

/** The admins that were granted (or came first) rather than following from a post: these can be revoked. */
const revocable = (a: BranchAdminView) => a.source === 'granted' || a.source === 'first_entry';

/**
 * 支部管理员 (BR-9): who administers the branch and why. The secretary is admin by virtue of the
 * post; one more member may be granted; with no secretary, the first member to enter the online
 * branch became admin. `version` changes when the posts change (the secretary's admin follows them).
 */
export function BranchAdminsTab({ org, version }: { org: OrgNode; version: number }) {
  const { message } = App.useApp();
  const { data, loading, error: loadError, reload } = useRemote(() => api.orgs.branchAdmins(org.id), [org.id, version]);
  const admins = data ?? [];
  const [memberId, setMemberId] = useState<number>();
  const extra = admins.find(revocable);
  const adminMembers = new Set(admins.map((a) => a.memberId));

  const { run: grant, busy: granting, error: grantError, clearError } = useAction(async () => {
    if (memberId == null) return;
    const list = await api.orgs.grantBranchAdmin(org.id, memberId);
    const added = list.find((a) => a.memberId === memberId);
    message.success(added ? `已授权 ${added.name} 为支部管理员` : '已授权');
    setMemberId(undefined);
    await reload();
  });

  const revoke = async (a: BranchAdminView) => {
    try {
      await api.orgs.revokeBranchAdmin(org.id, a.userId);
      message.success(`已取消 ${a.name} 的支部管理员权限`);
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Alert
        type="info"
        showIcon
        title="书记默认为支部管理员，可再授权一名党员；书记空缺时，首位进入网上支部的党员成为管理员。"
        style={{ marginBottom: 12 }}
        data-testid="branch-admin-rule"
      />
      <LoadError error={loadError} onRetry={reload} />
      <Table<BranchAdminView>
        rowKey="userId"
        size="small"
        loading={loading}
        dataSource={admins}
        pagination={false}
        data-testid="branch-admins"
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无支部管理员：书记空缺时，首位进入网上支部的党员将成为管理员" />,
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 140, render: (n: string) => n || '—' },
          {
            title: '产生方式',
            dataIndex: 'source',
            width: 140,
            render: (s: BranchAdminSource) => <Tag color={SOURCES[s]?.color}>{SOURCES[s]?.label ?? s}</Tag>,
          },
          {
            title: '操作',
            key: 'op',
            render: (_, a) =>
              revocable(a) ? (
                <Popconfirm title={`取消 ${a.name} 的支部管理员权限？`} okText="撤销" okButtonProps={{ danger: true }} onConfirm={() => revoke(a)}>
                  <Button type="link" size="small" danger>
                    撤销
                  </Button>
                </Popconfirm>
              ) : a.source === 'secretary' ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <InfoCircleOutlined /> 书记由职务产生，免去书记职务后自动取消
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        授权支部管理员
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {extra
          ? `已授权 ${extra.name} 为支部管理员，书记之外只能再有一名；如需更换，请先撤销。`
          : '从本支部已激活账号的党员中选择一名（未激活的党员需先在小程序中激活账号）。'}
      </Typography.Paragraph>
      {grantError && <Alert type="error" showIcon title={grantError} style={{ marginBottom: 12 }} role="alert" />}
      <Space>
        <div style={{ width: 340 }} data-testid="branch-admin-member">
          <MemberSelect
            orgId={org.id}
            activated
            value={memberId}
            onChange={(v) => {
              setMemberId(v);
              clearError();
            }}
            placeholder="搜索已激活的党员"
            emptyText="没有找到已激活账号的党员"
            disabledReason={(m) => (adminMembers.has(m.id) ? '已是管理员' : undefined)}
          />
        </div>
        <Button type="primary" disabled={memberId == null} loading={granting} onClick={grant}>
          授权
        </Button>
      </Space>
    </>
  );
}
