/** What a space allows the caller, and a post's state tags, from the rule table (BRANCH_SPACES). */
import { BRANCH_KINDS, BRANCH_SPACES, PUBLICITY_STATUS_LABELS, topicOpen, type BranchHome, type BranchKind, type BranchPostSummary } from '@dangjian/shared'
import { beijingDay, formatDateTime } from '../../../lib/time'

export function isBranchKind(v: unknown): v is BranchKind {
  return typeof v === 'string' && (BRANCH_KINDS as readonly string[]).includes(v)
}

/** Members post where the publisher is 'member'; only the branch's admins where it is 'admin'. */
export function canPost(kind: BranchKind, home: Pick<BranchHome, 'isAdmin' | 'isMember'>): boolean {
  return BRANCH_SPACES[kind].publisher === 'admin' ? home.isAdmin : home.isMember
}

/**
 * 全部 / 我的 where the caller sees others' posts in a space members write: the branch-wide
 * spaces (动态, 建议) for everyone; 思想汇报 and 书记信箱 only for the admins who read them all.
 */
export function mineFilterVisible(kind: BranchKind, home: Pick<BranchHome, 'isAdmin'>): boolean {
  const rule = BRANCH_SPACES[kind]
  return rule.publisher === 'member' && (rule.audience === 'branch' || home.isAdmin)
}

export type TagTone = 'red' | 'gold' | 'green' | 'grey'
export interface PostTag {
  text: string
  tone: TagTone
}

/** 公示中 / 待公示 / 已结束 (publicity), 进行中 / 已截止 (topic), 已回复 / 待回复 (letter). */
export function postTags(post: BranchPostSummary, now: Date = new Date()): PostTag[] {
  if (post.kind === 'publicity' && post.publicityStatus) {
    const tone: TagTone = post.publicityStatus === 'active' ? 'red' : post.publicityStatus === 'upcoming' ? 'gold' : 'grey'
    return [{ text: PUBLICITY_STATUS_LABELS[post.publicityStatus], tone }]
  }
  if (post.kind === 'topic') {
    const open = post.open ?? topicOpen(post.closesAt ? new Date(post.closesAt) : null, now)
    return [open ? { text: '进行中', tone: 'red' } : { text: '已截止', tone: 'grey' }]
  }
  if (post.kind === 'letter' && post.replied !== null) {
    return [post.replied ? { text: '已回复', tone: 'green' } : { text: '待回复', tone: 'gold' }]
  }
  return []
}

/** Comments are the members' opinions (意见) in the deliberation hall. */
export function commentNoun(kind: BranchKind): string {
  return kind === 'topic' ? '意见' : '评论'
}

/** The line about when: 召开时间 (org_life), 公示期 and scope (publicity), 截止时间 (topic). */
export function postSchedule(post: BranchPostSummary): string | null {
  if (post.kind === 'org_life' && post.heldAt) return `召开时间 ${formatDateTime(post.heldAt)}`
  if (post.kind === 'publicity' && post.startsAt && post.endsAt) {
    const day = (iso: string) => beijingDay(new Date(iso))
    return `公示期 ${day(post.startsAt)} 至 ${day(post.endsAt)}${post.scopeOrgName ? ` · ${post.scopeOrgName}` : ''}`
  }
  if (post.kind === 'topic') return post.closesAt ? `截止时间 ${formatDateTime(post.closesAt)}` : '长期开放'
  return null
}
