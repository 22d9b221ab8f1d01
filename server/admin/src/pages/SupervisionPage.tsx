import { useState } from 'react';
import { App, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined, WarningFilled } from '@ant-design/icons';
import type { MeetingType, SupervisionRow } from '@dangjian/shared';
import { MEETING_TYPE_RULES, MEETING_TYPES } from '@dangjian/shared';
import { api, errorMessage } from '../api';
import { useRemote } from '../useRemote';
import { LoadError } from '../components/LoadError';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { formatTime } from '../components/meetings/meetingTags';

/** A period key as people say it: 2026-11 → 2026年11月, 2026-Q4 → 2026年第4季度, 2026 → 2026年度. */
const periodLabel = (key: string) => {
  const [year, part] = key.split('-');
  if (!part) return `${year}年度`;
  return part.startsWith('Q') ? `${year}年第${part.slice(1)}季度` : `${year}年${Number(part)}月`;
};

/**
 * 督办 (MEET-11): per branch and meeting type, whether the current period's meeting (this month,
 * quarter or year) has been held; branches behind on any type are flagged red. The figures are
 * computed periodically by the server; 重新统计 computes them now.
 */
export function SupervisionPage() {
  const { message } = App.useApp();
  const tree = useRemote(() => api.orgs.tree(), []);
  const [orgId, setOrgId] = useState<number>();
  const { data, loading, error, reload } = useRemote(() => api.meetings.supervision(orgId), [orgId]);
  const [recomputing, setRecomputing] = useState(false);
  const rows = data?.rows ?? [];
  // Only the types the rows carry (disabled types are not supervised), in the usual order.
  const types = MEETING_TYPES.filter((t) => rows.some((r) => r.periods.some((p) => p.type === t)));
  const behind = rows.filter((r) => r.behind).length;

  const recompute = async () => {
    setRecomputing(true);
    try {
      await api.meetings.recompute();
      await reload();
      message.success('已重新统计');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setRecomputing(false);
    }
  };

  const columns: TableColumnsType<SupervisionRow> = [
    {
      title: '党支部',
      key: 'org',
      fixed: 'left',
      width: 200,
      render: (_, r) => (
        <Space size={6}>
          {r.behind && <WarningFilled style={{ color: '#cf1322' }} aria-label="滞后" />}
          <span style={r.behind ? { color: '#cf1322', fontWeight: 500 } : undefined}>{r.orgName}</span>
        </Space>
      ),
    },
    ...types.map((t: MeetingType) => ({
      title: MEETING_TYPE_RULES[t].label,
      key: t,
      width: 130,
      render: (_: unknown, r: SupervisionRow) => {
        const p = r.periods.find((x) => x.type === t);
        if (!p) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <div style={{ lineHeight: '20px' }}>
            <Tag color={p.ok ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
              {p.held > 0 ? `已开 ${p.held} 次` : '未开'}
            </Tag>
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }} title={p.periodKey}>
              {periodLabel(p.periodKey)}
            </div>
          </div>
        );
      },
    })),
  ];

  return (
    <Card
      size="small"
      title={
        <Space size={8}>
          督办
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid="supervision-computed">
            统计时间：{data?.computedAt ? formatTime(data.computedAt) : '尚未统计'}
            {rows.length > 0 && ` · ${behind} 个党支部未按期开会`}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          <OrgTreeSelect tree={tree} allowClear placeholder="全部组织" value={orgId} onChange={setOrgId} disable={(n) => n.type === 'group'} />
          <Button icon={<ReloadOutlined />} loading={recomputing} onClick={() => void recompute()}>
            重新统计
          </Button>
        </Space>
      }
    >
      <LoadError error={error} onRetry={reload} />
      <Table<SupervisionRow>
        rowKey="orgId"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={rows}
        data-testid="supervision"
        rowClassName={(r) => (r.behind ? 'supervision-behind' : '')}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 200 + types.length * 130 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={data?.computedAt === null ? '尚未统计，请点击「重新统计」' : '没有需要督办的党支部'} /> }}
      />
    </Card>
  );
}
