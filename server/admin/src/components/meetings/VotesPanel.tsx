import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Modal, Popconfirm, Progress, Space, Spin, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { MeetingDetail, MeetingVoteView } from '@dangjian/shared';
import { api, errorMessage } from '../../api';
import { useRemote } from '../../useRemote';
import { useAction } from '../../useAction';
import { usePolling } from '../../usePolling';
import { LoadError } from '../LoadError';

/** 表决 during the meeting: members vote in the mini-program; the admin sees the counts live (every 3 s) and closes the vote. */
export function VotesPanel({ meeting: m }: { meeting: MeetingDetail }) {
  const { message } = App.useApp();
  const { data, loading, error, reload } = useRemote(() => api.meetings.votes(m.id), [m.id]);
  const [creating, setCreating] = useState(false);
  const votes = data ?? [];
  usePolling(reload, 3000, votes.some((v) => v.open));
  const canCreate = m.isAdmin && m.state === 'held';

  const close = async (v: MeetingVoteView) => {
    try {
      await api.meetings.closeVote(m.id, v.id);
      message.success(`已结束表决“${v.title}”`);
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">会议进行中可发起表决，党员在小程序中投票，结果每 3 秒刷新</Typography.Text>
        {canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            发起表决
          </Button>
        )}
      </Space>
      <LoadError error={error} onRetry={reload} />
      {!data ? (
        !error && <div style={{ textAlign: 'center', padding: 32 }}>{loading && <Spin />}</div>
      ) : votes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无表决" />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="votes">
          {votes.map((v) => (
            <Card
              key={v.id}
              size="small"
              title={
                <Space size={8}>
                  {v.title}
                  {v.open ? <Tag color="green">进行中</Tag> : <Tag>已结束</Tag>}
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                    已投 {v.ballots} 票
                  </Typography.Text>
                </Space>
              }
              extra={
                v.open &&
                m.isAdmin && (
                  <Popconfirm title="结束这项表决？" description="结束后党员不能再投票，结果向党员公布。" okText="结束表决" onConfirm={() => close(v)}>
                    <Button size="small">结束表决</Button>
                  </Popconfirm>
                )
              }
            >
              {v.options.map((o, i) => {
                const n = v.results?.[i] ?? 0;
                return (
                  <div key={i} style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
                    <span style={{ width: 160, flex: 'none' }}>{o}</span>
                    <Progress percent={v.ballots ? Math.round((n * 100) / v.ballots) : 0} format={() => (v.results ? `${n} 票` : '—')} style={{ flex: 1, margin: 0 }} />
                  </div>
                );
              })}
            </Card>
          ))}
        </Space>
      )}
      {creating && (
        <VoteForm
          meetingId={m.id}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            message.success('已发起表决');
            void reload();
          }}
        />
      )}
    </>
  );
}

function VoteForm({ meetingId, onClose, onCreated }: { meetingId: number; onClose: () => void; onCreated: () => void }) {
  const [form] = Form.useForm<{ title: string; options: string[] }>();
  const { run, busy, error } = useAction(async (v: { title: string; options: string[] }) => {
    await api.meetings.createVote(meetingId, { title: v.title.trim(), options: v.options.map((o) => o.trim()) });
    onCreated();
  });
  return (
    <Modal open title="发起表决" okText="发起" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onFinish={run} initialValues={{ options: ['同意', '不同意', '弃权'] }} name="vote">
        <Form.Item name="title" label="表决事项" rules={[{ required: true, whitespace: true, message: '请填写表决事项' }]}>
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.List name="options" rules={[{ validator: (_, v: string[]) => (v?.length >= 2 ? Promise.resolve() : Promise.reject(new Error('至少两个选项'))) }]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f, i) => (
                <Form.Item key={f.key} label={i === 0 ? '选项' : undefined} required={false} style={{ marginBottom: 8 }}>
                  <Space>
                    <Form.Item {...f} noStyle rules={[{ required: true, whitespace: true, message: '请填写选项' }]}>
                      <Input maxLength={40} style={{ width: 300 }} />
                    </Form.Item>
                    {fields.length > 2 && <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除选项" />}
                  </Space>
                </Form.Item>
              ))}
              <Button type="dashed" onClick={() => add('')} icon={<PlusOutlined />} disabled={fields.length >= 10}>
                添加选项
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
