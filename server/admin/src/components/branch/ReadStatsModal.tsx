import { Alert, App, Button, Col, Empty, Modal, Progress, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import type { BranchPostSummary, BranchReadStats } from '@dangjian/shared';
import { api } from '../../api';
import { useAction } from '../../useAction';
import { useRemote } from '../../useRemote';
import { LoadError } from '../LoadError';
import { formatTime } from './postState';

type Reader = BranchReadStats['read'][number];
type NonReader = BranchReadStats['unread'][number];

/**
 * 阅读统计 (BR-1): who of the audience has read the post and who has not; the unread can be
 * reminded with an in-app message (at most once an hour, the server says when it is too soon).
 */
export function ReadStatsModal({ post, onClose }: { post: BranchPostSummary; onClose: () => void }) {
  const { message } = App.useApp();
  const { data: stats, loading, error, reload } = useRemote(() => api.branch.reads(post.id), [post.id]);
  const { run: remind, busy, error: remindError } = useAction(async () => {
    const r = await api.branch.remind(post.id);
    message.success(`已提醒 ${r.reminded} 人${r.unreachable ? `，${r.unreachable} 人未激活账号无法提醒` : ''}`);
    await reload();
  });
  const percent = stats && stats.audienceCount ? Math.round((stats.readCount / stats.audienceCount) * 100) : 0;

  return (
    <Modal
      open
      width={720}
      title={`阅读统计：${post.title ?? post.excerpt}`}
      onCancel={onClose}
      footer={
        <Space>
          {stats?.lastRemindedAt && <Typography.Text type="secondary">上次提醒 {formatTime(stats.lastRemindedAt)}</Typography.Text>}
          <Button type="primary" icon={<BellOutlined />} loading={busy} disabled={!stats || stats.unread.length === 0} onClick={() => void remind()}>
            提醒未读
          </Button>
          <Button onClick={onClose}>关闭</Button>
        </Space>
      }
    >
      <LoadError error={error} onRetry={reload} />
      {remindError && <Alert type="error" showIcon title={remindError} style={{ marginBottom: 12 }} role="alert" />}
      {!stats ? (
        !error && (
          <div style={{ textAlign: 'center', padding: 48 }}>
            <Spin />
          </div>
        )
      ) : (
        <Spin spinning={loading}>
          <Space size={16} style={{ marginBottom: 12 }} data-testid="read-summary">
            <Typography.Text strong style={{ fontSize: 16 }}>
              已读 {stats.readCount}/{stats.audienceCount}
            </Typography.Text>
            <Progress percent={percent} size="small" style={{ width: 240, margin: 0 }} />
          </Space>
          <Row gutter={16}>
            <Col span={12}>
              <Table<Reader>
                rowKey="memberId"
                size="small"
                title={() => `已读（${stats.read.length}）`}
                dataSource={stats.read}
                pagination={stats.read.length > 10 ? { pageSize: 10, size: 'small' } : false}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有人阅读" /> }}
                columns={[
                  { title: '姓名', dataIndex: 'name', ellipsis: true },
                  { title: '阅读时间', dataIndex: 'readAt', width: 140, render: (v: string) => formatTime(v) },
                ]}
                data-testid="read-list"
              />
            </Col>
            <Col span={12}>
              <Table<NonReader>
                rowKey="memberId"
                size="small"
                title={() => `未读（${stats.unread.length}）`}
                dataSource={stats.unread}
                pagination={stats.unread.length > 10 ? { pageSize: 10, size: 'small' } : false}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="全部已读" /> }}
                columns={[
                  { title: '姓名', dataIndex: 'name', ellipsis: true },
                  { title: '账号', dataIndex: 'activated', width: 90, render: (a: boolean) => (a ? <Tag color="green">已激活</Tag> : <Tag>未激活</Tag>) },
                ]}
                data-testid="unread-list"
              />
            </Col>
          </Row>
        </Spin>
      )}
    </Modal>
  );
}
