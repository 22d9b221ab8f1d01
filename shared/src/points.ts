/**
 * Points 积分 (SPEC §7, PTS-1…PTS-5): the built-in rule table and the cap arithmetic, pure so the
 * server awards exactly what is tested here and the clients show the same rules.
 */
import { MEETING_TYPE_RULES, MEETING_TYPES, type MeetingType } from './meetings.js';
import { beijingDate, beijingParts } from './time.js';

export const POINTS_CATEGORIES = ['learning', 'org_life', 'vanguard'] as const;
export type PointsCategory = (typeof POINTS_CATEGORIES)[number];
export const POINTS_CATEGORY_LABELS: Record<PointsCategory, string> = { learning: '教育学习', org_life: '组织生活', vanguard: '先锋作用' };

export const CAP_PERIODS = ['day', 'month', 'quarter', 'year'] as const;
export type CapPeriod = (typeof CAP_PERIODS)[number];
export const CAP_PERIOD_LABELS: Record<CapPeriod, string> = { day: '每天', month: '每月', quarter: '每季度', year: '每年' };

export interface PointsRuleDef {
  code: string;
  category: PointsCategory;
  name: string;
  /** Points per award. */
  points: number;
  /** At most this many points per member and period (null: no cap). */
  cap: number | null;
  capPeriod: CapPeriod;
}

const meetingRule = (type: MeetingType): PointsRuleDef => {
  const r = MEETING_TYPE_RULES[type];
  return { code: `meeting.${type}`, category: 'org_life', name: `参加${r.label}`, points: r.points, cap: r.points, capPeriod: r.frequency };
};

/** SPEC §7 (甘肃党建 003): the built-in rules every tenant starts with; tenants change only the values. */
export const BUILTIN_POINTS_RULES: readonly PointsRuleDef[] = [
  { code: 'login.daily', category: 'learning', name: '每日首次登录', points: 1, cap: 1, capPeriod: 'day' },
  { code: 'learning.favorite', category: 'learning', name: '收藏', points: 1, cap: 2, capPeriod: 'day' },
  { code: 'learning.comment', category: 'learning', name: '评论', points: 2, cap: 4, capPeriod: 'day' },
  { code: 'learning.like', category: 'learning', name: '点赞', points: 1, cap: 1, capPeriod: 'day' },
  { code: 'learning.share', category: 'learning', name: '分享', points: 1, cap: 2, capPeriod: 'day' },
  { code: 'learning.read', category: 'learning', name: '阅读文章满30秒', points: 1, cap: 2, capPeriod: 'day' },
  { code: 'learning.video', category: 'learning', name: '观看视频每3分钟', points: 1, cap: 10, capPeriod: 'day' },
  { code: 'learning.quiz', category: 'learning', name: '完成5道答题', points: 2, cap: 4, capPeriod: 'day' },
  { code: 'learning.platform', category: 'learning', name: '访问学习平台', points: 1, cap: 5, capPeriod: 'day' },
  ...MEETING_TYPES.map(meetingRule),
  { code: 'aid.donation_listed', category: 'vanguard', name: '发布微捐赠并通过审核', points: 2, cap: null, capPeriod: 'day' },
  { code: 'aid.donation_done', category: 'vanguard', name: '微捐赠完成', points: 10, cap: null, capPeriod: 'day' },
  { code: 'aid.wish_done', category: 'vanguard', name: '认领心愿并完成', points: 10, cap: null, capPeriod: 'day' },
  { code: 'aid.snapshot_approved', category: 'vanguard', name: '随手拍通过审核', points: 2, cap: 6, capPeriod: 'day' },
];

/** The period an award counts in, Beijing time: 2026-11-22, 2026-11, 2026-Q4, 2026. */
export function periodKey(period: CapPeriod, at: Date): string {
  const { year, month } = beijingParts(at);
  if (period === 'day') return beijingDate(at);
  if (period === 'month') return `${year}-${String(month).padStart(2, '0')}`;
  if (period === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return String(year);
}

/**
 * PTS-1: what an award may add given what the member already earned under the rule in the period:
 * the rule's points, cut to what is left of the cap (never above it, never negative).
 */
export function cappedAward(points: number, cap: number | null, earnedInPeriod: number): number {
  if (points <= 0) return 0;
  if (cap === null) return points;
  return Math.max(0, Math.min(points, cap - earnedInPeriod));
}

/** PTS-3: a declaration's states as members and admins read them. */
export const POINTS_DECLARATION_STATE_LABELS = { pending: '待审核', approved: '已通过', rejected: '已驳回' } as const;

/**
 * What earned a ledger entry (PointsEntryView.sourceType) as members read it: the source types the
 * award callers use (branch posts and comments, meetings, the daily login, 党员e家, declarations,
 * reversals, and the demo's quizzes). Unknown types: show the rule name alone.
 */
export const POINTS_SOURCE_LABELS: Record<string, string> = {
  post: '支部动态',
  comment: '评论',
  meeting: '组织生活',
  login: '每日登录',
  aid: '党员e家',
  declaration: '积分申报',
  reversal: '撤销',
  quiz: '答题',
};
