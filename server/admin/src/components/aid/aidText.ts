import { AID_FLOWS, type AidAction, type AidItemSummary, type AidKind, type AidState } from '@dangjian/shared';

/** The 待办结 step of a kind: the state the admin's 确认办结 starts from (none for snapshots). */
export function completeFrom(kind: AidKind): AidState | undefined {
  return AID_FLOWS[kind].transitions.find((t) => t.action === 'complete')?.from;
}

/** Whether an action needs a written reason (rejections), from the shared flow. */
export function needsReason(kind: AidKind, state: AidState, action: AidAction): boolean {
  return !!AID_FLOWS[kind].transitions.find((t) => t.action === action && t.from === state)?.reason;
}

const COLUMN_LABELS = { positive: '正能量', exposure: '曝光台' } as const;

/** A wish's category or a snapshot's column. */
export function itemTopic(i: Pick<AidItemSummary, 'category' | 'column'>, categoryLabels: Record<string, string>): string {
  if (i.category) return categoryLabels[i.category] ?? i.category;
  if (i.column) return COLUMN_LABELS[i.column];
  return '';
}
