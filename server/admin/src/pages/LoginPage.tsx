import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { PasswordLoginRequest, TokenPair } from '@dangjian/shared';
import { api, errorMessage } from '../api';

interface Props {
  /** Why the user is here again (an expired session), shown above the form. */
  notice?: string;
  onLoggedIn: (tokens: TokenPair) => void;
}

/** Password login (ID-7). Wrong password (401) and locked account (423) messages come from the API. */
export function LoginPage({ notice, onLoggedIn }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: PasswordLoginRequest) => {
    setSubmitting(true);
    setError(null);
    try {
      onLoggedIn(await api.auth.login({ account: values.account.trim(), password: values.password }));
    } catch (e) {
      setError(errorMessage(e));
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <Card style={{ width: 400, boxShadow: '0 8px 24px rgba(0,0,0,0.15)' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 8 }}>
          党建云 · 管理后台
        </Typography.Title>
        {notice && !error && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
        {error && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />
        )}
        <Form<PasswordLoginRequest> layout="vertical" size="large" onFinish={submit} requiredMark={false}>
          <Form.Item name="account" label="账号" rules={[{ required: true, whitespace: true, message: '请输入用户名或手机号' }]}>
            <Input prefix={<UserOutlined />} placeholder="用户名或手机号" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          多次输错密码账号将被锁定，请联系上级管理员解锁。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
