import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import type { MeetingAction, MeetingDetail, MeetingState, MeetingType } from '@dangjian/shared';
import { MEETING_ACTION_LABELS, MEETING_TYPE_RULES } from '@dangjian/shared';
import { api, errorMessage } from '../../api';
import { InviteePicker } from './InviteePicker';

interface Props {
  meeting: { id: number; type: MeetingType; state: MeetingState; title: string };
  /** What the caller may do now: MeetingDetail.actions, or the parent's actions for a review row. */
  actions: MeetingAction[];
  onDone: (m: MeetingDetail, action: MeetingAction) => void;
  /** In a table row the buttons are links and a refusal is a message; on the detail page an alert under them. */
  compact?: boolean;
}

const NEGATIVE: MeetingAction[] = ['reject', 'reject_materials'];

/**
 * The next steps of a meeting as buttons (MEETING_ACTION_LABELS): a step that needs invitees opens
 * the picker, one that needs a reason asks for it, the others are confirmed first. The API's refusal
 * names the current step and what is missing, and is shown as it is.
 */
export function TransitionButtons({ meeting, actions, onDone, compact = false }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<MeetingAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picking, setPicking] = useState<MeetingAction | null>(null);
  const [asking, setAsking] = useState<MeetingAction | null>(null);
  const [reason, setReason] = useState('');
  const needs = (a: MeetingAction) => MEETING_TYPE_RULES[meeting.type].transitions.find((t) => t.action === a && t.from === meeting.state)?.requires ?? [];

  const run = async (action: MeetingAction, extra: { invitees?: number[]; reason?: string } = {}) => {
    setBusy(action);
    setError(null);
    try {
      const m = await api.meetings.transition(meeting.id, action, extra);
      message.success(`已${MEETING_ACTION_LABELS[action]}`);
      setPicking(null);
      setAsking(null);
      onDone(m, action);
    } catch (e) {
      if (compact || picking || asking) message.error(errorMessage(e));
      if (!compact) setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  if (actions.length === 0) return null;
  return (
    <>
      <Space size={compact ? 0 : 8} wrap data-testid="meeting-actions">
        {actions.map((a, i) => {
          const props = { loading: busy === a, danger: NEGATIVE.includes(a), size: compact ? ('small' as const) : undefined };
          const type = compact ? ('link' as const) : i === 0 && !NEGATIVE.includes(a) ? ('primary' as const) : undefined;
          const label = MEETING_ACTION_LABELS[a];
          if (needs(a).includes('invitees')) return <Button key={a} {...props} type={type} onClick={() => setPicking(a)}>{label}</Button>;
          if (needs(a).includes('reason')) return <Button key={a} {...props} type={type} onClick={() => { setReason(''); setAsking(a); }}>{label}</Button>;
          return (
            <Popconfirm key={a} title={`确认${label}？`} description={`“${meeting.title}”`} okText={label} onConfirm={() => run(a)}>
              <Button {...props} type={type}>{label}</Button>
            </Popconfirm>
          );
        })}
      </Space>
      {error && <Alert type="error" showIcon title={error} closable={{ onClose: () => setError(null) }} style={{ marginTop: 12 }} role="alert" data-testid="transition-error" />}
      {picking && <InviteePicker meetingId={meeting.id} title={MEETING_ACTION_LABELS[picking]} busy={busy === picking} onCancel={() => setPicking(null)} onConfirm={(ids) => run(picking, { invitees: ids })} />}
      <Modal open={asking !== null} title={asking ? MEETING_ACTION_LABELS[asking] : ''} okText="确认退回" okButtonProps={{ danger: true, disabled: !reason.trim() }} confirmLoading={asking !== null && busy === asking}
        onOk={() => asking && run(asking, { reason: reason.trim() })} onCancel={() => setAsking(null)} destroyOnHidden>
        <Form layout="vertical">
          <Form.Item label={`退回“${meeting.title}”的理由`} required extra="支部管理员将看到此理由，修改后重新提交">
            <Input.TextArea rows={4} maxLength={500} showCount value={reason} onChange={(e) => setReason(e.target.value)} autoFocus data-testid="reject-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
