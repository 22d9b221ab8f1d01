import { Card, Space, Typography } from 'antd';
import type { MeetingSummary } from '@dangjian/shared';
import { availableMeetingActions } from '@dangjian/shared';
import { api } from '../api';
import { useRemote } from '../useRemote';
import { usePaging } from '../usePaging';
import { navigate } from '../route';
import { LoadError } from '../components/LoadError';
import { MeetingTable } from '../components/meetings/MeetingTable';
import { TransitionButtons } from '../components/meetings/TransitionButtons';

/**
 * 审核 (MEET-7, MEET-9): the meetings of the branches below that wait for this admin as the parent
 * organisation: records submitted for review, life-meeting materials, filings to acknowledge.
 */
export function MeetingReviewsPage() {
  const { page, pageSize, pagination } = usePaging(20);
  const { data, loading, error, reload } = useRemote(() => api.meetings.reviews({ page, pageSize }), [page, pageSize]);

  return (
    <Card
      size="small"
      title={
        <Space size={8}>
          审核
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            下级党支部提交审核、送审材料和报备的会议
          </Typography.Text>
        </Space>
      }
    >
      <LoadError error={error} onRetry={reload} />
      <MeetingTable
        testId="meeting-reviews"
        items={data?.items ?? []}
        loading={loading}
        pagination={pagination(data?.total ?? 0, '次会议')}
        emptyText="没有待审核的会议"
        extra={{
          title: '操作',
          key: 'op',
          width: 220,
          render: (_, m: MeetingSummary) => (
            <Space size={0} wrap>
              <a onClick={() => navigate(`meetings/${m.id}`)} style={{ marginInlineEnd: 8 }}>
                查看
              </a>
              <TransitionButtons compact meeting={m} actions={availableMeetingActions(m.type, m.state, 'parent_admin').map((t) => t.action)} onDone={() => void reload()} />
            </Space>
          ),
        }}
      />
    </Card>
  );
}
