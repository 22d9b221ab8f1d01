import { App, Typography } from 'antd';
import type { MemberView } from '@dangjian/shared';
import { api, errorMessage } from '../api';
import { showOneTimePassword } from './oneTimePassword';

interface Options {
  /** The row changed (account state): reload the table. */
  onReload: () => void;
  /** A member left the roster: reload the table and the tree's counts. */
  onMembersChanged: () => void;
}

/** The 更多 menu of a roster row: reveal the ID number (audited), reset, unlock, delete. */
export function useMemberActions({ onReload, onMembersChanged }: Options) {
  const { message, modal } = App.useApp();

  const run = async (fn: () => Promise<unknown>, ok: string, after: () => void) => {
    try {
      await fn();
      message.success(ok);
      after();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const reveal = (m: MemberView) =>
    modal.confirm({
      title: `查看 ${m.name} 的完整身份证号？`,
      content: '身份证号属于个人敏感信息，本次查看将记录到审计日志（查看人、时间、IP）。',
      okText: '查看',
      onOk: async () => {
        try {
          const { idNumber } = await api.members.revealId(m.id);
          modal.info({
            title: `${m.name} 的身份证号`,
            content: (
              <Typography.Paragraph copyable code style={{ fontSize: 18, marginTop: 8 }} data-testid="revealed-id">
                {idNumber}
              </Typography.Paragraph>
            ),
            okText: '关闭',
          });
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  const resetPassword = (m: MemberView) =>
    modal.confirm({
      title: `重置 ${m.name} 的登录密码？`,
      content: '将生成一个一次性临时密码，原密码立即失效，对方下次登录时必须修改密码。',
      okText: '重置密码',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          const { oneTimePassword } = await api.members.resetPassword(m.id);
          showOneTimePassword(modal, m.name, oneTimePassword);
          onReload();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  const unlock = (m: MemberView) => void run(() => api.members.unlock(m.id), `已解锁 ${m.name} 的账号`, onReload);

  const remove = (m: MemberView) =>
    modal.confirm({
      title: `删除党员 ${m.name}？`,
      content: '删除后移入党员历史库，可在历史库中恢复或彻底删除。',
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: () => run(() => api.members.remove(m.id), `已将 ${m.name} 移入历史库`, onMembersChanged),
    });

  return { reveal, resetPassword, unlock, remove };
}
