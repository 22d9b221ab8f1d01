import { useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Drawer, Empty, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { CommitteePost, OrgNode, OrgPostView } from '@dangjian/shared';
import { COMMITTEE_POST_LABELS, COMMITTEE_POSTS, ORG_TYPE_LABELS, SINGLE_HOLDER_POSTS } from '@dangjian/shared';
import type { OrgTermView } from '@dangjian/shared';
import { api, errorMessage } from '../api';
import { useAction } from '../useAction';
import { useRemote } from '../useRemote';
import { MemberSelect } from './MemberSelect';
import { BranchAdminsTab } from './BranchAdminsTab';
import { LoadError } from './LoadError';

const DAY = 'YYYY-MM-DD';

/**
 * 班子成员 and 换届 (ORG-5): the current posts of an organisation and its terms of office; for a
 * branch also its admins (BR-9), which follow the secretary post.
 */
export function CommitteeDrawer({ org, onClose }: { org: OrgNode; onClose: () => void }) {
  const isBranch = org.type === 'branch';
  // Bumped whenever posts change, so the branch-admin list (secretary = admin) is re-read.
  const [postsVersion, setPostsVersion] = useState(0);
  const postsChanged = () => setPostsVersion((v) => v + 1);
  return (
    <Drawer
      open
      title={`${org.name} · ${isBranch ? '班子成员与支部管理员' : '班子成员'}（${ORG_TYPE_LABELS[org.type]}）`}
      size={720}
      onClose={onClose}
    >
      <Tabs
        items={[
          { key: 'posts', label: '现任班子', children: <PostsTab org={org} onChanged={postsChanged} /> },
          { key: 'terms', label: '换届记录', children: <TermsTab org={org} onChanged={postsChanged} /> },
          ...(isBranch ? [{ key: 'admins', label: '支部管理员', children: <BranchAdminsTab org={org} version={postsVersion} /> }] : []),
        ]}
      />
    </Drawer>
  );
}

interface PostValues {
  memberId: number;
  post: CommitteePost;
  termStart: Dayjs;
  termEnd?: Dayjs | null;
}

function PostsTab({ org, onChanged }: { org: OrgNode; onChanged: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PostValues>();
  const { data, loading, error: loadError, reload: load } = useRemote(() => api.orgs.posts(org.id), [org.id]);
  const posts = data ?? [];
  const { run: add, busy: saving, error: formError } = useAction(async (v: PostValues) => {
    await api.orgs.addPost(org.id, {
      memberId: v.memberId,
      post: v.post,
      termStart: v.termStart.format(DAY),
      termEnd: v.termEnd ? v.termEnd.format(DAY) : undefined,
    });
    message.success('已任命');
    form.resetFields(['memberId', 'post']);
    onChanged();
    await load();
  });

  const end = async (p: OrgPostView) => {
    try {
      await api.orgs.endPost(org.id, p.id);
      message.success(`已结束 ${p.memberName} 的${COMMITTEE_POST_LABELS[p.post]}职务`);
      onChanged();
      await load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <LoadError error={loadError} onRetry={load} />
      <Table<OrgPostView>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={posts}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未设置班子成员" /> }}
        columns={[
          { title: '职务', dataIndex: 'post', render: (p: CommitteePost) => <Tag color="red">{COMMITTEE_POST_LABELS[p]}</Tag> },
          { title: '姓名', dataIndex: 'memberName' },
          { title: '任职开始', dataIndex: 'termStart' },
          { title: '任期至', dataIndex: 'termEnd', render: (v: string | null) => v ?? '—' },
          {
            title: '操作',
            key: 'op',
            render: (_, p) => (
              <Popconfirm title={`结束 ${p.memberName} 的${COMMITTEE_POST_LABELS[p.post]}职务？`} okText="结束任职" onConfirm={() => end(p)}>
                <Button type="link" size="small" danger>
                  结束任职
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        任命职务
      </Typography.Title>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Form<PostValues> form={form} layout="vertical" onFinish={add} initialValues={{ termStart: dayjs() }}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请选择党员' }]}>
              <MemberSelect orgId={org.id} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="post" label="职务" rules={[{ required: true, message: '请选择职务' }]}>
              <Select
                placeholder="选择职务"
                options={COMMITTEE_POSTS.filter((p) => (org.type === 'group' ? p === 'group_leader' : p !== 'group_leader')).map((p) => ({
                  value: p,
                  label: COMMITTEE_POST_LABELS[p] + (SINGLE_HOLDER_POSTS.includes(p) && posts.some((x) => x.post === p) ? '（已有）' : ''),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="termStart" label="任职开始" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="termEnd" label="任期至（可选）">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={saving}>
          任命
        </Button>
      </Form>
    </>
  );
}

interface TermValues {
  electedAt: Dayjs;
  termYears: number;
  note?: string;
}

function TermsTab({ org, onChanged }: { org: OrgNode; onChanged: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TermValues>();
  const { data, loading, error: loadError, reload: load } = useRemote(() => api.orgs.terms(org.id), [org.id]);
  const terms = data ?? [];
  const { run: record, busy: saving, error: formError } = useAction(async (v: TermValues) => {
    await api.orgs.termChange(org.id, { electedAt: v.electedAt.format(DAY), termYears: v.termYears, note: v.note?.trim() || undefined });
    message.success('换届已记录，原班子成员的职务已全部结束，请任命新一届班子成员');
    form.resetFields();
    onChanged();
    await load();
  });

  return (
    <>
      <LoadError error={loadError} onRetry={load} />
      <Table<OrgTermView>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={terms}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无换届记录" /> }}
        columns={[
          { title: '届次', dataIndex: 'termNo', render: (n: number) => `第${n}届` },
          { title: '选举日期', dataIndex: 'electedAt' },
          { title: '任期（年）', dataIndex: 'termYears' },
          { title: '届满', key: 'end', render: (_, t) => dayjs(t.electedAt).add(t.termYears, 'year').format(DAY) },
          { title: '备注', dataIndex: 'note', render: (v: string | null) => v || '—' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        记录换届
      </Typography.Title>
      <Alert type="warning" showIcon title="记录换届后，现任班子成员的职务将全部结束。" style={{ marginBottom: 12 }} />
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Form<TermValues> form={form} layout="vertical" onFinish={record} initialValues={{ termYears: org.type === 'committee' ? 5 : 3 }}>
        <Space align="start" wrap>
          <Form.Item name="electedAt" label="选举日期" rules={[{ required: true, message: '请选择选举日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="termYears" label="任期（年）" rules={[{ required: true, message: '请输入任期' }]}>
            <InputNumber min={1} max={5} precision={0} />
          </Form.Item>
          <Form.Item name="note" label="备注" style={{ width: 280 }}>
            <Input maxLength={500} placeholder="可选" />
          </Form.Item>
        </Space>
        <Popconfirm title="确认记录换届？现任班子成员的职务将全部结束。" okText="确认换届" onConfirm={() => form.submit()}>
          <Button type="primary" loading={saving}>
            记录换届
          </Button>
        </Popconfirm>
      </Form>
    </>
  );
}
