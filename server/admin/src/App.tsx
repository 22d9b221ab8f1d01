import { useCallback, useEffect, useState } from 'react';
import { Button, Result, Spin } from 'antd';
import type { Me, TokenPair } from '@dangjian/shared';
import { ADMIN_ROLES } from '@dangjian/shared';
import { api, errorMessage, hasSession, setAuthLostHandler, setTokens } from './api';
import { LoginPage } from './pages/LoginPage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { MainLayout } from './MainLayout';

type Phase =
  | { kind: 'loading' }
  | { kind: 'login'; notice?: string }
  | { kind: 'change-password' }
  | { kind: 'ready'; me: Me }
  | { kind: 'error'; message: string };

/** Who is signed in decides the screen: login, the forced password change, or the admin page. */
export function App() {
  const [phase, setPhase] = useState<Phase>(() => (hasSession() ? { kind: 'loading' } : { kind: 'login' }));

  const loadMe = useCallback(async () => {
    setPhase({ kind: 'loading' });
    try {
      const me = await api.auth.me();
      setPhase(me.mustChangePassword ? { kind: 'change-password' } : { kind: 'ready', me });
    } catch (e) {
      if (hasSession()) setPhase({ kind: 'error', message: errorMessage(e) });
      // else the auth-lost handler has already switched to the login screen
    }
  }, []);

  useEffect(() => {
    setAuthLostHandler(() => setPhase({ kind: 'login', notice: '登录已过期，请重新登录' }));
    if (hasSession()) void loadMe();
    return () => setAuthLostHandler(null);
  }, [loadMe]);

  const onTokens = useCallback(
    (t: TokenPair) => {
      setTokens(t);
      if (t.mustChangePassword) setPhase({ kind: 'change-password' });
      else void loadMe();
    },
    [loadMe],
  );

  const logout = useCallback(async () => {
    await api.auth.logout();
    setPhase({ kind: 'login' });
  }, []);

  switch (phase.kind) {
    case 'loading':
      return (
        <div style={{ height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <Spin size="large" description="加载中…" />
        </div>
      );
    case 'login':
      return <LoginPage notice={phase.notice} onLoggedIn={onTokens} />;
    case 'change-password':
      return <ChangePasswordPage onChanged={onTokens} onLogout={logout} />;
    case 'error':
      return (
        <Result
          status="error"
          title="无法加载账号信息"
          subTitle={phase.message}
          extra={[
            <Button key="retry" type="primary" onClick={() => void loadMe()}>
              重试
            </Button>,
            <Button key="logout" onClick={() => void logout()}>
              退出登录
            </Button>,
          ]}
        />
      );
    case 'ready':
      if (!phase.me.roles.some((r) => ADMIN_ROLES.includes(r.role))) {
        return (
          <Result
            status="403"
            title="没有管理权限"
            subTitle={`${phase.me.displayName}，您的账号不是管理员，请使用小程序。`}
            extra={
              <Button type="primary" onClick={() => void logout()}>
                退出登录
              </Button>
            }
          />
        );
      }
      return <MainLayout me={phase.me} onLogout={logout} onPasswordChanged={onTokens} />;
  }
}
