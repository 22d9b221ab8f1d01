import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DuesPaidVia } from '@dangjian/shared';

/**
 * One member's dues for one month (DUES-4, DUES-10). One row per member and month (unique), so the
 * monthly job can run any number of times. Prepaid months get their row when paid. While an online
 * payment is under way the bill is held by it (`holdPaymentId`), so two payments cannot take it.
 */
@Entity('dues_bill')
@Index(['memberId', 'month'], { unique: true })
@Index(['tenantId', 'month', 'status'])
@Index(['orgId', 'month'])
export class DuesBill {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'int' }) memberId: number;
  /** The member's branch or group when the bill was made. */
  @Column({ type: 'int' }) orgId: number;
  @Column({ type: 'varchar', length: 7 }) month: string;
  @Column({ type: 'int' }) amountFen: number;
  @Column({ type: 'varchar', length: 10 }) status: 'unpaid' | 'paid';
  /** Paid before its month began (预交). */
  @Column({ type: 'boolean', default: false }) prepaid: boolean;
  @Column({ type: 'int', nullable: true }) paymentId: number | null;
  @Column({ type: 'int', nullable: true }) holdPaymentId: number | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) paidVia: DuesPaidVia | null;
  @Column({ type: 'datetime', nullable: true }) paidAt: Date | null;
  @CreateDateColumn() createdAt: Date;
}
