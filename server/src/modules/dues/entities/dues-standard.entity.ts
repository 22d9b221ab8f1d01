import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DuesCategory } from '@dangjian/shared';

/**
 * A member's dues standard 党费标准 for one year (DUES-1, DUES-2): what the regulation gives and,
 * with a hardship reduction, what the member actually pays. Locked for the year once its bills are
 * out or the admin locks the year; after that only an audited correction changes it.
 */
@Entity('dues_standard')
@Index(['memberId', 'year'], { unique: true })
@Index(['tenantId', 'year'])
export class DuesStandard {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'int' }) memberId: number;
  @Column({ type: 'int' }) year: number;
  @Column({ type: 'varchar', length: 20 }) category: DuesCategory;
  @Column({ type: 'int', nullable: true }) incomeFen: number | null;
  @Column({ type: 'int', nullable: true }) farmerFen: number | null;
  /** What the regulation gives, per month. */
  @Column({ type: 'int' }) standardFen: number;
  /** What the member pays per month: the hardship amount when reduced, else standardFen. */
  @Column({ type: 'int' }) amountFen: number;
  @Column({ type: 'varchar', length: 200 }) rule: string;
  @Column({ type: 'int', nullable: true }) hardshipFen: number | null;
  /** The body that approved the reduction (next-level committee, DUES-1). */
  @Column({ type: 'varchar', length: 100, nullable: true }) hardshipApprovedBy: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) hardshipNote: string | null;
  @Column({ type: 'varchar', length: 20 }) source: 'manual' | 'import' | 'correction';
  @Column({ type: 'datetime', nullable: true }) lockedAt: Date | null;
  @Column({ type: 'int', nullable: true }) setByUserId: number | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) setByName: string | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
