import { Steps } from 'antd';
import type { StepsProps } from 'antd';
import dayjs from 'dayjs';
import type { MeetingDetail } from '@dangjian/shared';
import { MEETING_STATE_LABELS } from '@dangjian/shared';

/**
 * The meeting's path (MeetingDetail.timeline, from MEETING_TYPE_RULES) with when each step was
 * reached. A return (被上级退回, 材料被退回) is off the main path: the step it came back from turns red
 * and says so.
 */
export function MeetingTimeline({ meeting }: { meeting: MeetingDetail }) {
  const steps = meeting.timeline;
  const returned = meeting.state === 'rejected' || meeting.state === 'materials_rejected';
  let current = steps.findIndex((s) => s.current);
  // The server shows a return on the step it came back from; should none be marked, the last reached.
  if (current < 0) current = steps.reduce((last, s, i) => (s.at ? i : last), 0);
  const items: StepsProps['items'] = steps.map((s, i) => ({
    title: returned && i === current ? MEETING_STATE_LABELS[meeting.state] : MEETING_STATE_LABELS[s.state],
    content: s.at ? dayjs(s.at).format('MM-DD HH:mm') : undefined,
  }));
  return (
    <Steps
      size="small"
      titlePlacement="vertical"
      current={current}
      status={returned ? 'error' : meeting.state === steps[steps.length - 1]?.state ? 'finish' : 'process'}
      items={items}
      data-testid="meeting-timeline"
      style={{ margin: '8px 0 16px' }}
    />
  );
}
