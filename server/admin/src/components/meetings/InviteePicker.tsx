import { useEffect, useState } from 'react';
import { Button, Empty, Modal, Space, Table, Tag, Typography } from 'antd';
import type { MeetingCandidate } from '@dangjian/shared';
import { api } from '../../api';
import { useRemote } from '../../useRemote';
import { LoadError } from '../LoadError';

interface Props {
  meetingId: number;
  /** 发送会议通知 / 发送预通知 */
  title: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (memberIds: number[]) => void;
}

/** Who to notify (MEET-4): the branch's candidates, with the type's default selection ticked. */
export function InviteePicker({ meetingId, title, busy, onCancel, onConfirm }: Props) {
  const { data, loading, error, reload } = useRemote(() => api.meetings.candidates(meetingId), [meetingId]);
  const candidates = data ?? [];
  const defaults = candidates.filter((c) => c.selected).map((c) => c.memberId);
  const [picked, setPicked] = useState<number[]>([]);
  useEffect(() => setPicked((data ?? []).filter((c) => c.selected).map((c) => c.memberId)), [data]);

  return (
    <Modal
      open
      width={640}
      title={`${title} · 选择参会人员`}
      okText={`${title}（${picked.length}人）`}
      okButtonProps={{ disabled: picked.length === 0 }}
      confirmLoading={busy}
      onOk={() => onConfirm(picked)}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">默认勾选该类型会议应参加的人员，可增减</Typography.Text>
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setPicked(defaults)}>恢复默认</Button>
          <Button type="link" size="small" onClick={() => setPicked(candidates.map((c) => c.memberId))}>全选</Button>
          <Button type="link" size="small" onClick={() => setPicked([])}>全不选</Button>
        </Space>
      </Space>
      <LoadError error={error} onRetry={reload} />
      <Table<MeetingCandidate>
        rowKey="memberId"
        size="small"
        loading={loading}
        dataSource={candidates}
        pagination={false}
        scroll={{ y: 360 }}
        data-testid="invitee-picker"
        rowSelection={{ selectedRowKeys: picked, onChange: (keys) => setPicked(keys.map(Number)) }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该支部没有可邀请的党员" /> }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          {
            title: '身份',
            key: 'kind',
            render: (_, c) => (
              <Space size={4}>
                {c.probationary ? <Tag color="orange">预备党员</Tag> : <Tag>正式党员</Tag>}
                {c.committee && <Tag color="red">支委</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </Modal>
  );
}
