import { useEffect, useState } from 'react';
import { App, Button, Dropdown, Layout, Menu, Modal, Space, Tag } from 'antd';
import type { MenuProps } from 'antd';
import { AccountBookOutlined, ApartmentOutlined, AuditOutlined, CheckSquareOutlined, ReconciliationOutlined, DownOutlined, FlagOutlined, KeyOutlined, LockOutlined, LogoutOutlined, MessageOutlined, HeartOutlined, ShopOutlined, TrophyOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { Me, TokenPair } from '@dangjian/shared';
import { ADMIN_ROLES, ROLE_LABELS } from '@dangjian/shared';
import { api, ApiError } from './api';
import { OrgMemberPage } from './pages/OrgMemberPage';
import { BranchPage } from './pages/BranchPage';
import { LockedAccountsPage } from './pages/LockedAccountsPage';
import { AuditLogPage } from './pages/AuditLogPage';
import { SmsOutboxPage } from './pages/SmsOutboxPage';
import { ActivationCodesPage } from './pages/ActivationCodesPage';
import { MeetingsPage } from './pages/MeetingsPage';
import { MeetingDetailPage } from './pages/MeetingDetailPage';
import { CheckinScreenPage } from './pages/CheckinScreenPage';
import { MeetingReviewsPage } from './pages/MeetingReviewsPage';
import { SupervisionPage } from './pages/SupervisionPage';
import { MeetingTypesPage } from './pages/MeetingTypesPage';
import { DuesStandardsPage } from './pages/DuesStandardsPage';
import { DuesBillsPage } from './pages/DuesBillsPage';
import { DuesPaymentsPage } from './pages/DuesPaymentsPage';
import { DuesSummaryPage } from './pages/DuesSummaryPage';
import { DuesAccountsPage } from './pages/DuesAccountsPage';
import { DuesAccountReviewPage } from './pages/DuesAccountReviewPage';
import { DuesTransfersPage } from './pages/DuesTransfersPage';
import { DuesReconciliationPage } from './pages/DuesReconciliationPage';
import { DuesSettingsPage } from './pages/DuesSettingsPage';
import { PointsRulesPage } from './pages/PointsRulesPage';
import { PointsRankingPage } from './pages/PointsRankingPage';
import { AidReviewPage } from './pages/AidReviewPage';
import { AidBlacklistPage } from './pages/AidBlacklistPage';
import { PointsDeclarationsPage } from './pages/PointsDeclarationsPage';
import { MallCategoriesPage } from './pages/MallCategoriesPage';
import { MallGoodsPage } from './pages/MallGoodsPage';
import { MallOrdersPage } from './pages/MallOrdersPage';
import { ChangePasswordForm } from './components/ChangePasswordForm';
import { listBefore, navigate, rememberList, routeFromHash, type PageKey } from './route';

/** What a platform operator (no tenant) sees: onboarding, the dues account review, reconciliation. */
const PLATFORM_PAGES: PageKey[] = ['codes', 'dues/review', 'dues/reconciliation'];
const PLATFORM_ONLY_PAGES: PageKey[] = ['codes', 'dues/review'];
/** Tenant-wide settings and records: the tenant admin's only (the API answers 403 to other admins). */
const TENANT_ADMIN_PAGES: PageKey[] = ['audit', 'meetings/types', 'dues/reconciliation', 'dues/settings', 'mall/categories', 'mall/goods', 'mall/orders'];

interface Props {
  me: Me;
  onLogout: () => void;
  onPasswordChanged: (tokens: TokenPair) => void;
}

export function MainLayout({ me, onLogout, onPasswordChanged }: Props) {
  const { message } = App.useApp();
  const [route, setRoute] = useState(routeFromHash);
  const page = route.page;
  const [smsOutbox, setSmsOutbox] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);

  useEffect(() => {
    const onHash = () => setRoute(routeFromHash());
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
    navigate(key);
    setRoute({ page: key });
    // A new page opens at its top, not where the last one was scrolled to.
    window.scrollTo(0, 0);
  };

  // The audit log is for tenant admins (the API answers 403 to other admins).
  const canAudit = me.roles.some((r) => r.role === 'tenant_admin');
  // Meetings are reviewed and supervised by the organisations above the branches (党委, 党总支).
  const isParentAdmin = me.roles.some((r) => r.role === 'tenant_admin' || r.role === 'org_admin');
  // Platform operators (no tenant) manage tenant onboarding; tenant pages are not theirs.
  const platformOnly = me.tenantId === null && me.roles.some((r) => r.role === 'platform_admin');
  const menuItems: MenuProps['items'] = platformOnly
    ? [
        { key: 'codes', icon: <KeyOutlined />, label: '入驻激活码' },
        { key: 'dues/review', icon: <CheckSquareOutlined />, label: '党费账户审核' },
        { key: 'dues/reconciliation', icon: <ReconciliationOutlined />, label: '党费对账' },
      ]
    : [
        { key: 'orgs', icon: <ApartmentOutlined />, label: '组织与党员' },
        { key: 'branch', icon: <FlagOutlined />, label: '网上支部' },
        {
          key: 'meetings-menu',
          icon: <TeamOutlined />,
          label: '组织生活',
          children: [
            { key: 'meetings', label: '会议列表' },
            ...(isParentAdmin ? [{ key: 'meetings/reviews', label: '审核' }] : []),
            { key: 'meetings/supervision', label: '督办' },
            ...(canAudit ? [{ key: 'meetings/types', label: '类型设置' }] : []),
          ],
        },
        {
          key: 'dues-menu',
          icon: <AccountBookOutlined />,
          label: '党费管理',
          children: [
            { key: 'dues/standards', label: '党费标准' },
            { key: 'dues/bills', label: '交纳情况' },
            { key: 'dues/payments', label: '交纳记录' },
            { key: 'dues/summary', label: '统计' },
            { key: 'dues/accounts', label: '党费账户' },
            { key: 'dues/transfers', label: '党费上划' },
            ...(canAudit
              ? [
                  { key: 'dues/reconciliation', label: '对账' },
                  { key: 'dues/settings', label: '设置' },
                ]
              : []),
          ],
        },
        {
          key: 'points-menu',
          icon: <TrophyOutlined />,
          label: '积分管理',
          children: [
            { key: 'points/rules', label: '积分规则' },
            { key: 'points/declarations', label: '积分申报' },
            { key: 'points/rankings', label: '积分排名' },
          ],
        },
        ...(canAudit
          ? [
              {
                key: 'mall-menu',
                icon: <ShopOutlined />,
                label: '积分商城',
                children: [
                  { key: 'mall/categories', label: '商品分类' },
                  { key: 'mall/goods', label: '商品管理' },
                  { key: 'mall/orders', label: '兑换订单' },
                ],
              },
            ]
          : []),
        {
          key: 'aid-menu',
          icon: <HeartOutlined />,
          label: '党员e家',
          children: [
            { key: 'aid/review', label: '互助审核' },
            { key: 'aid/blacklist', label: '黑名单' },
          ],
        },
        { key: 'locked', icon: <LockOutlined />, label: '已锁定账号' },
        ...(canAudit ? [{ key: 'audit', icon: <AuditOutlined />, label: '审计日志' }] : []),
        ...(smsOutbox ? [{ key: 'sms', icon: <MessageOutlined />, label: '短信发件箱' }] : []),
      ];
  // A page the signed-in admin has no menu item for (an old link, a hand-typed hash) falls back to the first page.
  const allowed = (p: PageKey) =>
    platformOnly
      ? PLATFORM_PAGES.includes(p)
      : !PLATFORM_ONLY_PAGES.includes(p) && (p !== 'sms' || smsOutbox) && (!TENANT_ADMIN_PAGES.includes(p) || canAudit);
  const current: PageKey = allowed(page) ? page : platformOnly ? 'codes' : 'orgs';

  if (!route.meetingId) rememberList(current);
  if (current === 'meetings' && route.meetingId && route.screen) return <CheckinScreenPage meetingId={route.meetingId} />;

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
        <Layout.Sider width={platformOnly ? 168 : 148} theme="light">
          <Menu mode="inline" selectedKeys={[route.meetingId ? listBefore() : current]} defaultOpenKeys={['meetings-menu', 'dues-menu', 'points-menu', 'mall-menu', 'aid-menu']} items={menuItems} onClick={(e) => go(e.key as PageKey)} style={{ height: '100%' }} />
        </Layout.Sider>
        <Layout.Content className="app-content">
          {current === 'orgs' && <OrgMemberPage />}
          {current === 'branch' && <BranchPage me={me} />}
          {current === 'meetings' && (route.meetingId ? <MeetingDetailPage key={route.meetingId} meetingId={route.meetingId} /> : <MeetingsPage me={me} />)}
          {current === 'meetings/reviews' && <MeetingReviewsPage />}
          {current === 'meetings/supervision' && <SupervisionPage />}
          {current === 'meetings/types' && <MeetingTypesPage />}
          {current === 'dues/standards' && <DuesStandardsPage />}
          {current === 'dues/bills' && <DuesBillsPage canGenerate={canAudit} />}
          {current === 'dues/payments' && <DuesPaymentsPage />}
          {current === 'dues/summary' && <DuesSummaryPage />}
          {current === 'dues/accounts' && <DuesAccountsPage />}
          {current === 'dues/transfers' && <DuesTransfersPage />}
          {current === 'dues/reconciliation' && <DuesReconciliationPage />}
          {current === 'dues/settings' && <DuesSettingsPage />}
          {current === 'dues/review' && <DuesAccountReviewPage />}
          {current === 'points/rules' && <PointsRulesPage canEdit={canAudit} />}
          {current === 'points/rankings' && <PointsRankingPage canEdit={canAudit} />}
          {current === 'points/declarations' && <PointsDeclarationsPage canOverturn={canAudit} />}
          {current === 'mall/categories' && <MallCategoriesPage />}
          {current === 'mall/goods' && <MallGoodsPage />}
          {current === 'mall/orders' && <MallOrdersPage />}
          {current === 'aid/review' && <AidReviewPage me={me} />}
          {current === 'aid/blacklist' && <AidBlacklistPage />}
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
