import { AID_FLOWS, AID_KIND_LABELS, availableAidActions, type AidAction, type AidFlow, type AidItemSummary, type AidKind, type AidState } from '@dangjian/shared';

/**
 * The kinds the admin page handles: the shared AidKind plus AID-5's micro-wishes (微心愿), which the
 * shared flow table may not carry yet; every lookup below falls back gracefully for a kind without
 * a flow, and the server checks each step anyway.
 */
export type AdminAidKind = AidKind | 'micro_wish';
export const MICRO_WISH: AdminAidKind = 'micro_wish';

const flowOf = (kind: AdminAidKind): AidFlow | undefined => (AID_FLOWS as Partial<Record<string, AidFlow>>)[kind];

export const kindLabel = (kind: AdminAidKind): string => (AID_KIND_LABELS as Partial<Record<string, string>>)[kind] ?? (kind === MICRO_WISH ? '微心愿' : kind);

/** The 待办结 step of a kind: the state the admin's 确认办结 starts from (none for snapshots). */
export function completeFrom(kind: AdminAidKind): AidState | undefined {
  return flowOf(kind)?.transitions.find((t) => t.action === 'complete')?.from;
}

/** Whether an action needs a written reason (rejections), from the shared flow. */
export function needsReason(kind: AdminAidKind, state: AidState, action: AidAction): boolean {
  const flow = flowOf(kind);
  if (!flow) return action === 'reject';
  return !!flow.transitions.find((t) => t.action === action && t.from === state)?.reason;
}

/** The main path of a kind for the timeline; without a shared flow, the path the server reports. */
export function timelineOf(kind: AdminAidKind, reported: AidState[]): readonly AidState[] {
  return flowOf(kind)?.timeline ?? reported;
}

/**
 * A list row's buttons. Micro-wishes are reviewed by the tenant admin (通过 / 驳回 while submitted);
 * the other kinds follow the shared flow for a branch admin.
 */
export function rowActions(i: Pick<AidItemSummary, 'kind' | 'state'>, canReviewMicroWish: boolean): AidAction[] {
  if ((i.kind as AdminAidKind) === MICRO_WISH) return canReviewMicroWish && i.state === 'submitted' ? ['approve', 'reject'] : [];
  return availableAidActions(i.kind, i.state, ['branch_admin']).map((t) => t.action);
}

const COLUMN_LABELS = { positive: '正能量', exposure: '曝光台' } as const;

/** A wish's category or a snapshot's column. */
export function itemTopic(i: Pick<AidItemSummary, 'category' | 'column'>, categoryLabels: Record<string, string>): string {
  if (i.category) return categoryLabels[i.category] ?? i.category;
  if (i.column) return COLUMN_LABELS[i.column];
  return '';
}
