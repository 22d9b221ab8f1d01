/**
 * Organisational life 组织生活 (SPEC §4, MEET-1…MEET-12): the six meeting types and their flows as
 * data. The server refuses any transition this table does not allow; the mini-program and the
 * admin page draw the meeting's timeline from the same table.
 */
import { beijingParts } from './time.js';

export const MEETING_TYPES = ['general_assembly', 'committee', 'group', 'lecture', 'theme_day', 'life_and_review'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const MEETING_STATES = [
  'created',
  'pre_noticed',
  'materials_submitted',
  'materials_rejected',
  'materials_approved',
  'notified',
  'held',
  'recorded',
  'evaluated',
  'summarized',
  'submitted',
  'rejected',
  'filed',
  'done',
  'closed',
] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

export const MEETING_STATE_LABELS: Record<MeetingState, string> = {
  created: '已创建',
  pre_noticed: '已预通知',
  materials_submitted: '材料待审核',
  materials_rejected: '材料被退回',
  materials_approved: '材料已通过',
  notified: '已通知',
  held: '进行中',
  recorded: '已记录',
  evaluated: '评议结果已上传',
  summarized: '已总结',
  submitted: '待上级审核',
  rejected: '被上级退回',
  filed: '已报备',
  done: '已完成',
  closed: '会后整改已记录',
};

/** Who acts: the branch's admins, the parent organisation's admins, a scheduled job. */
export type MeetingActor = 'branch_admin' | 'parent_admin' | 'system';

/** What a transition needs; the server establishes each from the meeting's data. */
export const MEETING_REQUIREMENTS = ['invitees', 'start_reached', 'ratio_met', 'minutes', 'summary', 'outlines', 'evaluation', 'reason', 'work_record'] as const;
export type MeetingRequirement = (typeof MEETING_REQUIREMENTS)[number];

export const MEETING_REQUIREMENT_LABELS: Record<MeetingRequirement, string> = {
  invitees: '选择参会人员',
  start_reached: '到达会议开始时间',
  ratio_met: '反馈参会人数达到参会比例',
  minutes: '填写会议纪要',
  summary: '填写党课总结',
  outlines: '全体参会党员上传发言提纲',
  evaluation: '完成民主评议并上传评议结果',
  reason: '填写退回理由',
  work_record: '填写会后整改工作记录',
};

export const MEETING_ACTIONS = [
  'notify',
  'pre_notice',
  'submit_materials',
  'approve_materials',
  'reject_materials',
  'resubmit_materials',
  'hold',
  'record',
  'upload_evaluation',
  'summarize',
  'submit',
  'approve',
  'reject',
  'resubmit',
  'confirm',
  'file',
  'acknowledge',
  'record_followup',
] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];

export const MEETING_ACTION_LABELS: Record<MeetingAction, string> = {
  notify: '发送会议通知',
  pre_notice: '发送预通知',
  submit_materials: '提交会前材料',
  approve_materials: '审核通过材料',
  reject_materials: '退回材料',
  resubmit_materials: '重新提交材料',
  hold: '开始会议',
  record: '填写会议纪要',
  upload_evaluation: '上传评议结果',
  summarize: '填写党课总结',
  submit: '提交上级审核',
  approve: '审核通过',
  reject: '退回',
  resubmit: '重新提交审核',
  confirm: '支部确认',
  file: '报备上级',
  acknowledge: '上级已阅',
  record_followup: '记录会后整改',
};

export interface MeetingTransition {
  action: MeetingAction;
  from: MeetingState;
  to: MeetingState;
  /** Who may take it; `system` transitions (the start time) an admin may also take by hand. */
  actors: readonly MeetingActor[];
  requires: readonly MeetingRequirement[];
}

export type MeetingFrequency = 'month' | 'quarter' | 'year';

export interface MeetingTypeRule {
  label: string;
  /** Who is invited: every member of the branch, its committee, or one group's members. */
  invitees: 'branch' | 'committee' | 'group';
  /** MEET-5: a required attendance ratio is set at creation. */
  ratio: boolean;
  /** MEET-11: how often a branch must hold one. */
  frequency: MeetingFrequency;
  /** SPEC §7: points to each attendee and their cap per period. */
  points: number;
  /** The states in the order the timeline shows them (the main path, without the return loops). */
  timeline: readonly MeetingState[];
  transitions: readonly MeetingTransition[];
}

const t = (action: MeetingAction, from: MeetingState, to: MeetingState, actors: readonly MeetingActor[], requires: readonly MeetingRequirement[] = []): MeetingTransition => ({ action, from, to, actors, requires });
const ADMIN = ['branch_admin'] as const;
const PARENT = ['parent_admin'] as const;
const AT_START = ['system', 'branch_admin'] as const;

/** create → notify → feedback → (held) → record → submit for review → parent reviews → done; a rejection returns for resubmission. */
const reviewed = (ratio: boolean): Pick<MeetingTypeRule, 'timeline' | 'transitions'> => ({
  timeline: ['created', 'notified', 'held', 'recorded', 'submitted', 'done'],
  transitions: [
    t('notify', 'created', 'notified', ADMIN, ['invitees']),
    t('hold', 'notified', 'held', AT_START, ratio ? ['start_reached', 'ratio_met'] : ['start_reached']),
    t('record', 'held', 'recorded', ADMIN, ['minutes']),
    t('submit', 'recorded', 'submitted', ADMIN),
    t('approve', 'submitted', 'done', PARENT),
    t('reject', 'submitted', 'rejected', PARENT, ['reason']),
    t('resubmit', 'rejected', 'submitted', ADMIN, ['minutes']),
  ],
});

export const MEETING_TYPE_RULES: Record<MeetingType, MeetingTypeRule> = {
  general_assembly: { label: '支部党员大会', invitees: 'branch', ratio: true, frequency: 'quarter', points: 30, ...reviewed(true) },
  committee: { label: '支部委员会', invitees: 'committee', ratio: false, frequency: 'month', points: 10, ...reviewed(false) },
  group: {
    label: '党小组会',
    invitees: 'group',
    ratio: false,
    frequency: 'month',
    points: 10,
    timeline: ['created', 'notified', 'held', 'recorded', 'done'],
    transitions: [
      t('notify', 'created', 'notified', ADMIN, ['invitees']),
      t('hold', 'notified', 'held', AT_START, ['start_reached']),
      t('record', 'held', 'recorded', ADMIN, ['minutes']),
      t('confirm', 'recorded', 'done', ADMIN),
    ],
  },
  lecture: {
    label: '支部党课',
    invitees: 'branch',
    ratio: false,
    frequency: 'quarter',
    points: 30,
    timeline: ['created', 'notified', 'held', 'recorded', 'summarized', 'filed', 'done'],
    transitions: [
      t('notify', 'created', 'notified', ADMIN, ['invitees']),
      t('hold', 'notified', 'held', AT_START, ['start_reached']),
      t('record', 'held', 'recorded', ADMIN, ['minutes']),
      t('summarize', 'recorded', 'summarized', ADMIN, ['summary']),
      t('file', 'summarized', 'filed', ADMIN),
      t('acknowledge', 'filed', 'done', PARENT),
    ],
  },
  theme_day: {
    label: '主题党日',
    invitees: 'branch',
    ratio: true,
    frequency: 'month',
    points: 10,
    timeline: ['created', 'notified', 'held', 'recorded', 'filed', 'done'],
    transitions: [
      t('notify', 'created', 'notified', ADMIN, ['invitees']),
      t('hold', 'notified', 'held', AT_START, ['start_reached', 'ratio_met']),
      t('record', 'held', 'recorded', ADMIN, ['minutes']),
      t('file', 'recorded', 'filed', ADMIN),
      t('acknowledge', 'filed', 'done', PARENT),
    ],
  },
  life_and_review: {
    label: '组织生活会和民主评议党员',
    invitees: 'branch',
    ratio: false,
    frequency: 'year',
    points: 30,
    timeline: ['created', 'pre_noticed', 'materials_submitted', 'materials_approved', 'notified', 'held', 'recorded', 'evaluated', 'submitted', 'done', 'closed'],
    transitions: [
      t('pre_notice', 'created', 'pre_noticed', ADMIN, ['invitees']),
      t('submit_materials', 'pre_noticed', 'materials_submitted', ADMIN, ['outlines']),
      t('approve_materials', 'materials_submitted', 'materials_approved', PARENT),
      t('reject_materials', 'materials_submitted', 'materials_rejected', PARENT, ['reason']),
      t('resubmit_materials', 'materials_rejected', 'materials_submitted', ADMIN, ['outlines']),
      t('notify', 'materials_approved', 'notified', ADMIN),
      t('hold', 'notified', 'held', AT_START, ['start_reached']),
      t('record', 'held', 'recorded', ADMIN, ['minutes']),
      t('upload_evaluation', 'recorded', 'evaluated', ADMIN, ['evaluation']),
      t('submit', 'evaluated', 'submitted', ADMIN),
      t('approve', 'submitted', 'done', PARENT),
      t('reject', 'submitted', 'rejected', PARENT, ['reason']),
      t('resubmit', 'rejected', 'submitted', ADMIN, ['evaluation']),
      t('record_followup', 'done', 'closed', ADMIN, ['work_record']),
    ],
  },
};

/** What the meeting's data says about each requirement (the server fills it in). */
export type MeetingFacts = Partial<Record<MeetingRequirement, boolean>>;

export type TransitionCheck =
  | { ok: true; to: MeetingState }
  | { ok: false; error: 'not_allowed' | 'wrong_actor' | 'missing'; message: string; missing?: MeetingRequirement[] };

/**
 * Whether `actor` may take `action` from `state`, and what is missing. The message names the
 * current step and what it lacks, for the user to read.
 */
export function checkMeetingTransition(type: MeetingType, state: MeetingState, action: MeetingAction, actor: MeetingActor, facts: MeetingFacts): TransitionCheck {
  const rule = MEETING_TYPE_RULES[type];
  const tr = rule.transitions.find((x) => x.action === action && x.from === state);
  const here = `当前环节为“${MEETING_STATE_LABELS[state]}”`;
  if (!tr) return { ok: false, error: 'not_allowed', message: `${here}，不能${MEETING_ACTION_LABELS[action]}` };
  if (!tr.actors.includes(actor)) {
    return { ok: false, error: 'wrong_actor', message: `${MEETING_ACTION_LABELS[action]}须由${tr.actors.includes('parent_admin') ? '上级党组织' : '支部管理员'}办理` };
  }
  const missing = tr.requires.filter((r) => !facts[r]);
  if (missing.length) {
    return { ok: false, error: 'missing', missing, message: `${here}，${MEETING_ACTION_LABELS[action]}前还需：${missing.map((r) => MEETING_REQUIREMENT_LABELS[r]).join('、')}` };
  }
  return { ok: true, to: tr.to };
}

/** The transitions `actor` could take next (the buttons a client shows). */
export function availableMeetingActions(type: MeetingType, state: MeetingState, actor: MeetingActor): MeetingTransition[] {
  return MEETING_TYPE_RULES[type].transitions.filter((x) => x.from === state && x.actors.includes(actor));
}

export type MeetingPhase = 'upcoming' | 'ongoing' | 'ended';
export const MEETING_PHASE_LABELS: Record<MeetingPhase, string> = { upcoming: '未开始', ongoing: '进行中', ended: '已结束' };

/** 未开始 / 进行中 / 已结束 for the members' list. */
export function meetingPhase(state: MeetingState): MeetingPhase {
  if (state === 'held') return 'ongoing';
  return ['created', 'pre_noticed', 'materials_submitted', 'materials_rejected', 'materials_approved', 'notified'].includes(state) ? 'upcoming' : 'ended';
}

/** Member actions: feedback (attend / leave) while notified, before the deadline (MEET-4); speech outlines while pre-noticed. */
export function memberMayGiveFeedback(state: MeetingState): boolean {
  return state === 'notified';
}
export function memberMayUploadOutline(type: MeetingType, state: MeetingState): boolean {
  return type === 'life_and_review' && (state === 'pre_noticed' || state === 'materials_rejected');
}

/** MEET-2: the duration choices, in days. */
export const MEETING_DURATIONS = [0.5, 1, 1.5, 2, 3] as const;

/** MEET-5: attending feedback reaches the required ratio (e.g. 0.8) of those invited. */
export function ratioMet(attending: number, invited: number, required: number | null): boolean {
  if (required == null) return true;
  return invited > 0 && attending >= Math.ceil(required * invited - 1e-9);
}

/** MEET-5: the actual ratio 实际到会比例 = present ÷ expected, rounded to a whole percent. */
export function actualRatioPercent(present: number, expected: number): number {
  return expected > 0 ? Math.round((present * 100) / expected) : 0;
}

/**
 * MEET-6 (支部工作条例): a branch general meeting needs more than half of the full members (those
 * with a vote; probationary members do not count) present; a resolution passes with the votes of
 * more than half of the full members who should attend.
 */
export function generalAssemblyValidity(input: { fullMembers: number; fullPresent: number; votesFor?: number }): { quorum: boolean; passed: boolean | null } {
  const quorum = input.fullPresent * 2 > input.fullMembers;
  return { quorum, passed: input.votesFor == null ? null : quorum && input.votesFor * 2 > input.fullMembers };
}

/** MEET-11: the period a meeting counts for, in Beijing time: 2026-11, 2026-Q4, 2026. */
export function meetingPeriodKey(frequency: MeetingFrequency, at: Date): string {
  const { year, month } = beijingParts(at);
  if (frequency === 'year') return String(year);
  if (frequency === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** MEET-12: democratic evaluation 民主评议 grades. */
export const EVALUATION_GRADES = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];
export const EVALUATION_GRADE_LABELS: Record<EvaluationGrade, string> = { excellent: '优秀', qualified: '合格', basically_qualified: '基本合格', unqualified: '不合格' };

/**
 * MEET-12: the branch's ratings are complete and lawful: every full member graded, probationary
 * members not graded (they take part), and 优秀 at most one third of those graded.
 */
export function evaluationProblems(ratings: Array<{ name: string; probationary: boolean; grade: EvaluationGrade | null }>): string[] {
  const problems: string[] = [];
  for (const r of ratings) {
    if (r.probationary && r.grade) problems.push(`${r.name}为预备党员，不评定等次`);
    if (!r.probationary && !r.grade) problems.push(`${r.name}尚未评定等次`);
  }
  const graded = ratings.filter((r) => !r.probationary && r.grade).length;
  const excellent = ratings.filter((r) => !r.probationary && r.grade === 'excellent').length;
  if (excellent * 3 > graded) problems.push(`评为优秀的不能超过参评正式党员的三分之一（最多${Math.floor(graded / 3)}人）`);
  return problems;
}
