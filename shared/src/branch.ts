/**
 * The online branch 网上支部 (SPEC §3, BR-1…BR-10): its spaces as data. The server enforces these
 * rules; the mini-program and the admin page draw their tabs, forms and badges from the same table.
 */
import { beijingParts } from './time.js';

export const BRANCH_KINDS = ['notice', 'news', 'publicity', 'org_life', 'topic', 'thought_report', 'suggestion', 'letter'] as const;
export type BranchKind = (typeof BRANCH_KINDS)[number];

export interface BranchSpaceRule {
  label: string;
  /** Who writes: the branch's admins, or any member of the branch. */
  publisher: 'admin' | 'member';
  /**
   * Who reads, besides the author and the upper-level admins:
   * branch — every member of the branch; scope — members within the chosen scope (the branch or one
   * of its groups) once the publicity period has started; admins — the branch's admins only (BR-6);
   * secretary — the branch secretary only (BR-10).
   */
  audience: 'branch' | 'scope' | 'admins' | 'secretary';
  /** Whether admins of ancestor organisations may read it (BR-10 letters are addressed to a person). */
  upperAdminsRead: boolean;
  title: 'required' | 'none';
  minImages: number;
  maxImages: number;
  likes: boolean;
  /** Comments; in the deliberation hall they are the members' opinions (意见). */
  comments: boolean;
  /** Who has read it is shown to the admins (BR-1), who can remind the rest. */
  readStats: boolean;
  heldAt: boolean;
  period: boolean;
  closesAt: boolean;
  reply: boolean;
}

const base = { upperAdminsRead: true, title: 'none', minImages: 0, maxImages: 9, likes: false, comments: false, readStats: false, heldAt: false, period: false, closesAt: false, reply: false } as const;

export const BRANCH_SPACES: Record<BranchKind, BranchSpaceRule> = {
  notice: { ...base, label: '通知公告', publisher: 'admin', audience: 'branch', title: 'required', readStats: true },
  news: { ...base, label: '支部动态', publisher: 'member', audience: 'branch', likes: true, comments: true },
  publicity: { ...base, label: '党务公开', publisher: 'admin', audience: 'scope', title: 'required', readStats: true, period: true },
  org_life: { ...base, label: '组织生活', publisher: 'admin', audience: 'branch', title: 'required', minImages: 1, readStats: true, heldAt: true },
  topic: { ...base, label: '议事大厅', publisher: 'admin', audience: 'branch', title: 'required', comments: true, closesAt: true },
  thought_report: { ...base, label: '思想汇报', publisher: 'member', audience: 'admins', title: 'required' },
  suggestion: { ...base, label: '我的建议', publisher: 'member', audience: 'branch', title: 'required', likes: true, comments: true },
  letter: { ...base, label: '书记信箱', publisher: 'member', audience: 'secretary', upperAdminsRead: false, title: 'required', maxImages: 3, reply: true },
};

export const BRANCH_TITLE_MAX = 60;
export const BRANCH_CONTENT_MAX = 5000;
export const BRANCH_COMMENT_MAX = 500;

/** BR-3: a publicity period lasts at most one calendar month (Beijing time): end ≤ start + 1 month. */
export function publicityPeriodOk(startsAt: Date, endsAt: Date): boolean {
  if (endsAt.getTime() <= startsAt.getTime()) return false;
  const s = beijingParts(startsAt);
  const nextYear = s.month === 12 ? s.year + 1 : s.year;
  const nextMonth = s.month === 12 ? 1 : s.month + 1;
  // Same wall-clock time one month on; a day that month lacks (31 Jan → Feb) clamps to its last day.
  const lastDay = new Date(Date.UTC(nextYear, nextMonth, 0)).getUTCDate();
  const offsetInDay = (startsAt.getTime() + 8 * 3600_000) % 86_400_000;
  const limit = Date.UTC(nextYear, nextMonth - 1, Math.min(s.day, lastDay)) + offsetInDay - 8 * 3600_000;
  return endsAt.getTime() <= limit;
}

export type PublicityStatus = 'upcoming' | 'active' | 'ended';
export const PUBLICITY_STATUS_LABELS: Record<PublicityStatus, string> = { upcoming: '待公示', active: '公示中', ended: '已结束' };

export function publicityStatus(startsAt: Date, endsAt: Date, now: Date = new Date()): PublicityStatus {
  if (now.getTime() < startsAt.getTime()) return 'upcoming';
  return now.getTime() <= endsAt.getTime() ? 'active' : 'ended';
}

/** BR-5: a topic takes opinions until its closing time (none = open until an admin closes it). */
export function topicOpen(closesAt: Date | null, now: Date = new Date()): boolean {
  return closesAt === null || now.getTime() < closesAt.getTime();
}
