import { Alert, Button, Card, Typography } from 'antd';
import type { TokenPair } from '@dangjian/shared';
import { ChangePasswordForm } from '../components/ChangePasswordForm';

interface Props {
  onChanged: (tokens: TokenPair) => void;
  onLogout: () => void;
}

/** Forced change after a reset or on first login (ID-9): nothing else is reachable until it is done. */
export function ChangePasswordPage({ onChanged, onLogout }: Props) {
  return (
    <div className="login-page">
      <Card style={{ width: 440, boxShadow: '0 8px 24px rgba(0,0,0,0.15)' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 8 }}>
          请修改密码
        </Typography.Title>
        <Alert
          type="warning"
          showIcon
          title="为了账号安全，首次登录或密码被重置后必须设置新密码。"
          style={{ marginBottom: 16 }}
        />
        <ChangePasswordForm onChanged={onChanged} submitText="修改密码并进入" />
        <Button type="link" block onClick={onLogout} style={{ marginTop: 8 }}>
          退出登录
        </Button>
      </Card>
    </div>
  );
}
