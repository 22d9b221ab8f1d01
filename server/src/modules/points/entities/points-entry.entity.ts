import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PointsCategory } from '@dangjian/shared';

/**
 * PTS-1: the append-only points ledger 积分明细. One row per award that earned something; the unique
 * key makes one source object (a post, a comment, a meeting, a login day) earn once per rule and member.
 */
@Entity('points_entry')
@Index(['tenantId', 'ruleCode', 'memberId', 'sourceType', 'sourceId'], { unique: true })
@Index(['memberId', 'id'])
export class PointsEntry {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'int' }) memberId: number;
  /** The member's organisation when earned. */
  @Column({ type: 'int' }) orgId: number;
  @Column({ type: 'varchar', length: 40 }) ruleCode: string;
  @Column({ type: 'varchar', length: 20 }) category: PointsCategory;
  @Column({ type: 'int' }) points: number;
  /** The rule's cap period it counted in (2026-11-22, 2026-Q4, …). */
  @Column({ type: 'varchar', length: 12 }) periodKey: string;
  @Column({ type: 'varchar', length: 20 }) sourceType: string;
  @Column({ type: 'varchar', length: 40 }) sourceId: string;
  /** The award's time (the server clock), not the insert's. */
  @Column({ type: 'datetime' }) createdAt: Date;
}
