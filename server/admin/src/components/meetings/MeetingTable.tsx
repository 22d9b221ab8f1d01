import { Empty, Space, Table, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import type { MeetingSummary } from '@dangjian/shared';
import { navigate } from '../../route';
import { formatTime, PhaseTag, StateTag, TypeTag } from './meetingTags';

interface Props {
  items: MeetingSummary[];
  loading: boolean;
  pagination: TablePaginationConfig;
  emptyText: string;
  /** A last column of actions (the review queue's 审核 buttons). */
  extra?: TableColumnsType<MeetingSummary>[number];
  testId?: string;
}

/** Meetings as rows: title (opens the detail) with type and venue, branch, time, host, feedback and state. */
export function MeetingTable({ items, loading, pagination, emptyText, extra, testId = 'meetings' }: Props) {
  const open = (m: MeetingSummary) => navigate(`meetings/${m.id}`);
  const columns: TableColumnsType<MeetingSummary> = [
    {
      title: '会议',
      key: 'title',
      render: (_, m) => (
        <div style={{ minWidth: 0 }}>
          <Typography.Link onClick={() => open(m)} ellipsis title={m.title} style={{ display: 'block', maxWidth: '100%' }}>
            {m.title}
          </Typography.Link>
          <div style={{ display: 'flex', alignItems: 'center', gap: 6, marginTop: 2, minWidth: 0 }}>
            <TypeTag type={m.type} />
            <Typography.Text type="secondary" style={{ fontSize: 12, minWidth: 0 }} ellipsis title={m.venue}>
              {m.online ? '线上 · ' : ''}
              {m.venue}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: '党支部', dataIndex: 'orgName', width: 140, ellipsis: true },
    { title: '开始时间', key: 'time', width: 136, render: (_, m) => formatTime(m.startsAt) },
    { title: '主持人', dataIndex: 'hostName', width: 80, ellipsis: true },
    { title: '反馈参加', key: 'feedback', width: 84, render: (_, m) => `${m.attendingCount}/${m.invitedCount}` },
    {
      title: '状态',
      key: 'state',
      width: 150,
      render: (_, m) => (
        <Space size={4}>
          <PhaseTag phase={m.phase} state={m.state} />
          <StateTag state={m.state} />
        </Space>
      ),
    },
    extra ?? { title: '操作', key: 'op', width: 64, render: (_, m) => <a onClick={() => open(m)}>查看</a> },
  ];
  return (
    <Table<MeetingSummary>
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={items}
      data-testid={testId}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      pagination={pagination}
    />
  );
}
