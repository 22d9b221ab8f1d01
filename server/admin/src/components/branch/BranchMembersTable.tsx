import { Empty, Space, Table, Tag } from 'antd';
import type { BranchMember, CommitteePost, MemberType } from '@dangjian/shared';
import { COMMITTEE_POST_LABELS, GENDER_LABELS, MEMBER_TYPE_LABELS } from '@dangjian/shared';
import { api } from '../../api';
import { useRemote } from '../../useRemote';
import { usePaging } from '../../usePaging';
import { LoadError } from '../LoadError';

/** 支部成员 (BR-8): the branch's members, their group and posts; phones only of activated members. */
export function BranchMembersTable({ orgId }: { orgId: number }) {
  const { page, pageSize, pagination } = usePaging();
  const { data, loading, error, reload } = useRemote(() => api.branch.members({ orgId, page, pageSize }), [orgId, page, pageSize]);

  return (
    <>
      <LoadError error={error} onRetry={reload} />
      <Table<BranchMember>
        rowKey="memberId"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="branch-members"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该支部暂无党员" /> }}
        pagination={pagination(data?.total ?? 0, '名党员')}
        columns={[
          {
            title: '姓名',
            key: 'name',
            width: 140,
            render: (_, m) => (
              <Space size={4}>
                {m.name}
                {m.isBranchAdmin && <Tag color="red">管理员</Tag>}
              </Space>
            ),
          },
          { title: '性别', dataIndex: 'gender', width: 56, render: (g: BranchMember['gender']) => GENDER_LABELS[g] ?? '—' },
          {
            title: '党员类型',
            dataIndex: 'memberType',
            width: 88,
            render: (t: MemberType) => <Tag color={t === 'full' ? 'red' : 'orange'}>{MEMBER_TYPE_LABELS[t]}</Tag>,
          },
          { title: '党小组', dataIndex: 'groupName', ellipsis: true, render: (g: string | null) => g ?? '—' },
          {
            title: '职务',
            dataIndex: 'posts',
            render: (posts: CommitteePost[]) =>
              posts.length ? (
                <Space size={[4, 4]} wrap>
                  {posts.map((p) => (
                    <Tag key={p} color="volcano">
                      {COMMITTEE_POST_LABELS[p]}
                    </Tag>
                  ))}
                </Space>
              ) : (
                '—'
              ),
          },
          { title: '账号', dataIndex: 'activated', width: 80, render: (a: boolean) => (a ? <Tag color="green">已激活</Tag> : <Tag>未激活</Tag>) },
          { title: '手机号', dataIndex: 'phone', width: 120, render: (p: string | null) => p || '—' },
        ]}
      />
    </>
  );
}
