import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PointsCategory, PointsDeclarationState } from '@dangjian/shared';
import type { StoredImage } from '../../branch/entities/branch-post.entity.js';

/**
 * PTS-3: a member's declaration 积分申报 under a declared (custom) rule, with evidence. The branch
 * admin (or an admin above) approves or rejects it once; a tenant admin may overturn the decision.
 * `awarded` mirrors what the ledger holds for it (kept in the same transaction as the ledger).
 */
@Entity('points_declaration')
@Index(['tenantId', 'state', 'id'])
@Index(['orgId', 'state', 'id'])
@Index(['memberId', 'id'])
export class PointsDeclaration {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'int' }) memberId: number;
  @Column({ type: 'varchar', length: 50 }) memberName: string;
  /** The declarant's branch when declared (a group member's: the branch above). */
  @Column({ type: 'int' }) orgId: number;
  @Column({ type: 'varchar', length: 40 }) ruleCode: string;
  @Column({ type: 'varchar', length: 60 }) ruleName: string;
  @Column({ type: 'varchar', length: 20 }) category: PointsCategory;
  /** The rule's points when declared. */
  @Column({ type: 'int' }) points: number;
  /** What the ledger holds for it now (0 while pending or rejected, or when the cap left nothing). */
  @Column({ type: 'int', default: 0 }) awarded: number;
  @Column({ type: 'text' }) content: string;
  @Column({ type: 'simple-json' }) images: StoredImage[];
  @Column({ type: 'varchar', length: 10 }) state: PointsDeclarationState;
  @Column({ type: 'int', nullable: true }) reviewerUserId: number | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) reviewerName: string | null;
  @Column({ type: 'datetime', nullable: true }) reviewedAt: Date | null;
  /** The rejection's or the overturn's reason. */
  @Column({ type: 'varchar', length: 500, nullable: true }) reason: string | null;
  @Column({ type: 'boolean', default: false }) overturned: boolean;
  @Column({ type: 'int' }) createdByUserId: number;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
