import { useState } from 'react';
import { Card, Empty, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { OrgNode, PointsCategory, PointsRankRow, PointsRankingScope } from '@dangjian/shared';
import { POINTS_CATEGORY_LABELS } from '@dangjian/shared';
import { api } from '../api';
import { useRemote } from '../useRemote';
import { OrgPageLoadError, OrgTreeSelect } from '../components/OrgTreeSelect';
import { MonthPicker, YearPicker } from '../components/dues/PeriodPicker';
import { thisMonth, thisYear } from '../components/dues/duesTags';
import { categoryOptions } from '../components/points/pointsText';
import { findOrg } from '../orgTree';

type PeriodKind = 'year' | 'month' | 'all';

/** The ranked scope of a picked organisation: a branch, an organisation's subtree, or (none) the tenant. */
const scopeOf = (org: OrgNode | undefined): PointsRankingScope => (!org ? 'tenant' : org.type === 'branch' ? 'branch' : 'org');

const RANK_COLORS = ['#c8161d', '#d46b08', '#d4a106'];

/**
 * 积分排名 (PTS-4): the members of a branch, an organisation's subtree or the whole tenant ranked by
 * points for a year, a month or all time, overall or in one category. Equal totals share a rank.
 */
export function PointsRankingPage() {
  const tree = useRemote(() => api.orgs.tree(), []);
  const [orgId, setOrgId] = useState<number>();
  const [kind, setKind] = useState<PeriodKind>('year');
  const [year, setYear] = useState(thisYear);
  const [month, setMonth] = useState(thisMonth);
  const [category, setCategory] = useState<PointsCategory>();
  const [limit, setLimit] = useState(50);
  const org = findOrg(tree.data ?? [], orgId);
  const scope = scopeOf(org);
  const period = kind === 'year' ? String(year) : kind === 'month' ? month : 'all';
  const { data, loading, error, reload } = useRemote(
    () => api.points.rankings({ scope, orgId: scope === 'tenant' ? undefined : orgId, period, category, limit }),
    [scope, orgId, period, category, limit],
  );

  const columns: TableColumnsType<PointsRankRow> = [
    {
      title: '名次',
      dataIndex: 'rank',
      width: 70,
      align: 'center',
      render: (rank: number) => (rank <= 3 ? <Tag color={RANK_COLORS[rank - 1]} style={{ marginInlineEnd: 0 }}>{rank}</Tag> : rank),
    },
    { title: '姓名', dataIndex: 'name', width: 120 },
    { title: '所在组织', dataIndex: 'orgName', ellipsis: { showTitle: true } },
    { title: category ? `${POINTS_CATEGORY_LABELS[category]}积分` : '积分', dataIndex: 'total', width: 110, align: 'right', render: (t: number) => <Typography.Text strong>{t}</Typography.Text> },
  ];

  const scopeName = org ? org.name : '全单位';
  return (
    <Card
      size="small"
      title={
        <Space size={8}>
          积分排名
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {scopeName}
            {data?.me && ` · 我的名次：${data.me.rank === null ? '暂无积分' : `第 ${data.me.rank} 名（${data.me.total} 分）`}`}
          </Typography.Text>
        </Space>
      }
      style={{ maxWidth: 960 }}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <OrgTreeSelect tree={tree} allowClear placeholder="全单位" value={orgId} onChange={setOrgId} disable={(n) => n.type === 'group'} />
        <Radio.Group
          optionType="button"
          value={kind}
          onChange={(e) => setKind(e.target.value as PeriodKind)}
          options={[
            { value: 'year', label: '年度' },
            { value: 'month', label: '月度' },
            { value: 'all', label: '累计' },
          ]}
        />
        {kind === 'year' && <YearPicker value={year} onChange={setYear} max={thisYear()} />}
        {kind === 'month' && <MonthPicker value={month} onChange={setMonth} max={thisMonth()} />}
        <Select<PointsCategory> allowClear placeholder="全部类别" style={{ width: 130 }} value={category} onChange={setCategory} options={categoryOptions} />
        <Select<number>
          style={{ width: 110 }}
          value={limit}
          onChange={setLimit}
          options={[20, 50, 100].map((n) => ({ value: n, label: `前 ${n} 名` }))}
        />
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        排名仅用于激励，不作为考核评价依据；积分相同的党员名次相同。
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
    </Card>
  );
}
