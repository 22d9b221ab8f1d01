import { useState } from 'react';
import { Alert, App, Button, Input, Typography } from 'antd';
import type { BranchPostDetail } from '@dangjian/shared';
import { BRANCH_CONTENT_MAX } from '@dangjian/shared';
import { api } from '../../api';
import { useAction } from '../../useAction';
import { formatTime } from './postState';

/**
 * 书记信箱 (BR-10): the secretary's reply to a letter, or the form to write it. Only the secretary
 * may reply; for anyone else the server says so and the message is shown here.
 */
export function LetterReply({ post, canReply, onReplied }: { post: BranchPostDetail; canReply: boolean; onReplied: () => void }) {
  const { message } = App.useApp();
  const [content, setContent] = useState('');
  const { run: send, busy, error } = useAction(async () => {
    await api.branch.reply(post.id, content.trim());
    message.success('已回复');
    setContent('');
    onReplied();
  });

  if (post.reply !== null) {
    return (
      <div data-testid="letter-reply">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 12, borderRadius: 6 }}>{post.reply}</Typography.Paragraph>
        <Typography.Text type="secondary">
          {post.replierName ?? '书记'} 回复于 {formatTime(post.repliedAt)}
        </Typography.Text>
      </div>
    );
  }
  if (!canReply) return <Typography.Text type="secondary">书记尚未回复</Typography.Text>;
  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Input.TextArea
        rows={4}
        maxLength={BRANCH_CONTENT_MAX}
        showCount
        placeholder="写给来信党员的回复"
        value={content}
        onChange={(e) => setContent(e.target.value)}
      />
      <Button type="primary" style={{ marginTop: 12 }} loading={busy} disabled={!content.trim()} onClick={() => void send()}>
        回复
      </Button>
    </>
  );
}
