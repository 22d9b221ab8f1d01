import type { BranchKind } from '@dangjian/shared';
import type { EntityManager } from 'typeorm';

/**
 * Learning actions in the online branch (SPEC §7: comment, like, share, read). Emitted with
 * emitAsync inside the request's transaction, so the points module can award them later and roll
 * back with them. `memberId` is null for admins without a member record (they earn nothing).
 */
export const BRANCH_EVENTS = {
  read: 'branch.read',
  liked: 'branch.liked',
  unliked: 'branch.unliked',
  commented: 'branch.commented',
  shared: 'branch.shared',
} as const;

export interface BranchActivityEvent {
  tenantId: number;
  userId: number;
  memberId: number | null;
  postId: number;
  kind: BranchKind;
  /** read: seconds spent on it as reported by the client. */
  seconds?: number;
  /** commented: the comment, the source object a points award is tied to. */
  commentId?: number;
  em: EntityManager;
}
