import { Tag } from 'antd';
import type { MeetingPhase, MeetingState, MeetingType } from '@dangjian/shared';
import { MEETING_PHASE_LABELS, MEETING_STATE_LABELS, MEETING_TYPE_RULES } from '@dangjian/shared';

export { formatTime } from '../branch/postState';

const TYPE_COLORS: Record<MeetingType, string> = {
  general_assembly: 'red',
  committee: 'volcano',
  group: 'orange',
  lecture: 'gold',
  theme_day: 'magenta',
  life_and_review: 'purple',
};

const STATE_COLORS: Partial<Record<MeetingState, string>> = {
  pre_noticed: 'blue',
  materials_submitted: 'orange',
  materials_rejected: 'red',
  materials_approved: 'cyan',
  notified: 'blue',
  held: 'green',
  submitted: 'orange',
  filed: 'orange',
  rejected: 'red',
  done: 'success',
  closed: 'success',
};

const PHASE_COLORS: Record<MeetingPhase, string> = { upcoming: 'blue', ongoing: 'green', ended: 'default' };

export const TypeTag = ({ type }: { type: MeetingType }) => (
  <Tag color={TYPE_COLORS[type]} style={{ marginInlineEnd: 0 }}>
    {MEETING_TYPE_RULES[type].label}
  </Tag>
);

export const StateTag = ({ state }: { state: MeetingState }) => (
  <Tag color={STATE_COLORS[state] ?? 'default'} style={{ marginInlineEnd: 0 }} data-testid="meeting-state">
    {MEETING_STATE_LABELS[state]}
  </Tag>
);

/** 未开始 / 进行中 / 已结束 beside the state, unless the state says the same (进行中). */
export const PhaseTag = ({ phase, state }: { phase: MeetingPhase; state: MeetingState }) =>
  MEETING_PHASE_LABELS[phase] === MEETING_STATE_LABELS[state] ? null : (
    <Tag color={PHASE_COLORS[phase]} style={{ marginInlineEnd: 0 }}>
      {MEETING_PHASE_LABELS[phase]}
    </Tag>
  );

/** MEET-2 durations as people say them. */
export const durationLabel = (days: number) => (days === 0.5 ? '半天' : `${days}天`);

const FREQUENCY_LABELS = { month: '每月', quarter: '每季度', year: '每年' } as const;
const INVITEE_LABELS = { branch: '全体党员', committee: '支部委员', group: '党小组成员' } as const;

/** What a type's rule says, in one line: who attends, how often, whether a ratio applies. */
export function typeRuleText(type: MeetingType): string {
  const r = MEETING_TYPE_RULES[type];
  return `${INVITEE_LABELS[r.invitees]}参加 · ${FREQUENCY_LABELS[r.frequency]}至少一次${r.ratio ? ' · 须设参会比例' : ''}`;
}
