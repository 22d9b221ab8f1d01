import { Empty, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import type { MeetingDetail, MeetingInviteeView } from '@dangjian/shared';
import { formatTime } from './meetingTags';

const FEEDBACK = {
  attend: <Tag color="green">参加</Tag>,
  leave: <Tag color="orange">请假</Tag>,
  none: <Tag>未反馈</Tag>,
};

/** Who was invited, their answer (MEET-4), check-in and presence (MEET-8), speech outline (life meeting). */
export function InviteesTable({ meeting: m }: { meeting: MeetingDetail }) {
  if (m.invitees === null) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="参会人员名单仅支部管理员可见" />;
  const columns: TableColumnsType<MeetingInviteeView> = [
    {
      title: '姓名',
      key: 'name',
      width: 160,
      render: (_, i) => (
        <>
          {i.name}
          {i.probationary && (
            <Tag color="orange" style={{ marginInlineStart: 6 }}>
              预备
            </Tag>
          )}
        </>
      ),
    },
    { title: '反馈', key: 'feedback', width: 90, render: (_, i) => FEEDBACK[i.feedback ?? 'none'] },
    { title: '请假理由', dataIndex: 'leaveReason', ellipsis: true, render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text> },
    { title: '签到时间', dataIndex: 'checkedInAt', width: 140, render: (v: string | null) => (v ? formatTime(v) : '未签到') },
    {
      title: '到会',
      key: 'present',
      width: 70,
      render: (_, i) => (i.present ? <CheckCircleFilled style={{ color: '#52c41a' }} aria-label="到会" /> : <Typography.Text type="secondary">—</Typography.Text>),
    },
  ];
  if (m.type === 'life_and_review') {
    columns.push({ title: '发言提纲', key: 'outline', width: 96, render: (_, i) => (i.outlineSubmitted ? <Tag color="green">已提交</Tag> : <Tag>未提交</Tag>) });
  }
  return (
    <Table<MeetingInviteeView>
      rowKey="memberId"
      size="small"
      columns={columns}
      dataSource={m.invitees}
      data-testid="meeting-invitees"
      pagination={m.invitees.length > 20 ? { pageSize: 20, showTotal: (t) => `共 ${t} 人` } : false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.state === 'created' ? '尚未发送通知，请点击上方按钮选择参会人员' : '暂无参会人员'} /> }}
    />
  );
}
