import { Alert, App, Button, Empty, Form, Input, Select } from 'antd';
import type { MeetingDetail, MeetingRecordRequest, MeetingState } from '@dangjian/shared';
import { api } from '../../api';
import { useAction } from '../../useAction';
import { ImageUpload, imageKey, storedImage, type ImageFile } from '../branch/ImageUpload';
import { ResolutionFields, type ResolutionValues, toResolution } from './ResolutionFields';
import { MeetingRecordView } from './MeetingRecordView';

interface Values extends ResolutionValues {
  minutes?: string;
  summary?: string;
  followup?: string;
  presentMemberIds: number[];
  images: ImageFile[];
}

/** States in which the branch keeps its record; the life meeting's 会后整改 comes after 已完成. */
const RECORDING: MeetingState[] = ['held', 'recorded', 'evaluated', 'summarized', 'rejected'];

/**
 * 会议记录: the minutes; the lecture's summary; the life meeting's follow-up; the general assembly's
 * resolution and vote against its quorum (MEET-6); who was present (check-in, corrected by the
 * admin); photos. Outside the recording steps, and for reviewers, it is read as MeetingRecordView.
 */
export function MeetingRecordForm({ meeting: m, onSaved }: { meeting: MeetingDetail; onSaved: (m: MeetingDetail) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const editable = m.isAdmin && (RECORDING.includes(m.state) || (m.type === 'life_and_review' && m.state === 'done'));
  const { run: save, busy, error } = useAction(async (v: Values) => {
    const req: MeetingRecordRequest = {
      minutes: v.minutes?.trim() ?? '',
      presentMemberIds: v.presentMemberIds,
      images: v.images.map(imageKey).filter((k): k is string => k !== undefined),
    };
    if (m.type === 'lecture') req.summary = v.summary?.trim() ?? '';
    if (m.type === 'life_and_review') req.followup = v.followup?.trim() ?? '';
    if (m.type === 'general_assembly') req.resolution = toResolution(v, m);
    onSaved(await api.meetings.record(m.id, req));
    message.success('会议记录已保存');
  });

  if (m.phase === 'upcoming') return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="会议开始后在此填写会议纪要" />;
  if (!editable) return <MeetingRecordView meeting={m} note={m.isAdmin ? '当前环节不能修改会议记录。' : '会议记录由支部管理员填写。'} />;
  const invitees = m.invitees ?? [];
  const initial: Values = {
    minutes: m.minutes ?? '',
    summary: m.summary ?? '',
    followup: m.followup ?? '',
    presentMemberIds: invitees.filter((i) => i.present).map((i) => i.memberId),
    images: m.images.map(storedImage),
    resolutionText: m.resolution?.text ?? '',
    votesFor: m.resolution?.votesFor,
    votesAgainst: m.resolution?.votesAgainst,
    abstentions: m.resolution?.abstentions,
  };
  const text = (name: 'minutes' | 'summary' | 'followup', label: string, placeholder: string) => (
    <Form.Item name={name} label={label}>
      <Input.TextArea rows={name === 'minutes' ? 6 : 4} maxLength={10000} showCount placeholder={placeholder} />
    </Form.Item>
  );

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={save} name="meeting-record" style={{ maxWidth: 900 }}>
      {text('minutes', '会议纪要', '会议的主要内容、发言和决定')}
      {m.type === 'lecture' && text('summary', '党课总结', '党课的主题、主讲人和收获')}
      {m.type === 'life_and_review' && text('followup', '会后整改工作记录', '查摆问题的整改措施与进展（会议完成后填写）')}
      {m.type === 'general_assembly' && <ResolutionFields meeting={m} />}
      {m.invitees !== null && (
        <Form.Item name="presentMemberIds" label="实到人员" extra="默认以签到为准，可更正（如未带手机的到会党员）">
          <Select mode="multiple" allowClear optionFilterProp="label" placeholder="选择到会的党员" options={invitees.map((i) => ({ value: i.memberId, label: i.name }))} data-testid="present-select" />
        </Form.Item>
      )}
      <Form.Item name="images" label="会议照片（最多 9 张）" extra="JPG、PNG 或 WebP，每张不超过 5MB">
        <ImageUpload max={9} />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Button type="primary" htmlType="submit" loading={busy}>
        保存会议记录
      </Button>
    </Form>
  );
}
