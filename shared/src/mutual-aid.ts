/**
 * Mutual aid 党员e家 (SPEC §8, AID-1…AID-5): the wish-tree, micro-donation, snapshot and micro-wish
 * flows as data — states, the transitions between them, who may take each, and the points each
 * completion awards. The server checks every step here; the clients draw the timeline from the same table.
 */
export const AID_KINDS = ['wish', 'donation', 'snapshot', 'micro_wish'] as const;
export type AidKind = (typeof AID_KINDS)[number];
export const AID_KIND_LABELS: Record<AidKind, string> = { wish: '心愿树', donation: '微捐赠', snapshot: '随手拍', micro_wish: '微心愿' };

/** 随手拍 columns (AID-3): 正能量 / 曝光台. */
export const SNAPSHOT_COLUMNS = ['positive', 'exposure'] as const;
export type SnapshotColumn = (typeof SNAPSHOT_COLUMNS)[number];
export const SNAPSHOT_COLUMN_LABELS: Record<SnapshotColumn, string> = { positive: '正能量', exposure: '曝光台' };

export const AID_STATES = ['submitted', 'rejected', 'open', 'claimed', 'delivered', 'sent', 'received', 'confirmed', 'approved', 'done', 'withdrawn'] as const;
export type AidState = (typeof AID_STATES)[number];
export const AID_STATE_LABELS: Record<AidState, string> = {
  submitted: '待审核',
  rejected: '已驳回',
  open: '待认领',
  claimed: '已认领',
  delivered: '已送达',
  sent: '已寄出',
  received: '已收到',
  confirmed: '发布人已确认',
  approved: '已通过',
  done: '已完成',
  withdrawn: '已撤回',
};

export const AID_ACTIONS = ['approve', 'reject', 'claim', 'deliver', 'confirm', 'send', 'receive', 'complete', 'withdraw'] as const;
export type AidAction = (typeof AID_ACTIONS)[number];
export const AID_ACTION_LABELS: Record<AidAction, string> = {
  approve: '审核通过',
  reject: '驳回',
  claim: '认领',
  deliver: '确认已送达',
  confirm: '确认完成',
  send: '确认已寄出',
  receive: '确认已收到',
  complete: '确认办结',
  withdraw: '撤回',
};

/**
 * Who acts: the branch's admin, the one who published, the one who claimed, another member (of the
 * branch; for micro-wishes, of the whole tenant), or the tenant admin (the "platform" that reviews
 * micro-wishes, AID-5).
 */
export type AidActor = 'branch_admin' | 'publisher' | 'claimer' | 'member' | 'tenant_admin';
export const AID_ACTOR_LABELS: Record<AidActor, string> = { branch_admin: '支部管理员', publisher: '发布人', claimer: '认领人', member: '其他党员', tenant_admin: '单位管理员' };

export interface AidAward {
  /** The rule of the points table (shared/points.ts). */
  rule: string;
  to: 'publisher' | 'claimer';
}

export interface AidTransition {
  action: AidAction;
  from: AidState;
  to: AidState;
  actors: readonly AidActor[];
  /** A reason must be given (rejections). */
  reason?: boolean;
  award?: AidAward;
}

export interface AidFlow {
  /** The main path, for the timeline. */
  timeline: readonly AidState[];
  transitions: readonly AidTransition[];
}

const t = (action: AidAction, from: AidState, to: AidState, actors: readonly AidActor[], extra: Partial<AidTransition> = {}): AidTransition => ({ action, from, to, actors, ...extra });
const ADMIN = ['branch_admin'] as const;
const review = (award?: AidAward): AidTransition[] => [
  t('approve', 'submitted', award ? 'open' : 'approved', ADMIN, award ? { award } : {}),
  t('reject', 'submitted', 'rejected', ADMIN, { reason: true }),
  t('withdraw', 'submitted', 'withdrawn', ['publisher']),
];

export const AID_FLOWS: Record<AidKind, AidFlow> = {
  // AID-1: publish → review → claim → claimer delivers → publisher confirms → admin completes (+10 to the claimer).
  wish: {
    timeline: ['submitted', 'open', 'claimed', 'delivered', 'confirmed', 'done'],
    transitions: [
      t('approve', 'submitted', 'open', ADMIN),
      t('reject', 'submitted', 'rejected', ADMIN, { reason: true }),
      t('withdraw', 'submitted', 'withdrawn', ['publisher']),
      t('withdraw', 'open', 'withdrawn', ['publisher']),
      t('claim', 'open', 'claimed', ['member']),
      t('deliver', 'claimed', 'delivered', ['claimer']),
      t('confirm', 'delivered', 'confirmed', ['publisher']),
      t('complete', 'confirmed', 'done', ADMIN, { award: { rule: 'aid.wish_done', to: 'claimer' } }),
    ],
  },
  // AID-2: publish → review (+2 to the publisher) → claim → publisher sends → recipient receives → admin completes (+10 to the publisher).
  donation: {
    timeline: ['submitted', 'open', 'claimed', 'sent', 'received', 'done'],
    transitions: [
      ...review({ rule: 'aid.donation_listed', to: 'publisher' }),
      t('withdraw', 'open', 'withdrawn', ['publisher']),
      t('claim', 'open', 'claimed', ['member']),
      t('send', 'claimed', 'sent', ['publisher']),
      t('receive', 'sent', 'received', ['claimer']),
      t('complete', 'received', 'done', ADMIN, { award: { rule: 'aid.donation_done', to: 'publisher' } }),
    ],
  },
  // AID-3: publish → admin approves (+2, at most 6 a day) and it is shown.
  snapshot: {
    timeline: ['submitted', 'approved'],
    transitions: review().map((x) => (x.action === 'approve' ? { ...x, award: { rule: 'aid.snapshot_approved', to: 'publisher' as const } } : x)),
  },
  // AID-5 (红星云 §5.2 微心愿互助): a branch admin submits a wish of someone (often of the public) with
  // their contact → the tenant admin (the tenant's "platform") reviews → open to every member of the
  // tenant → a member claims and is shown the contact → the claimer or the submitting admin marks it
  // done. The spec names no points for micro-wishes, so no step awards any.
  micro_wish: {
    timeline: ['submitted', 'open', 'claimed', 'done'],
    transitions: [
      t('approve', 'submitted', 'open', ['tenant_admin']),
      t('reject', 'submitted', 'rejected', ['tenant_admin'], { reason: true }),
      t('withdraw', 'submitted', 'withdrawn', ['publisher']),
      t('withdraw', 'open', 'withdrawn', ['publisher']),
      t('claim', 'open', 'claimed', ['member']),
      t('complete', 'claimed', 'done', ['claimer', 'publisher']),
    ],
  },
};

export type AidCheck = { ok: true; transition: AidTransition } | { ok: false; error: 'not_allowed' | 'wrong_actor' | 'reason_required'; message: string };

/**
 * Whether one of `actors` (the caller's roles on this item) may take `action` from `state`. The
 * message names the current step and who may act, for the user to read.
 */
export function checkAidTransition(kind: AidKind, state: AidState, action: AidAction, actors: readonly AidActor[], reason?: string): AidCheck {
  const tr = AID_FLOWS[kind].transitions.find((x) => x.action === action && x.from === state);
  if (!tr) return { ok: false, error: 'not_allowed', message: `当前状态为“${AID_STATE_LABELS[state]}”，不能${AID_ACTION_LABELS[action]}` };
  if (!tr.actors.some((a) => actors.includes(a))) return { ok: false, error: 'wrong_actor', message: `${AID_ACTION_LABELS[action]}须由${tr.actors.map((a) => AID_ACTOR_LABELS[a]).join('或')}办理` };
  if (tr.reason && !reason?.trim()) return { ok: false, error: 'reason_required', message: '请填写驳回原因' };
  return { ok: true, transition: tr };
}

/** The actions the caller could take next (the buttons a client shows). */
export function availableAidActions(kind: AidKind, state: AidState, actors: readonly AidActor[]): AidTransition[] {
  return AID_FLOWS[kind].transitions.filter((x) => x.from === state && x.actors.some((a) => actors.includes(a)));
}

/** AID-1: what may be wished for; cash is never one of them. */
export const WISH_CATEGORIES = ['culture_education', 'health', 'clothing_food', 'appliances', 'digital', 'housekeeping', 'farming'] as const;
export type WishCategory = (typeof WISH_CATEGORIES)[number];
export const WISH_CATEGORY_LABELS: Record<WishCategory, string> = {
  culture_education: '文化教育',
  health: '医疗健康',
  clothing_food: '衣食生活',
  appliances: '家用电器',
  digital: '数码产品',
  housekeeping: '家政服务',
  farming: '农业生产',
};
/** Words that make a wish a request for money (AID-1: no cash). */
export const CASH_WORDS = ['现金', '钱', '红包', '转账', '人民币', '元钱', '资金'];
export function mentionsCash(text: string): boolean {
  return CASH_WORDS.some((w) => text.includes(w));
}
