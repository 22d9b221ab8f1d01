import { useEffect, useState } from 'react';
import { App, Button, Dropdown, Layout, Menu, Modal, Space, Tag } from 'antd';
import type { MenuProps } from 'antd';
import { ApartmentOutlined, AuditOutlined, DownOutlined, KeyOutlined, LockOutlined, LogoutOutlined, MessageOutlined, UserOutlined } from '@ant-design/icons';
import type { Me, TokenPair } from '@dangjian/shared';
import { ADMIN_ROLES, ROLE_LABELS } from '@dangjian/shared';
import { api, ApiError } from './api';
import { OrgMemberPage } from './pages/OrgMemberPage';
import { LockedAccountsPage } from './pages/LockedAccountsPage';
import { AuditLogPage } from './pages/AuditLogPage';
import { SmsOutboxPage } from './pages/SmsOutboxPage';
import { ActivationCodesPage } from './pages/ActivationCodesPage';
import { ChangePasswordForm } from './components/ChangePasswordForm';

type PageKey = 'orgs' | 'locked' | 'audit' | 'sms' | 'codes';
const PAGE_KEYS: PageKey[] = ['orgs', 'locked', 'audit', 'sms', 'codes'];

/** The page lives in the hash (#/audit), so a reload stays where the admin was; no server routing. */
function pageFromHash(): PageKey {
  const key = window.location.hash.replace(/^#\/?/, '') as PageKey;
  return PAGE_KEYS.includes(key) ? key : 'orgs';
}

interface Props {
  me: Me;
  onLogout: () => void;
  onPasswordChanged: (tokens: TokenPair) => void;
}

export function MainLayout({ me, onLogout, onPasswordChanged }: Props) {
  const { message } = App.useApp();
  const [page, setPage] = useState<PageKey>(pageFromHash);
  const [smsOutbox, setSmsOutbox] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);

  useEffect(() => {
    const onHash = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // The SMS outbox exists only in development and tests (404 in production): probe it once.
  useEffect(() => {
    if (me.tenantId === null) return;
    let alive = true;
    api.dev
      .smsOutbox()
      .then(() => alive && setSmsOutbox(true))
      .catch((e: unknown) => {
        if (!(e instanceof ApiError) || e.status !== 404) console.warn('sms outbox probe failed', e);
      });
    return () => {
      alive = false;
    };
  }, [me.tenantId]);

  const go = (key: PageKey) => {
    window.location.hash = `/${key}`;
    setPage(key);
  };

  // The audit log is for tenant admins (the API answers 403 to other admins).
  const canAudit = me.roles.some((r) => r.role === 'tenant_admin');
  // Platform operators (no tenant) manage tenant onboarding; tenant pages are not theirs.
  const platformOnly = me.tenantId === null && me.roles.some((r) => r.role === 'platform_admin');
  const menuItems: MenuProps['items'] = platformOnly
    ? [{ key: 'codes', icon: <KeyOutlined />, label: '入驻激活码' }]
    : [
        { key: 'orgs', icon: <ApartmentOutlined />, label: '组织与党员' },
        { key: 'locked', icon: <LockOutlined />, label: '已锁定账号' },
        ...(canAudit ? [{ key: 'audit', icon: <AuditOutlined />, label: '审计日志' }] : []),
        ...(smsOutbox ? [{ key: 'sms', icon: <MessageOutlined />, label: '短信发件箱' }] : []),
      ];
  const current: PageKey = platformOnly
    ? 'codes'
    : (page === 'sms' && !smsOutbox) || (page === 'audit' && !canAudit) || page === 'codes'
      ? 'orgs'
      : page;

  const roles = [
    ...new Set(me.roles.filter((r) => ADMIN_ROLES.includes(r.role)).map((r) => ROLE_LABELS[r.role] + (r.orgName ? `·${r.orgName}` : ''))),
  ];

  const userMenu: MenuProps['items'] = [
    { key: 'password', icon: <LockOutlined />, label: '修改密码', onClick: () => setChangingPassword(true) },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: onLogout },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <span className="brand">党建云管理后台</span>
        <span className="tenant" data-testid="tenant-name">
          {me.tenantName ?? '平台'}
        </span>
        <Space size="middle">
          {roles.slice(0, 2).map((r) => (
            <Tag key={r} color="gold" style={{ marginInlineEnd: 0 }}>
              {r}
            </Tag>
          ))}
          <Dropdown menu={{ items: userMenu }} trigger={['click']}>
            <Button type="text" style={{ color: '#fff' }} data-testid="user-menu">
              <UserOutlined /> {me.displayName} <DownOutlined />
            </Button>
          </Dropdown>
          <Button ghost icon={<LogoutOutlined />} onClick={onLogout}>
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={148} theme="light">
          <Menu mode="inline" selectedKeys={[current]} items={menuItems} onClick={(e) => go(e.key as PageKey)} style={{ height: '100%' }} />
        </Layout.Sider>
        <Layout.Content className="app-content">
          {current === 'orgs' && <OrgMemberPage />}
          {current === 'locked' && <LockedAccountsPage />}
          {current === 'audit' && <AuditLogPage />}
          {current === 'sms' && <SmsOutboxPage />}
          {current === 'codes' && <ActivationCodesPage />}
        </Layout.Content>
      </Layout>
      <Modal title="修改密码" open={changingPassword} footer={null} onCancel={() => setChangingPassword(false)} destroyOnHidden>
        <ChangePasswordForm
          onChanged={(t) => {
            setChangingPassword(false);
            message.success('密码已修改，其他设备上的登录已失效');
            onPasswordChanged(t);
          }}
        />
      </Modal>
    </Layout>
  );
}
