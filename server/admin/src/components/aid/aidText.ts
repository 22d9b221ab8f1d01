import { AID_FLOWS, availableAidActions, SNAPSHOT_COLUMN_LABELS, type AidAction, type AidItemSummary, type AidKind, type AidState } from '@dangjian/shared';

/** The 待办结 step of a kind: the state the admin's 确认办结 starts from (none for snapshots). */
export function completeFrom(kind: AidKind): AidState | undefined {
  return AID_FLOWS[kind].transitions.find((t) => t.action === 'complete')?.from;
}

/** Whether an action needs a written reason (rejections), from the shared flow. */
export function needsReason(kind: AidKind, state: AidState, action: AidAction): boolean {
  return !!AID_FLOWS[kind].transitions.find((t) => t.action === action && t.from === state)?.reason;
}

/**
 * A list row's buttons, from the shared flow: the branch admin's steps, and for micro-wishes (AID-5)
 * the tenant admin's review (通过 / 驳回).
 */
export function rowActions(i: Pick<AidItemSummary, 'kind' | 'state'>, isTenantAdmin: boolean): AidAction[] {
  if (i.kind === 'micro_wish') return isTenantAdmin ? availableAidActions(i.kind, i.state, ['tenant_admin']).map((t) => t.action) : [];
  return availableAidActions(i.kind, i.state, ['branch_admin']).map((t) => t.action);
}

/** A wish's category or a snapshot's column. */
export function itemTopic(i: Pick<AidItemSummary, 'category' | 'column'>, categoryLabels: Record<string, string>): string {
  if (i.category) return categoryLabels[i.category] ?? i.category;
  if (i.column) return SNAPSHOT_COLUMN_LABELS[i.column];
  return '';
}
