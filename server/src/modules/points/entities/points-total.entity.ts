import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * PTS-4: a member's total per period ('all', a year '2026', a month '2026-11') and category ('all' or
 * one of POINTS_CATEGORIES), kept up to date in the award's transaction so rankings read an index
 * instead of summing the ledger.
 */
@Entity('points_total')
@Index(['memberId', 'periodKey', 'category'], { unique: true })
@Index(['tenantId', 'periodKey', 'category', 'total'])
@Index(['orgId', 'periodKey', 'category', 'total'])
export class PointsTotal {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'int' }) memberId: number;
  /** The member's organisation at the latest award. */
  @Column({ type: 'int' }) orgId: number;
  @Column({ type: 'varchar', length: 7 }) periodKey: string;
  @Column({ type: 'varchar', length: 20 }) category: string;
  @Column({ type: 'int', default: 0 }) total: number;
}
