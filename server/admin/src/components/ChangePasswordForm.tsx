import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import type { ChangePasswordRequest, TokenPair } from '@dangjian/shared';
import { isPasswordAcceptable, PASSWORD_POLICY_MESSAGE } from '@dangjian/shared';
import { api, errorMessage } from '../api';
import { PasswordRules } from './PasswordRules';

interface Props {
  onChanged: (tokens: TokenPair) => void;
  submitText?: string;
}

/** Old password + new password twice; the new TokenPair replaces the session (others are revoked). */
export function ChangePasswordForm({ onChanged, submitText = '修改密码' }: Props) {
  const [form] = Form.useForm<ChangePasswordRequest>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: ChangePasswordRequest) => {
    setSubmitting(true);
    setError(null);
    try {
      onChanged(await api.auth.changePassword(values));
    } catch (e) {
      setError(errorMessage(e));
      setSubmitting(false);
    }
  };

  return (
    <Form<ChangePasswordRequest> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form.Item name="oldPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码（或管理员提供的临时密码）' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        rules={[
          { required: true, message: '请输入新密码' },
          { validator: (_, v: string | undefined) => (!v || isPasswordAcceptable(v) ? Promise.resolve() : Promise.reject(new Error(PASSWORD_POLICY_MESSAGE))) },
        ]}
        style={{ marginBottom: 8 }}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <PasswordRules password={newPassword} />
      <Form.Item
        name="newPasswordConfirm"
        label="确认新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, v: string | undefined) =>
              !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={submitting}>
        {submitText}
      </Button>
    </Form>
  );
}
