import { useState } from 'react';
import { App, Button, Empty, Input, Popconfirm, Space, Table, Tag } from 'antd';
import type { MemberView } from '@dangjian/shared';
import { GENDER_LABELS, MEMBER_TYPE_LABELS } from '@dangjian/shared';
import { api, errorMessage } from '../api';
import { useRemote } from '../useRemote';
import { LoadError } from './LoadError';

/** 党员历史库 (MEM-2): deleted members, restorable or purged for good. */
export function MemberHistory({ onMembersChanged }: { onMembersChanged: () => void }) {
  const { message } = App.useApp();
  const [keyword, setKeyword] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, loading, error, reload: load } = useRemote(
    () => api.members.history({ page, pageSize, keyword: keyword || undefined }),
    [page, pageSize, keyword],
  );

  const act = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      message.success(ok);
      void load();
      onMembersChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="姓名或手机号"
          enterButton="搜索"
          style={{ width: 260 }}
          onSearch={(v) => {
            setKeyword(v.trim());
            setPage(1);
          }}
        />
      </Space>
      <LoadError error={error} onRetry={load} />
      <Table<MemberView>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={keyword ? '没有符合条件的记录' : '历史库为空'} /> }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 条`,
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90, ellipsis: { showTitle: true } },
          { title: '原所在组织', dataIndex: 'orgName', ellipsis: { showTitle: true } },
          { title: '性别', dataIndex: 'gender', width: 52, render: (g: MemberView['gender']) => GENDER_LABELS[g] ?? '—' },
          { title: '党员类型', dataIndex: 'memberType', width: 90, render: (t: MemberView['memberType']) => <Tag>{MEMBER_TYPE_LABELS[t]}</Tag> },
          { title: '身份证号', dataIndex: 'idNumberMasked', width: 150, render: (v: string) => <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{v}</span> },
          { title: '删除时间', dataIndex: 'deletedAt', width: 156, render: (v: string | null) => (v ? new Date(v).toLocaleString('zh-CN', { hour12: false }) : '—') },
          {
            title: '操作',
            key: 'op',
            width: 150,
            render: (_, m) => (
              <Space size={0}>
                <Popconfirm title={`恢复 ${m.name} 到原组织？`} okText="恢复" onConfirm={() => act(() => api.members.restore(m.id), `已恢复 ${m.name}`)}>
                  <Button type="link" size="small">
                    恢复
                  </Button>
                </Popconfirm>
                <Popconfirm
                  title={`彻底删除 ${m.name}？`}
                  description="彻底删除后无法恢复。"
                  okText="彻底删除"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => act(() => api.members.purge(m.id), `已彻底删除 ${m.name}`)}
                >
                  <Button type="link" size="small" danger>
                    彻底删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
