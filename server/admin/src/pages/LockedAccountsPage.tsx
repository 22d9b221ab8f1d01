import { Alert, App, Button, Card, Empty, Popconfirm, Space, Table } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { LockedAccount } from '@dangjian/shared';
import { api, errorMessage } from '../api';
import { useRemote } from '../useRemote';
import { showOneTimePassword } from '../components/oneTimePassword';
import { LoadError } from '../components/LoadError';

/** 已锁定账号 (ID-9): accounts locked after repeated wrong passwords; unlock or reset. */
export function LockedAccountsPage() {
  const { message, modal } = App.useApp();
  const { data, loading, error, reload: load } = useRemote(() => api.accounts.locked(), []);
  const rows = data ?? [];

  const unlock = async (a: LockedAccount) => {
    try {
      await api.accounts.unlock(a.userId);
      message.success(`已解锁 ${a.name}`);
      void load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const reset = async (a: LockedAccount) => {
    try {
      const { oneTimePassword } = await api.accounts.resetPassword(a.userId);
      showOneTimePassword(modal, a.name, oneTimePassword);
      void load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Card
      title="已锁定账号"
      extra={
        <Button icon={<ReloadOutlined />} onClick={load} loading={loading}>
          刷新
        </Button>
      }
    >
      <Alert
        type="info"
        showIcon
        title="连续多次输错密码的账号会被锁定。解锁后本人可继续使用原密码；忘记密码时请重置，系统生成一次性临时密码，本人登录后须立即修改。"
        style={{ marginBottom: 16 }}
      />
      <LoadError error={error} onRetry={load} />
      <Table<LockedAccount>
        rowKey="userId"
        loading={loading}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="当前没有被锁定的账号" /> }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '手机号', dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '—' },
          { title: '所在组织', dataIndex: 'orgName', render: (v: string | null) => v ?? '—' },
          { title: '锁定时间', dataIndex: 'lockedAt', render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }) },
          {
            title: '操作',
            key: 'op',
            width: 200,
            render: (_, a) => (
              <Space size={0}>
                <Popconfirm title={`解锁 ${a.name} 的账号？`} okText="解锁" onConfirm={() => unlock(a)}>
                  <Button type="link">解锁</Button>
                </Popconfirm>
                <Popconfirm
                  title={`重置 ${a.name} 的密码？`}
                  description="原密码立即失效，将生成一次性临时密码。"
                  okText="重置"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => reset(a)}
                >
                  <Button type="link" danger>
                    重置密码
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
