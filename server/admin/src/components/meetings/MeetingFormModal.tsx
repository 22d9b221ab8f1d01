import { Alert, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { MeetingCreateRequest, MeetingDetail, MeetingType, MeetingUpdateRequest, OrgNode } from '@dangjian/shared';
import { COMMITTEE_POST_LABELS, MEETING_DURATIONS, MEETING_TYPE_RULES } from '@dangjian/shared';
import { api } from '../../api';
import { useAction } from '../../useAction';
import { useRemote } from '../../useRemote';
import { changedFields } from '../../formDiff';
import { durationLabel, typeRuleText } from './meetingTags';
import { LocationFields, type LocationValues, toLocation } from './LocationFields';

const TIME = 'YYYY-MM-DD HH:mm';

interface Values extends LocationValues {
  type: MeetingType;
  title: string;
  startsAt: Dayjs;
  durationDays: number;
  feedbackDeadline: Dayjs;
  hostMemberId: number;
  venue: string;
  online: boolean;
  groupId?: number;
  requiredRatio?: number;
  agenda?: string;
}

type Props = { onClose: () => void; onSaved: (m: MeetingDetail) => void } & ({ branch: OrgNode; meeting?: undefined } | { meeting: MeetingDetail; branch?: undefined });

/**
 * 新建 / 修改会议 (MEET-1…MEET-5, MEET-8): the type (only those the tenant enabled), the time (not
 * past, the feedback deadline before it), the host from the branch committee, the venue or online,
 * optional location check-in, the group of a group meeting and the ratio where the type has one.
 */
export function MeetingFormModal({ branch, meeting, onClose, onSaved }: Props) {
  const orgId = meeting ? meeting.orgId : branch.id;
  const [form] = Form.useForm<Values>();
  const types = useRemote(() => (meeting ? Promise.resolve([]) : api.meetings.types()), [meeting]);
  const posts = useRemote(() => api.orgs.posts(orgId), [orgId]);
  const type = (Form.useWatch('type', form) ?? meeting?.type) as MeetingType | undefined;
  const online = Form.useWatch('online', form) ?? false;
  const rule = type ? MEETING_TYPE_RULES[type] : null;
  const groups = (branch?.children ?? []).filter((c) => c.type === 'group');

  // One option per committee member, with every post they hold.
  const hosts = new Map<number, string[]>();
  for (const p of posts.data ?? []) hosts.set(p.memberId, [...(hosts.get(p.memberId) ?? [p.memberName]), COMMITTEE_POST_LABELS[p.post]]);
  const noCommittee = posts.data !== undefined && hosts.size === 0;

  const initial: Partial<Values> = meeting
    ? {
        type: meeting.type,
        title: meeting.title,
        startsAt: dayjs(meeting.startsAt),
        durationDays: meeting.durationDays,
        feedbackDeadline: dayjs(meeting.feedbackDeadline),
        hostMemberId: meeting.hostMemberId,
        venue: meeting.venue,
        online: meeting.online,
        requiredRatio: meeting.requiredRatio ?? undefined,
        agenda: meeting.agenda ?? undefined,
        useLocation: meeting.location !== null,
        ...meeting.location,
      }
    : { durationDays: 0.5, online: false, useLocation: false, radiusMeters: 200, requiredRatio: 80 };

  const toRequest = (v: Values): Omit<MeetingCreateRequest, 'orgId' | 'type' | 'location'> & Pick<MeetingUpdateRequest, 'location'> => ({
    title: v.title.trim(),
    startsAt: v.startsAt.second(0).millisecond(0).toISOString(),
    durationDays: v.durationDays,
    feedbackDeadline: v.feedbackDeadline.second(0).millisecond(0).toISOString(),
    hostMemberId: v.hostMemberId,
    venue: v.venue.trim(),
    online: v.online,
    location: v.online ? null : toLocation(v),
    requiredRatio: rule?.ratio ? v.requiredRatio : undefined,
    agenda: v.agenda?.trim() || undefined,
  });

  const { run: save, busy: saving, error } = useAction(async (v: Values) => {
    if (!meeting) {
      const request = toRequest(v);
      onSaved(await api.meetings.create({ orgId, type: v.type, groupId: v.type === 'group' ? v.groupId : undefined, ...request, location: request.location ?? undefined }));
      return;
    }
    const patch: MeetingUpdateRequest = changedFields(toRequest({ ...v, ...initial } as Values), toRequest(v));
    if (Object.keys(patch).length === 0) onClose();
    else onSaved(await api.meetings.update(meeting.id, patch));
  });

  const unchanged = (field: 'startsAt' | 'feedbackDeadline', d: Dayjs) => meeting !== undefined && initial[field]?.isSame(d, 'minute');
  const notPast = (field: 'startsAt' | 'feedbackDeadline', what: string) => ({
    validator: (_: unknown, d: Dayjs | null) => (d && d.isBefore(dayjs()) && !unchanged(field, d) ? Promise.reject(new Error(`${what}不能早于现在`)) : Promise.resolve()),
  });
  const beforeStart = {
    validator: (_: unknown, d: Dayjs | null) => {
      const start = form.getFieldValue('startsAt') as Dayjs | undefined;
      return d && start && !d.isBefore(start) ? Promise.reject(new Error('反馈截止须早于会议开始')) : Promise.resolve();
    },
  };
  const picker = { showTime: { format: 'HH:mm' }, format: TIME, style: { width: '100%' }, disabledDate: (d: Dayjs) => d.isBefore(dayjs(), 'day') };

  return (
    <Modal open width={760} title={meeting ? '修改会议' : '新建会议'} okText={meeting ? '保存' : '创建'} confirmLoading={saving} okButtonProps={{ disabled: noCommittee }} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      {noCommittee && <Alert type="warning" showIcon title="请先维护支部委员会" description="会议主持人须为支部委员，请在「组织与党员」中为该支部任命班子成员。" style={{ marginBottom: 16 }} data-testid="no-committee" />}
      <Form<Values> form={form} layout="vertical" initialValues={initial} name="meeting" onFinish={save} onValuesChange={(c) => 'startsAt' in c && form.getFieldValue('feedbackDeadline') && void form.validateFields(['feedbackDeadline'])}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="type" label="会议类型" extra={type ? typeRuleText(type) : undefined} rules={[{ required: true, message: '请选择会议类型' }]}>
              <Select disabled={!!meeting} loading={types.loading} placeholder="选择类型" notFoundContent={types.error ?? '没有可用的会议类型'}
                options={(meeting ? [{ type: meeting.type, enabled: true }] : (types.data ?? [])).filter((t) => t.enabled).map((t) => ({ value: t.type, label: MEETING_TYPE_RULES[t.type].label }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="title" label="会议名称" rules={[{ required: true, whitespace: true, message: '请输入会议名称' }]}>
              <Input maxLength={100} placeholder={`如：${dayjs().year()}年第${Math.ceil((dayjs().month() + 1) / 3)}季度${rule?.label ?? '支部党员大会'}`} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="startsAt" label="开始时间" rules={[{ required: true, message: '请选择开始时间' }, notPast('startsAt', '开始时间')]}>
              <DatePicker {...picker} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="durationDays" label="会期" rules={[{ required: true, message: '请选择会期' }]}>
              <Select options={MEETING_DURATIONS.map((d) => ({ value: d, label: durationLabel(d) }))} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="feedbackDeadline" label="反馈截止" extra="党员须在此前反馈参加或请假" rules={[{ required: true, message: '请选择反馈截止时间' }, notPast('feedbackDeadline', '反馈截止时间'), beforeStart]}>
              <DatePicker {...picker} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="hostMemberId" label="主持人" rules={[{ required: true, message: '请选择主持人' }]}>
              <Select loading={posts.loading} disabled={noCommittee} placeholder={noCommittee ? '请先维护支部委员会' : '从支部委员中选择'} notFoundContent={posts.error}
                options={[...hosts].map(([id, [name, ...labels]]) => ({ value: id, label: `${name}（${labels.join('、')}）` }))} />
            </Form.Item>
          </Col>
          <Col span={type === 'group' || rule?.ratio ? 8 : 14}>
            <Form.Item name="venue" label={online ? '会议平台 / 链接' : '会议地点'} rules={[{ required: true, whitespace: true, message: online ? '请填写会议平台或链接' : '请填写会议地点' }]}>
              <Input maxLength={200} placeholder={online ? '如：腾讯会议 123-456-789' : '如：党员活动室'} />
            </Form.Item>
          </Col>
          {type === 'group' && !meeting && (
            <Col span={6}>
              <Form.Item name="groupId" label="党小组" rules={[{ required: true, message: '请选择党小组' }]}>
                <Select placeholder={groups.length ? '选择党小组' : '该支部没有党小组'} disabled={!groups.length} options={groups.map((g) => ({ value: g.id, label: g.name }))} />
              </Form.Item>
            </Col>
          )}
          {rule?.ratio && (
            <Col span={6}>
              <Form.Item name="requiredRatio" label="参会比例" tooltip="反馈参加的人数达到该比例方可开会（MEET-5）" rules={[{ required: true, message: '请填写参会比例' }]}>
                <InputNumber min={1} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          <Col span={4}>
            <Form.Item name="online" label="线上会议" valuePropName="checked">
              <Switch checkedChildren="视频会议" unCheckedChildren="现场" />
            </Form.Item>
          </Col>
          {!online && <LocationFields />}
        </Row>
        <Form.Item name="agenda" label="会议议程" style={{ marginBottom: 0 }}>
          <Input.TextArea rows={2} maxLength={2000} showCount placeholder="可选：议题与安排" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
