import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

const bigintNumber = { to: (v: number) => v, from: (v: string | number | null) => (v === null ? 0 : Number(v)) };

/**
 * PTS-4: an organisation's members and points in a period (a year or a month), over its whole
 * subtree, as the daily job computed them (organisation averages may lag one day).
 */
@Entity('points_org_average')
@Index(['orgId', 'periodKey'], { unique: true })
@Index(['tenantId', 'periodKey'])
export class PointsOrgAverage {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'int' }) orgId: number;
  @Column({ type: 'varchar', length: 7 }) periodKey: string;
  /** Active members in the subtree. */
  @Column({ type: 'int', default: 0 }) memberCount: number;
  /** Their points in the period. */
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber }) total: number;
  /** total / memberCount in tenths (rounded), 0 without members. */
  @Column({ type: 'int', default: 0 }) averageTenths: number;
  @Column({ type: 'datetime' }) computedAt: Date;
}
