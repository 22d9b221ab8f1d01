import { useState } from 'react';
import { Card, Col, Empty, Row, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { DuesSummary } from '@dangjian/shared';
import { api } from '../api';
import { useRemote } from '../useRemote';
import { OrgPageLoadError, OrgTreeSelect, useOrgTree } from '../components/OrgTreeSelect';
import { YearPicker } from '../components/dues/PeriodPicker';
import { Money, monthLabel, thisYear } from '../components/dues/duesTags';
import { formatFen } from '../money';

type MonthRow = DuesSummary['months'][number];
type ChildRow = DuesSummary['children'][number];

const sum = <T,>(rows: T[], pick: (r: T) => number) => rows.reduce((s, r) => s + pick(r), 0);

/** A 合计 row under a table: the label in the first column, then one cell per summed column. */
function TotalRow<T>({ rows, cells }: { rows: T[]; cells: Array<{ pick: (r: T) => number; money?: boolean } | null> }) {
  return (
    <Table.Summary.Row className="dues-total">
      <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
      {cells.map((c, i) => (
        <Table.Summary.Cell key={i} index={i + 1} align="right">
          {c ? c.money ? <Money fen={sum(rows, c.pick)} /> : sum(rows, c.pick) : null}
        </Table.Summary.Cell>
      ))}
    </Table.Summary.Row>
  );
}

/**
 * 统计 (DUES-10): an organisation's year — per month how many bills, paid and unpaid, what was due
 * and what came in (cash, online, voluntary), and per child organisation; totals underneath.
 */
export function DuesSummaryPage() {
  const tree = useOrgTree();
  const orgId = tree.orgId;
  const [year, setYear] = useState(thisYear);
  const { data, loading, error, reload } = useRemote(() => (orgId === undefined ? Promise.resolve(undefined) : api.dues.summary({ orgId, year })), [orgId, year]);
  const months = data?.months ?? [];
  const children = data?.children ?? [];
  const paid = sum(months, (m) => m.paid);
  const billed = sum(months, (m) => m.billed);

  const monthColumns: TableColumnsType<MonthRow> = [
    { title: '月份', dataIndex: 'month', width: 100, render: monthLabel },
    { title: '应交人次', dataIndex: 'billed', width: 90, align: 'right' },
    { title: '已交', dataIndex: 'paid', width: 80, align: 'right' },
    { title: '未交', dataIndex: 'unpaid', width: 80, align: 'right', render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v) },
    { title: '应收金额', dataIndex: 'expectedFen', width: 120, align: 'right', render: (v: number) => <Money fen={v} /> },
    { title: '已交金额', dataIndex: 'paidFen', width: 120, align: 'right', render: (v: number) => <Money fen={v} /> },
    { title: <Tooltip title="当月收到的党费（含补交、预交和自愿多交），不论交的是哪个月">当月实收</Tooltip>, dataIndex: 'collectedFen', width: 120, align: 'right', render: (v: number) => <Money fen={v} /> },
    { title: '其中现金', dataIndex: 'cashFen', width: 110, align: 'right', render: (v: number) => <Money fen={v} /> },
    { title: '其中线上', dataIndex: 'onlineFen', width: 110, align: 'right', render: (v: number) => <Money fen={v} /> },
    { title: '自愿多交', dataIndex: 'voluntaryFen', width: 110, align: 'right', render: (v: number) => <Money fen={v} /> },
  ];
  const childColumns: TableColumnsType<ChildRow> = [
    { title: '组织', dataIndex: 'orgName' },
    { title: '已交人次', dataIndex: 'paid', width: 100, align: 'right' },
    { title: '未交人次', dataIndex: 'unpaid', width: 100, align: 'right', render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v) },
    { title: '实收金额', dataIndex: 'collectedFen', width: 140, align: 'right', render: (v: number) => <Money fen={v} /> },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space size={8}>
            党费统计
            {data && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {data.orgName} · {data.year}年
              </Typography.Text>
            )}
          </Space>
        }
        extra={
          <Space>
            <OrgTreeSelect tree={tree} value={orgId} onChange={tree.setOrgId} />
            <YearPicker value={year} onChange={setYear} max={thisYear() + 1} />
          </Space>
        }
      >
        <OrgPageLoadError tree={tree} page={{ error, reload }} />
        <Row gutter={16} data-testid="dues-summary-totals">
          <Col span={6}>
            <Statistic title="全年实收" loading={loading && !data} value={formatFen(data?.totalCollectedFen ?? 0)} />
          </Col>
          <Col span={6}>
            <Statistic title="全年应收" loading={loading && !data} value={formatFen(sum(months, (m) => m.expectedFen))} />
          </Col>
          <Col span={6}>
            <Statistic title="交纳率" loading={loading && !data} value={billed ? `${Math.round((paid * 1000) / billed) / 10}%` : '—'} />
          </Col>
          <Col span={6}>
            <Statistic title="自愿多交" loading={loading && !data} value={formatFen(sum(months, (m) => m.voluntaryFen))} />
          </Col>
        </Row>
      </Card>
      <Card size="small" title="按月统计">
        <Table<MonthRow>
          rowKey="month"
          size="small"
          loading={loading}
          columns={monthColumns}
          dataSource={months}
          pagination={false}
          data-testid="dues-summary-months"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本年度暂无党费数据" /> }}
          summary={(rows) =>
            rows.length > 0 && (
              <TotalRow
                rows={[...rows]}
                cells={[{ pick: (r) => r.billed }, { pick: (r) => r.paid }, { pick: (r) => r.unpaid }, ...(['expectedFen', 'paidFen', 'collectedFen', 'cashFen', 'onlineFen', 'voluntaryFen'] as const).map((k) => ({ pick: (r: MonthRow) => r[k], money: true }))]}
              />
            )
          }
        />
      </Card>
      <Card size="small" title="按下级组织统计">
        <Table<ChildRow>
          rowKey="orgId"
          size="small"
          loading={loading}
          columns={childColumns}
          dataSource={children}
          pagination={children.length > 50 ? { pageSize: 50 } : false}
          data-testid="dues-summary-children"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有下级组织" /> }}
          summary={(rows) => rows.length > 0 && <TotalRow rows={[...rows]} cells={[{ pick: (r) => r.paid }, { pick: (r) => r.unpaid }, { pick: (r) => r.collectedFen, money: true }]} />}
        />
      </Card>
    </Space>
  );
}
