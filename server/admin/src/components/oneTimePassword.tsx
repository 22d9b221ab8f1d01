import { App, Typography } from 'antd';

type ModalApi = ReturnType<typeof App.useApp>['modal'];

/**
 * Shows a one-time password once (ID-9): it is not stored anywhere the admin could look it up
 * again, so the dialog says so and offers a copy button.
 */
export function showOneTimePassword(modal: ModalApi, who: string, password: string): void {
  modal.success({
    title: `已重置「${who}」的密码`,
    width: 480,
    okText: '我已记下',
    content: (
      <div data-testid="one-time-password">
        <Typography.Paragraph>临时密码（仅显示这一次）：</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: password, tooltips: ['复制', '已复制'] }} code style={{ fontSize: 20 }}>
          {password}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          请将临时密码告知本人。对方用临时密码登录后必须立即设置新密码；关闭此窗口后将无法再次查看。
        </Typography.Paragraph>
      </div>
    ),
  });
}
