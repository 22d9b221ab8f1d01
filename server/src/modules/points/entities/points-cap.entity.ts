import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * PTS-1: what a member earned under a rule in one cap period. An award inserts the row if missing
 * and locks it (SELECT … FOR UPDATE on MySQL, the write gate on SQLite), so parallel awards for the
 * same member and rule queue here and never pass the cap.
 */
@Entity('points_cap')
@Index(['memberId', 'ruleCode', 'periodKey'], { unique: true })
export class PointsCap {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'int' }) memberId: number;
  @Column({ type: 'varchar', length: 40 }) ruleCode: string;
  @Column({ type: 'varchar', length: 12 }) periodKey: string;
  @Column({ type: 'int', default: 0 }) earned: number;
}
