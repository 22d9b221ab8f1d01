import { useState } from 'react';
import { App, Button, Card, Image, Popconfirm, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { PointsDeclarationState, PointsDeclarationView } from '@dangjian/shared';
import { POINTS_CATEGORY_LABELS, POINTS_DECLARATION_STATE_LABELS } from '@dangjian/shared';
import { api, errorMessage } from '../api';
import { useRemote } from '../useRemote';
import { usePaging } from '../usePaging';
import { OrgPageLoadError, OrgTreeSelect } from '../components/OrgTreeSelect';
import { ReasonModal } from '../components/ReasonModal';

type StateFilter = PointsDeclarationState | 'all';
const STATE_COLORS: Record<PointsDeclarationState, string> = { pending: 'gold', approved: 'green', rejected: 'red' };
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '');

/**
 * 积分申报 (PTS-3): members' declarations under the custom declared rules, for the branches in the
 * admin's scope. Pending ones are approved (the rule's points are awarded) or rejected with a
 * reason; a tenant admin may overturn a reviewed one (改判), also with a reason.
 */
export function PointsDeclarationsPage({ canOverturn }: { canOverturn: boolean }) {
  const { message } = App.useApp();
  const tree = useRemote(() => api.orgs.tree(), []);
  const [orgId, setOrgId] = useState<number>();
  const [state, setState] = useState<StateFilter>('pending');
  const { page, pageSize, pagination, filter } = usePaging(20);
  const { data, loading, error, reload } = useRemote(
    () => api.points.declarations({ orgId, state: state === 'all' ? undefined : state, page, pageSize }),
    [orgId, state, page, pageSize],
  );
  const [busy, setBusy] = useState<number | null>(null);
  const [asking, setAsking] = useState<{ d: PointsDeclarationView; kind: 'reject' | 'overturn' } | null>(null);

  const approve = async (d: PointsDeclarationView) => {
    setBusy(d.id);
    try {
      const after = await api.points.reviewDeclaration(d.id, true);
      message.success(after.awarded > 0 ? `已通过，${d.memberName}获得 ${after.awarded} 分` : '已通过（已达该规则的积分上限，本次未加分）');
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumnsType<PointsDeclarationView> = [
    { title: '党员', dataIndex: 'memberName', width: 100 },
    { title: '支部', dataIndex: 'orgName', width: 130, ellipsis: { showTitle: true } },
    {
      title: '申报规则',
      key: 'rule',
      width: 140,
      render: (_, d) => (
        <Space orientation="vertical" size={0}>
          <span>{d.ruleName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {POINTS_CATEGORY_LABELS[d.category]}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '分值',
      key: 'points',
      width: 80,
      align: 'right',
      render: (_, d) =>
        d.state === 'approved' && d.awarded !== d.points ? (
          <Tooltip title={`规则分值 ${d.points} 分，受上限限制实际计 ${d.awarded} 分`}>
            {d.awarded} 分
          </Tooltip>
        ) : (
          `${d.points} 分`
        ),
    },
    {
      title: '申报内容',
      key: 'content',
      render: (_, d) => (
        <>
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: d.content }} style={{ marginBottom: 0 }}>
            {d.content}
          </Typography.Paragraph>
          {d.reason && (
            <Typography.Paragraph type={d.state === 'rejected' ? 'danger' : 'secondary'} ellipsis={{ rows: 2, tooltip: d.reason }} style={{ marginBottom: 0, fontSize: 12 }}>
              {d.overturned ? '改判原因' : '驳回原因'}：{d.reason}
            </Typography.Paragraph>
          )}
        </>
      ),
    },
    {
      title: '证明材料',
      key: 'images',
      width: 110,
      render: (_, d) =>
        d.images.length === 0 ? (
          <Typography.Text type="secondary">无</Typography.Text>
        ) : (
          <Image.PreviewGroup>
            <Space size={4} wrap>
              {d.images.slice(0, 3).map((i) => (
                <Image key={i.key} src={i.url} width={36} height={36} style={{ objectFit: 'cover', borderRadius: 2 }} alt="证明材料" />
              ))}
              {d.images.length > 3 && <Typography.Text type="secondary">+{d.images.length - 3}</Typography.Text>}
            </Space>
          </Image.PreviewGroup>
        ),
    },
    {
      title: '状态',
      key: 'state',
      width: 140,
      render: (_, d) => (
        <Space orientation="vertical" size={2}>
          <Space size={4}>
            <Tag color={STATE_COLORS[d.state]} style={{ marginInlineEnd: 0 }}>
              {POINTS_DECLARATION_STATE_LABELS[d.state]}
            </Tag>
            {d.overturned && <Tag color="purple">已改判</Tag>}
          </Space>
          {d.reviewerName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.reviewerName} {time(d.reviewedAt).slice(0, 10)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: '申报时间', dataIndex: 'createdAt', width: 100, render: (t: string) => <span style={{ whiteSpace: 'pre-line' }}>{time(t).replace(' ', '\n')}</span> },
    {
      title: '操作',
      key: 'op',
      width: 100,
      render: (_, d) =>
        d.state === 'pending' ? (
          <Space size={0}>
            <Popconfirm title={`通过${d.memberName}的申报？`} description={`「${d.ruleName}」${d.points} 分`} okText="通过" cancelText="取消" onConfirm={() => approve(d)}>
              <Button type="link" size="small" loading={busy === d.id}>
                通过
              </Button>
            </Popconfirm>
            <Button type="link" size="small" danger onClick={() => setAsking({ d, kind: 'reject' })}>
              驳回
            </Button>
          </Space>
        ) : canOverturn ? (
          <Button type="link" size="small" onClick={() => setAsking({ d, kind: 'overturn' })}>
            改判
          </Button>
        ) : null,
    },
  ];

  const ask = asking && (
    <ReasonModal
      title={asking.kind === 'reject' ? `驳回${asking.d.memberName}的申报` : `改判${asking.d.memberName}的申报`}
      description={
        asking.kind === 'reject' ? (
          `「${asking.d.ruleName}」：${asking.d.content}`
        ) : asking.d.state === 'approved' ? (
          <Typography.Text type="warning">当前为“已通过”，改判后变为“已驳回”，已计的 {asking.d.awarded} 分将被扣回。</Typography.Text>
        ) : (
          <Typography.Text type="warning">当前为“已驳回”，改判后变为“已通过”，按规则计 {asking.d.points} 分。</Typography.Text>
        )
      }
      label={asking.kind === 'reject' ? '驳回原因' : '改判原因'}
      placeholder="申报人会看到这条原因"
      okText={asking.kind === 'reject' ? '驳回' : '改判'}
      onSubmit={async (reason) => {
        const { d, kind } = asking;
        const after = kind === 'reject' ? await api.points.reviewDeclaration(d.id, false, reason) : await api.points.overturnDeclaration(d.id, reason);
        message.success(kind === 'reject' ? '已驳回' : `已改判为“${POINTS_DECLARATION_STATE_LABELS[after.state]}”`);
        setAsking(null);
        void reload();
      }}
      onClose={() => setAsking(null)}
    />
  );

  return (
    <Card size="small" title="积分申报" style={{ maxWidth: 1240 }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <OrgTreeSelect tree={tree} allowClear placeholder="全部组织" value={orgId} onChange={filter(setOrgId)} />
        <Segmented<StateFilter>
          value={state}
          onChange={filter(setState)}
          options={[
            ...(['pending', 'approved', 'rejected'] as const).map((s) => ({ value: s, label: POINTS_DECLARATION_STATE_LABELS[s] })),
            { value: 'all', label: '全部' },
          ]}
        />
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        党员按申报规则提交事项和证明材料，支部审核通过后计分{canOverturn ? '；单位管理员可对已审核的申报改判，须填写原因' : ''}。
      </Typography.Paragraph>
      <OrgPageLoadError tree={tree} page={{ error, reload }} />
      <Table<PointsDeclarationView>
        data-testid="points-declarations"
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={pagination(data?.total ?? 0)}
        locale={{ emptyText: state === 'pending' ? '没有待审核的积分申报' : '暂无积分申报' }}
      />
      {ask}
    </Card>
  );
}
