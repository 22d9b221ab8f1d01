import { useState } from 'react';
import { App, Button, Dropdown, Empty, Input, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, DownloadOutlined, EyeOutlined, KeyOutlined, PlusOutlined, UnlockOutlined, UploadOutlined } from '@ant-design/icons';
import type { MemberType, MemberView, OrgNode } from '@dangjian/shared';
import { GENDER_LABELS, MEMBER_TYPE_LABELS, MEMBER_TYPES } from '@dangjian/shared';
import { api, errorMessage } from '../api';
import { useRemote } from '../useRemote';
import { MemberFormModal } from './MemberFormModal';
import { ImportModal } from './ImportModal';
import { MEMBER_IMPORT } from './importKinds';
import { useMemberActions } from './useMemberActions';
import { usePaging } from '../usePaging';
import { LoadError } from './LoadError';

interface Props {
  org: OrgNode;
  tree: OrgNode[];
  /** Members were added or removed: the tree's counts are stale. */
  onMembersChanged: () => void;
}

interface Filters {
  keyword: string;
  memberType?: MemberType;
  activated?: boolean;
}

type Editing = { mode: 'create' } | { mode: 'edit'; member: MemberView } | null;

/** 党员名册 of the selected org's subtree (MEM-1): filters, server-side paging, the row actions. */
export function MemberRoster({ org, tree, onMembersChanged }: Props) {
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({ keyword: '' });
  const [keywordInput, setKeywordInput] = useState('');
  const { page, pageSize, setPage, pagination } = usePaging();
  const [editing, setEditing] = useState<Editing>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  // A different org starts from the first page (adjusted during render, so only one request goes out).
  const [pageOrg, setPageOrg] = useState(org.id);
  if (pageOrg !== org.id) {
    setPageOrg(org.id);
    setPage(1);
  }

  const { data, loading, error, reload: load } = useRemote(
    () =>
      api.members.list({
        orgId: org.id,
        keyword: filters.keyword || undefined,
        memberType: filters.memberType,
        activated: filters.activated,
        page,
        pageSize,
      }),
    [org.id, filters, page, pageSize],
  );

  const setFilter = (f: Partial<Filters>) => {
    setFilters((prev) => ({ ...prev, ...f }));
    setPage(1);
  };

  const changed = () => {
    void load();
    onMembersChanged();
  };

  const actions = useMemberActions({ onReload: () => void load(), onMembersChanged: changed });

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await api.members.exportXlsx({ orgId: org.id, keyword: filters.keyword || undefined, memberType: filters.memberType, activated: filters.activated });
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<MemberView> = [
    { title: '姓名', dataIndex: 'name', width: 72, fixed: 'left', ellipsis: { showTitle: true } },
    { title: '所在组织', dataIndex: 'orgName', ellipsis: { showTitle: true }, width: 96 },
    { title: '性别', dataIndex: 'gender', width: 48, render: (g: MemberView['gender']) => GENDER_LABELS[g] ?? '—' },
    {
      title: '党员类型',
      dataIndex: 'memberType',
      width: 80,
      render: (t: MemberType) => <Tag color={t === 'full' ? 'red' : 'orange'}>{MEMBER_TYPE_LABELS[t]}</Tag>,
    },
    { title: '手机号', dataIndex: 'phone', width: 104, render: (p: string | null) => p || '—' },
    {
      title: '身份证号',
      dataIndex: 'idNumberMasked',
      width: 150,
      // Masked as the API gives it; the full number only through 更多 › 查看身份证号 (audited).
      render: (v: string) => <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{v}</span>,
    },
    { title: '入党日期', dataIndex: 'joinDate', width: 96 },
    {
      title: '激活状态',
      key: 'activated',
      width: 76,
      render: (_, m) => (
        m.activated ? <Tag color="green">已激活</Tag> : <Tag>未激活</Tag>
      ),
    },
    {
      title: '操作',
      key: 'op',
      width: 92,
      fixed: 'right',
      render: (_, m) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', member: m })}>
            编辑
          </Button>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'reveal', icon: <EyeOutlined />, label: '查看身份证号', onClick: () => actions.reveal(m) },
                { key: 'reset', icon: <KeyOutlined />, label: m.activated ? '重置密码' : '重置密码（未激活）', disabled: !m.activated, onClick: () => actions.resetPassword(m) },
                {
                  key: 'unlock',
                  icon: <UnlockOutlined />,
                  label: '解锁账号',
                  disabled: !m.activated,
                  onClick: () => actions.unlock(m),
                },
                { type: 'divider' },
                { key: 'delete', icon: <DeleteOutlined />, label: '删除', danger: true, onClick: () => actions.remove(m) },
              ],
            }}
          >
            <Button type="link" size="small">
              更多
            </Button>
          </Dropdown>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder="姓名或手机号"
            value={keywordInput}
            onChange={(e) => {
              setKeywordInput(e.target.value);
              if (e.target.value === '') setFilter({ keyword: '' });
            }}
            onSearch={(v) => setFilter({ keyword: v.trim() })}
            style={{ width: 220 }}
            enterButton="搜索"
            data-testid="member-search"
          />
          <Select<MemberType>
            allowClear
            placeholder="党员类型"
            style={{ width: 120 }}
            value={filters.memberType}
            onChange={(v) => setFilter({ memberType: v })}
            options={MEMBER_TYPES.map((t) => ({ value: t, label: MEMBER_TYPE_LABELS[t] }))}
          />
          <Select<string>
            allowClear
            placeholder="激活状态"
            style={{ width: 110 }}
            value={filters.activated === undefined ? undefined : String(filters.activated)}
            onChange={(v) => setFilter({ activated: v === undefined ? undefined : v === 'true' })}
            options={[
              { value: 'true', label: '已激活' },
              { value: 'false', label: '未激活' },
            ]}
          />
        </Space>
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
            新增党员
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            导入
          </Button>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportXlsx}>
            导出
          </Button>
        </Space>
      </Space>
      <LoadError error={error} onRetry={load} />
      <Table<MemberView>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 808 }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={filters.keyword || filters.memberType || filters.activated !== undefined ? '没有符合条件的党员' : '该组织下暂无党员'}
            />
          ),
        }}
        pagination={pagination(data?.total ?? 0, '名党员')}
        data-testid="member-table"
      />
      {editing && (
        <MemberFormModal
          {...(editing.mode === 'create'
            ? { mode: 'create' as const, orgId: org.type === 'branch' || org.type === 'group' ? org.id : undefined }
            : { mode: 'edit' as const, member: editing.member })}
          tree={tree}
          onClose={() => setEditing(null)}
          onSaved={(m) => {
            setEditing(null);
            message.success(editing.mode === 'create' ? `已新增党员 ${m.name}` : `已保存 ${m.name} 的信息`);
            changed();
          }}
        />
      )}
      {importing && (
        <ImportModal
          kind={MEMBER_IMPORT}
          onClose={() => setImporting(false)}
          onImported={(n) => {
            message.success(`已导入 ${n} 名党员`);
            changed();
          }}
        />
      )}
    </>
  );
}
