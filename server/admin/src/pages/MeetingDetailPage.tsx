import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Space, Spin, Tabs, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { MeetingDetail } from '@dangjian/shared';
import { api } from '../api';
import { useRemote } from '../useRemote';
import { listBefore, navigate } from '../route';
import { LoadError } from '../components/LoadError';
import { durationLabel, formatTime, PhaseTag, StateTag, TypeTag } from '../components/meetings/meetingTags';
import { MeetingTimeline } from '../components/meetings/MeetingTimeline';
import { TransitionButtons } from '../components/meetings/TransitionButtons';
import { MeetingToolbar } from '../components/meetings/MeetingToolbar';
import { InviteesTable } from '../components/meetings/InviteesTable';
import { MeetingRecordForm } from '../components/meetings/MeetingRecordForm';
import { VotesPanel } from '../components/meetings/VotesPanel';
import { EvaluationPanel } from '../components/meetings/EvaluationPanel';

/** One meeting (#/meetings/:id): where it stands, the next steps, who comes, the record, votes, evaluation. */
export function MeetingDetailPage({ meetingId }: { meetingId: number }) {
  const remote = useRemote(() => api.meetings.get(meetingId), [meetingId]);
  // A step or a save answers with the whole meeting: shown at once, without another request.
  const [fresh, setFresh] = useState<MeetingDetail | null>(null);
  const m = fresh ?? remote.data;
  const reload = async () => {
    setFresh(null);
    await remote.reload();
  };
  const back = (
    <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(listBefore())} aria-label="返回列表">
      返回
    </Button>
  );

  if (!m) {
    return (
      <Card size="small" title={back}>
        <LoadError error={remote.error} onRetry={reload} />
        {!remote.error && <div style={{ textAlign: 'center', padding: 48 }}>{remote.loading ? <Spin /> : <Empty />}</div>}
      </Card>
    );
  }
  const returned = m.rejectReason && (m.state === 'rejected' || m.state === 'materials_rejected');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space size={8} data-testid="meeting-title">
            {back}
            <TypeTag type={m.type} />
            <Typography.Text strong ellipsis style={{ maxWidth: 460 }} title={m.title}>
              {m.title}
            </Typography.Text>
            <PhaseTag phase={m.phase} state={m.state} />
            <StateTag state={m.state} />
          </Space>
        }
        extra={<MeetingToolbar meeting={m} onChanged={setFresh} onRemoved={() => navigate('meetings')} />}
      >
        <LoadError error={remote.error} onRetry={reload} />
        <MeetingTimeline meeting={m} />
        {returned && <Alert type="warning" showIcon title={`退回理由：${m.rejectReason}`} style={{ marginBottom: 12 }} />}
        <TransitionButtons meeting={m} actions={m.actions} onDone={setFresh} />
        <Descriptions size="small" column={4} items={facts(m)} style={{ marginTop: m.actions.length ? 16 : 0 }} data-testid="meeting-facts" />
      </Card>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          destroyOnHidden
          items={[
            { key: 'invitees', label: `参会人员（${m.invitedCount}）`, children: <InviteesTable meeting={m} /> },
            { key: 'record', label: '会议记录', children: <MeetingRecordForm meeting={m} onSaved={setFresh} /> },
            { key: 'votes', label: '表决', children: <VotesPanel meeting={m} /> },
            ...(m.type === 'life_and_review' ? [{ key: 'evaluation', label: '民主评议', children: <EvaluationPanel meeting={m} /> }] : []),
          ]}
        />
      </Card>
    </Space>
  );
}

/** The plan and the attendance figures, in the detail's header. */
function facts(m: MeetingDetail): DescriptionsProps['items'] {
  const items: DescriptionsProps['items'] = [
    { key: 'org', label: '党支部', children: m.orgName },
    { key: 'start', label: '开始时间', children: formatTime(m.startsAt) },
    { key: 'duration', label: '会期', children: `${durationLabel(m.durationDays)}（至 ${formatTime(m.endsAt)}）` },
    { key: 'deadline', label: '反馈截止', children: formatTime(m.feedbackDeadline) },
    { key: 'host', label: '主持人', children: m.hostName },
    { key: 'venue', label: m.online ? '线上会议' : '会议地点', children: m.venue },
    {
      key: 'checkin',
      label: '签到方式',
      children: m.online ? '线上' : m.location ? `扫码或定位（${m.location.radiusMeters} 米内）` : '扫码签到',
    },
    {
      key: 'counts',
      label: '参加 / 请假 / 签到',
      children: (
        <span data-testid="meeting-counts">
          {m.attendingCount} / {m.leaveCount} / {m.presentCount}（邀请 {m.invitedCount} 人）
        </span>
      ),
    },
  ];
  if (m.requiredRatio != null) items.push({ key: 'ratio', label: '要求参会比例', children: `${m.requiredRatio}%` });
  if (m.actualRatio != null) items.push({ key: 'actual', label: '实际到会比例', children: `${m.actualRatio}%` });
  if (m.agenda) items.push({ key: 'agenda', label: '会议议程', span: 4, children: <span style={{ whiteSpace: 'pre-wrap' }}>{m.agenda}</span> });
  return items;
}
