import { useState } from 'react';
import { App, Button, Empty, Popconfirm, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { LikeOutlined, MessageOutlined, PictureOutlined, PlusOutlined } from '@ant-design/icons';
import type { BranchHome, BranchKind, BranchPostDetail, BranchPostSummary, BranchSpaceRule, OrgNode } from '@dangjian/shared';
import { BRANCH_SPACES } from '@dangjian/shared';
import { api, errorMessage } from '../../api';
import { useRemote } from '../../useRemote';
import { LoadError } from '../LoadError';
import { formatTime, PostStateTag } from './postState';
import { BranchPostDrawer } from './BranchPostDrawer';
import { BranchPostForm } from './BranchPostForm';
import { usePaging } from '../../usePaging';
import { ReadStatsModal } from './ReadStatsModal';

interface Props {
  home: BranchHome;
  kind: BranchKind;
  tree: OrgNode[];
  /** Posts were added or removed: the space counts are stale. */
  onChanged: () => void;
}

type Editing = { mode: 'create' } | { mode: 'edit'; post: BranchPostDetail } | null;

/** Who sees a space's posts (BRANCH_SPACES audience), said above its table. */
const AUDIENCE_NOTES: Record<BranchSpaceRule['audience'], string> = {
  branch: '全支部党员可见',
  scope: '公示期内公示范围的党员可见',
  admins: '仅支部管理员可见',
  secretary: '仅书记本人可见',
};

/** One space of the online branch: its posts newest first, publishing, the detail and read statistics. */
export function BranchPostTable({ home, kind, tree, onChanged }: Props) {
  const { message } = App.useApp();
  const rule = BRANCH_SPACES[kind];
  const { page, pageSize, setPage, pagination } = usePaging(10, [10, 20, 50]);
  const [viewing, setViewing] = useState<number | null>(null);
  // Bumped after an edit or a reply, so the open drawer re-reads the post.
  const [detailVersion, setDetailVersion] = useState(0);
  const [editing, setEditing] = useState<Editing>(null);
  const [stats, setStats] = useState<BranchPostSummary | null>(null);
  const { data, loading, error, reload } = useRemote(() => api.branch.posts({ kind, orgId: home.orgId, page, pageSize }), [kind, home.orgId, page, pageSize]);
  const canPublish = rule.publisher === 'admin' && home.isAdmin;

  const changed = () => {
    void reload();
    onChanged();
  };

  const remove = async (postId: number) => {
    try {
      await api.branch.remove(postId);
      message.success('已删除');
      if (viewing === postId) setViewing(null);
      changed();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: TableColumnsType<BranchPostSummary> = [
    {
      title: rule.title === 'required' ? '标题' : '内容',
      key: 'title',
      ellipsis: true,
      render: (_, p) => (
        <a onClick={() => setViewing(p.id)} title={p.title ?? p.excerpt}>
          {p.title ?? p.excerpt}
          {p.title && <Typography.Text type="secondary"> · {p.excerpt}</Typography.Text>}
        </a>
      ),
    },
    { title: '发布人', dataIndex: 'authorName', width: 88, ellipsis: true },
    ...(rule.heldAt ? [{ title: '召开时间', key: 'heldAt', width: 136, render: (_: unknown, p: BranchPostSummary) => formatTime(p.heldAt) }] : []),
    ...(rule.period
      ? [
          {
            title: '公示期 / 范围',
            key: 'period',
            width: 160,
            render: (_: unknown, p: BranchPostSummary) => (
              <div style={{ fontSize: 12, lineHeight: '18px' }}>
                <div>{formatTime(p.startsAt)} 起</div>
                <div>{formatTime(p.endsAt)} 止</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis title={p.scopeOrgName ?? undefined}>
                  {p.scopeOrgName ?? '—'}
                </Typography.Text>
              </div>
            ),
          },
        ]
      : []),
    ...(rule.closesAt ? [{ title: '截止时间', key: 'closesAt', width: 136, render: (_: unknown, p: BranchPostSummary) => (p.closesAt ? formatTime(p.closesAt) : '不限') }] : []),
    { title: '发布时间', dataIndex: 'createdAt', width: 136, render: (v: string) => formatTime(v) },
    {
      title: rule.likes || rule.comments ? '互动' : '图片',
      key: 'counts',
      width: rule.likes || rule.comments ? 130 : 56,
      render: (_, p) => (
        <Space size={10} style={{ color: 'rgba(0,0,0,0.55)', whiteSpace: 'nowrap' }}>
          <span title="图片">
            <PictureOutlined /> {p.images.length}
          </span>
          {rule.likes && (
            <span title="点赞">
              <LikeOutlined /> {p.likeCount}
            </span>
          )}
          {rule.comments && (
            <span title={kind === 'topic' ? '意见' : '评论'}>
              <MessageOutlined /> {p.commentCount}
            </span>
          )}
        </Space>
      ),
    },
    ...(rule.period || rule.closesAt || rule.reply
      ? [{ title: '状态', key: 'state', width: 76, render: (_: unknown, p: BranchPostSummary) => <PostStateTag post={p} /> }]
      : []),
    {
      title: '操作',
      key: 'op',
      width: rule.readStats && home.isAdmin ? 168 : 100,
      render: (_, p) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setViewing(p.id)}>
            查看
          </Button>
          {rule.readStats && home.isAdmin && (
            <Button type="link" size="small" onClick={() => setStats(p)}>
              阅读统计
            </Button>
          )}
          {home.isAdmin && (
            <Popconfirm title="删除这条内容？" description="删除后成员将无法再看到。" okText="删除" okButtonProps={{ danger: true }} onConfirm={() => remove(p.id)}>
              <Button type="link" size="small" danger>
                删除
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">
          {rule.publisher === 'admin' ? '支部管理员发布' : '党员在小程序中发布'}，{AUDIENCE_NOTES[rule.audience]}
        </Typography.Text>
        {canPublish && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
            发布{rule.label}
          </Button>
        )}
      </Space>
      <LoadError error={error} onRetry={reload} />
      <Table<BranchPostSummary>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        data-testid="branch-posts"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${rule.label}暂无内容`} /> }}
        pagination={pagination(data?.total ?? 0)}
      />
      {viewing !== null && (
        <BranchPostDrawer
          postId={viewing}
          version={detailVersion}
          home={home}
          onClose={() => setViewing(null)}
          onEdit={(post) => setEditing({ mode: 'edit', post })}
          onDelete={remove}
          onChanged={() => void reload()}
        />
      )}
      {editing && (
        <BranchPostForm
          home={home}
          kind={kind}
          tree={tree}
          post={editing.mode === 'edit' ? editing.post : undefined}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            message.success(editing.mode === 'create' ? `已发布${rule.label}` : '已保存');
            setDetailVersion((v) => v + 1);
            if (editing.mode === 'create') setPage(1);
            changed();
          }}
        />
      )}
      {stats && <ReadStatsModal post={stats} onClose={() => setStats(null)} />}
    </>
  );
}
