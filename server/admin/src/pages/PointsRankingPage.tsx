import { useState } from 'react';
import { App, Button, Card, Empty, Radio, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import type { OrgNode, PointsCategory, PointsOrgAverageRow, PointsRankRow, PointsRankingScope } from '@dangjian/shared';
import { POINTS_CATEGORY_LABELS } from '@dangjian/shared';
import { api, errorMessage } from '../api';
import { useRemote, type Remote } from '../useRemote';
import { LoadError } from '../components/LoadError';
import { DownloadButton } from '../components/DownloadButton';
import { OrgPageLoadError, OrgTreeSelect } from '../components/OrgTreeSelect';
import { MonthPicker, YearPicker } from '../components/dues/PeriodPicker';
import { thisMonth, thisYear } from '../components/dues/duesTags';
import { categoryOptions } from '../components/points/pointsText';
import { findOrg } from '../orgTree';

type PeriodKind = 'year' | 'month' | 'all';

/** The ranked scope of a picked organisation: a branch, an organisation's subtree, or (none) the tenant. */
const scopeOf = (org: OrgNode | undefined): PointsRankingScope => (!org ? 'tenant' : org.type === 'branch' ? 'branch' : 'org');

const RANK_COLORS = ['#c8161d', '#d46b08', '#d4a106'];
const rankCell = (rank: number) => (rank <= 3 ? <Tag color={RANK_COLORS[rank - 1]} style={{ marginInlineEnd: 0 }}>{rank}</Tag> : rank);
const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** Year, month (and for the personal ranking, all time): the API's period key. */
function usePeriod() {
  const [kind, setKind] = useState<PeriodKind>('year');
  const [year, setYear] = useState(thisYear);
  const [month, setMonth] = useState(thisMonth);
  const period = kind === 'year' ? String(year) : kind === 'month' ? month : 'all';
  const picker = (withAll: boolean) => (
    <>
      <Radio.Group
        optionType="button"
        value={kind}
        onChange={(e) => setKind(e.target.value as PeriodKind)}
        options={[
          { value: 'year', label: '年度' },
          { value: 'month', label: '月度' },
          ...(withAll ? [{ value: 'all', label: '累计' }] : []),
        ]}
      />
      {kind === 'year' && <YearPicker value={year} onChange={setYear} max={thisYear()} />}
      {kind === 'month' && <MonthPicker value={month} onChange={setMonth} max={thisMonth()} />}
    </>
  );
  return { period, picker };
}

/**
 * 排行设置 (PTS-5): whether members see the rankings in the mini-program; the tenant admin switches
 * it, other admins read it. Admins always see the rankings here.
 */
function RankingSettings({ canEdit }: { canEdit: boolean }) {
  const { message } = App.useApp();
  const { data, loading, error, reload } = useRemote(() => api.points.settings(), []);
  const [saving, setSaving] = useState(false);
  const change = async (rankingsEnabled: boolean) => {
    setSaving(true);
    try {
      await api.points.saveSettings({ rankingsEnabled });
      message.success(rankingsEnabled ? '已向党员展示积分排行' : '已对党员关闭积分排行');
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title="排行设置" style={{ maxWidth: 960 }}>
      <LoadError error={error} onRetry={reload} />
      <Space size="middle" align="center" wrap>
        <Space size={8}>
          <Switch
            checked={data?.rankingsEnabled ?? false}
            loading={loading || saving}
            disabled={!canEdit || !data}
            onChange={(on) => void change(on)}
            aria-label="向党员展示积分排行"
            data-testid="rankings-enabled"
          />
          <span>向党员展示积分排行</span>
        </Space>
        <Typography.Text type="secondary">
          排行仅用于激励，不作为考核评价依据；关闭后党员在小程序中看不到排行和组织平均分，管理员仍可在此查看。{!canEdit && '（由单位管理员设置）'}
        </Typography.Text>
      </Space>
    </Card>
  );
}

/** 个人排名 (PTS-4): members of a branch, a subtree or the tenant by points; the whole list exports. */
function PersonalRanking({ tree }: { tree: Remote<OrgNode[]> }) {
  const [orgId, setOrgId] = useState<number>();
  const { period, picker } = usePeriod();
  const [category, setCategory] = useState<PointsCategory>();
  const [limit, setLimit] = useState(50);
  const org = findOrg(tree.data ?? [], orgId);
  const scope = scopeOf(org);
  const filters = { scope, orgId: scope === 'tenant' ? undefined : orgId, period, category };
  const { data, loading, error, reload } = useRemote(() => api.points.rankings({ ...filters, limit }), [scope, orgId, period, category, limit]);

  const columns: TableColumnsType<PointsRankRow> = [
    { title: '名次', dataIndex: 'rank', width: 70, align: 'center', render: rankCell },
    { title: '姓名', dataIndex: 'name', width: 120 },
    { title: '所在组织', dataIndex: 'orgName', ellipsis: { showTitle: true } },
    { title: category ? `${POINTS_CATEGORY_LABELS[category]}积分` : '积分', dataIndex: 'total', width: 110, align: 'right', render: (t: number) => <Typography.Text strong>{t}</Typography.Text> },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <OrgTreeSelect tree={tree} allowClear placeholder="全单位" value={orgId} onChange={setOrgId} disable={(n) => n.type === 'group'} width={220} />
        {picker(true)}
        <Select<PointsCategory> allowClear placeholder="全部类别" style={{ width: 120 }} value={category} onChange={setCategory} options={categoryOptions} />
        <Select<number> style={{ width: 100 }} value={limit} onChange={setLimit} options={[20, 50, 100].map((n) => ({ value: n, label: `前 ${n} 名` }))} />
        <DownloadButton onDownload={() => api.points.exportRankings(filters)}>导出</DownloadButton>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {org ? org.name : '全单位'}
        {data?.me && ` · 我的名次：${data.me.rank === null ? '暂无积分' : `第 ${data.me.rank} 名（${data.me.total} 分）`}`} · 积分相同的党员名次相同；导出为全部名次。
      </Typography.Paragraph>
      <OrgPageLoadError tree={tree} page={{ error, reload }} />
      <Table<PointsRankRow>
        rowKey="memberId"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={false}
        data-testid="points-ranking"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该范围内还没有党员获得积分" /> }}
      />
    </>
  );
}

/**
 * 组织平均分 (PTS-4): the direct child organisations of the picked one (default: the admin's top
 * organisation) by average points per active member, as the daily job computed them ("统计于 …");
 * the tenant admin may run the job now.
 */
function OrgAverages({ tree, canRecompute }: { tree: Remote<OrgNode[]>; canRecompute: boolean }) {
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState<number>();
  const { period, picker } = usePeriod();
  const { data, loading, error, reload } = useRemote(() => api.points.averages({ orgId, period: period === 'all' ? undefined : period }), [orgId, period]);
  const [running, setRunning] = useState(false);
  const recompute = async () => {
    setRunning(true);
    try {
      await api.points.recomputeAverages();
      message.success('组织平均分已重新统计');
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setRunning(false);
    }
  };

  const columns: TableColumnsType<PointsOrgAverageRow> = [
    { title: '名次', dataIndex: 'rank', width: 70, align: 'center', render: rankCell },
    { title: '组织', dataIndex: 'orgName', ellipsis: { showTitle: true } },
    { title: '党员人数', dataIndex: 'memberCount', width: 100, align: 'right' },
    { title: '总积分', dataIndex: 'total', width: 100, align: 'right' },
    { title: '人均积分', dataIndex: 'average', width: 110, align: 'right', render: (a: number) => <Typography.Text strong>{a.toFixed(1)}</Typography.Text> },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <OrgTreeSelect tree={tree} allowClear placeholder="本单位" value={orgId} onChange={setOrgId} disable={(n) => n.type === 'branch' || n.type === 'group'} width={220} />
        {picker(false)}
        {canRecompute && (
          <Button icon={<SyncOutlined />} loading={running} onClick={() => void recompute()}>
            立即统计
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }} data-testid="averages-as-of">
        {data ? `${data.orgName}的下级组织 · ${data.asOf ? `统计于 ${time(data.asOf)}` : '尚未统计'}` : '加载中…'} · 每日统计一次，人均积分 = 组织内党员积分合计 ÷ 党员人数。
      </Typography.Paragraph>
      <LoadError error={tree.error ?? error} onRetry={() => void (tree.error ? tree.reload() : reload())} />
      <Table<PointsOrgAverageRow>
        rowKey="orgId"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={false}
        data-testid="points-averages"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={data && !data.asOf ? '尚未统计组织平均分' : '没有下级组织的平均分'} /> }}
      />
    </>
  );
}

/**
 * 积分排名 (PTS-4, PTS-5): the members ranked by points for a year, a month or all time (overall or
 * in one category, equal totals share a rank, exportable), the organisations by average points, and
 * whether members see rankings at all.
 */
export function PointsRankingPage({ canEdit }: { canEdit: boolean }) {
  const tree = useRemote(() => api.orgs.tree(), []);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <RankingSettings canEdit={canEdit} />
      <Card size="small" title="积分排名" style={{ maxWidth: 960 }} styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          destroyOnHidden
          items={[
            { key: 'members', label: '个人排名', children: <PersonalRanking tree={tree} /> },
            { key: 'orgs', label: '组织平均分', children: <OrgAverages tree={tree} canRecompute={canEdit} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
