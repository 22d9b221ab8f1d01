import { Button, Descriptions, Divider, Drawer, Image, Popconfirm, Space, Spin, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { BranchHome, BranchPostDetail } from '@dangjian/shared';
import { BRANCH_SPACES } from '@dangjian/shared';
import { api } from '../../api';
import { useRemote } from '../../useRemote';
import { LoadError } from '../LoadError';
import { formatTime, PostStateTag } from './postState';
import { BranchComments } from './BranchComments';
import { LetterReply } from './LetterReply';

interface Props {
  postId: number;
  /** Changes after an edit elsewhere: the post is read again. */
  version: number;
  home: BranchHome;
  onClose: () => void;
  onEdit: (post: BranchPostDetail) => void;
  onDelete: (postId: number) => void;
  /** Comments or the reply changed what the list shows. */
  onChanged: () => void;
}

/** One post in full: its facts, content and images (with preview), the letter's reply, the comments. */
export function BranchPostDrawer({ postId, version, home, onClose, onEdit, onDelete, onChanged }: Props) {
  const { data: post, error, reload } = useRemote(() => api.branch.post(postId), [postId, version]);
  const rule = post ? BRANCH_SPACES[post.kind] : null;

  return (
    <Drawer
      open
      size={680}
      title={post ? (post.title ?? `${rule?.label}详情`) : '详情'}
      onClose={onClose}
      extra={
        post && (
          <Space>
            {post.canEdit && (
              <Button icon={<EditOutlined />} onClick={() => onEdit(post)}>
                编辑
              </Button>
            )}
            {post.canDelete && (
              <Popconfirm title="删除这条内容？" okText="删除" okButtonProps={{ danger: true }} onConfirm={() => onDelete(post.id)}>
                <Button danger icon={<DeleteOutlined />}>
                  删除
                </Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      <LoadError error={error} onRetry={reload} />
      {!post || !rule ? (
        !error && (
          <div style={{ textAlign: 'center', padding: 48 }}>
            <Spin />
          </div>
        )
      ) : (
        <div data-testid="branch-post-detail">
          <Descriptions size="small" column={2} items={facts(post)} style={{ marginBottom: 16 }} />
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15, lineHeight: 1.8 }}>{post.content}</Typography.Paragraph>
          {post.images.length > 0 && (
            <Image.PreviewGroup>
              <Space wrap size={8}>
                {post.images.map((img) => (
                  <Image key={img.key} src={img.url} width={112} height={112} style={{ objectFit: 'cover', borderRadius: 4 }} alt="" />
                ))}
              </Space>
            </Image.PreviewGroup>
          )}
          {rule.reply && (
            <>
              <Divider titlePlacement="start">书记回复</Divider>
              <LetterReply
                post={post}
                canReply={home.isAdmin}
                onReplied={() => {
                  void reload();
                  onChanged();
                }}
              />
            </>
          )}
          {rule.comments && (
            <>
              <Divider titlePlacement="start">{post.kind === 'topic' ? `党员意见（${post.commentCount}）` : `评论（${post.commentCount}）`}</Divider>
              <BranchComments
                postId={post.id}
                noun={post.kind === 'topic' ? '意见' : '评论'}
                onChanged={() => {
                  void reload();
                  onChanged();
                }}
              />
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}

/** What the space records about a post, beside its content. */
function facts(p: BranchPostDetail): DescriptionsProps['items'] {
  const rule = BRANCH_SPACES[p.kind];
  const items: DescriptionsProps['items'] = [
    { key: 'author', label: '发布人', children: p.authorName },
    { key: 'created', label: '发布时间', children: formatTime(p.createdAt) },
  ];
  if (p.editedAt) items.push({ key: 'edited', label: '修改时间', children: formatTime(p.editedAt) });
  if (rule.heldAt) items.push({ key: 'held', label: '召开时间', children: formatTime(p.heldAt) });
  if (rule.period) {
    items.push(
      { key: 'period', label: '公示期', children: `${formatTime(p.startsAt)} 至 ${formatTime(p.endsAt)}`, span: 2 },
      { key: 'scope', label: '公示范围', children: p.scopeOrgName ?? '—' },
    );
  }
  if (rule.closesAt) items.push({ key: 'closes', label: '截止时间', children: p.closesAt ? formatTime(p.closesAt) : '不限' });
  if (rule.period || rule.closesAt || rule.reply) items.push({ key: 'state', label: '状态', children: <PostStateTag post={p} /> });
  if (rule.readStats && p.readCount !== null) items.push({ key: 'reads', label: '已读', children: `${p.readCount}/${p.audienceCount ?? '—'}` });
  if (rule.likes) items.push({ key: 'likes', label: '点赞', children: p.likeCount });
  return items;
}
