import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { BranchKind } from '@dangjian/shared';

export interface StoredImage {
  key: string;
  width: number;
  height: number;
}

/**
 * Everything written in a branch's online spaces (BR-1…BR-7, BR-10), one row per post; the kind's
 * rules (who writes, who reads, which fields) are the table BRANCH_SPACES in shared/.
 */
@Entity('branch_post')
@Index(['orgId', 'kind', 'id'])
@Index(['authorUserId', 'kind'])
export class BranchPost {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  /** The branch. */
  @Column({ type: 'int' }) orgId: number;
  @Column({ type: 'varchar', length: 20 }) kind: BranchKind;
  @Column({ type: 'int' }) authorUserId: number;
  @Column({ type: 'int', nullable: true }) authorMemberId: number | null;
  @Column({ type: 'varchar', length: 50 }) authorName: string;
  @Column({ type: 'varchar', length: 60, nullable: true }) title: string | null;
  @Column({ type: 'text' }) content: string;
  @Column({ type: 'simple-json' }) images: StoredImage[];
  /** org_life: when it was held (BR-4). */
  @Column({ type: 'datetime', nullable: true }) heldAt: Date | null;
  /** publicity: the period (BR-3) and whose members see it. */
  @Column({ type: 'datetime', nullable: true }) startsAt: Date | null;
  @Column({ type: 'datetime', nullable: true }) endsAt: Date | null;
  @Column({ type: 'int', nullable: true }) scopeOrgId: number | null;
  /** topic: opinions close at this time (BR-5). */
  @Column({ type: 'datetime', nullable: true }) closesAt: Date | null;
  /** letter: the secretary's reply (BR-10). */
  @Column({ type: 'text', nullable: true }) reply: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) replierName: string | null;
  @Column({ type: 'datetime', nullable: true }) repliedAt: Date | null;
  @Column({ type: 'int', default: 0 }) likeCount: number;
  @Column({ type: 'int', default: 0 }) commentCount: number;
  @Column({ type: 'datetime', nullable: true }) lastRemindedAt: Date | null;
  /** Last edit of the content (updatedAt also moves with like and comment counts). */
  @Column({ type: 'datetime', nullable: true }) editedAt: Date | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
