import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DuesPaidVia, DuesPaymentStatus } from '@dangjian/shared';

/**
 * A dues payment: online (an order with a channel) or cash recorded by an admin (DUES-6). It covers
 * months of one member's dues and/or voluntary extra dues. Never edited after it is paid: a
 * correction is a reversal (status 'reversed' plus a reversing journal), PAY-4.
 */
@Entity('dues_payment')
@Index(['payerUserId', 'idempotencyKey'], { unique: true })
@Index(['tenantId', 'status', 'paidAt'])
@Index(['memberId'])
@Index(['orgId', 'paidAt'])
@Index(['accountId', 'status', 'transferId'])
export class DuesPayment {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'int' }) memberId: number;
  @Column({ type: 'int' }) orgId: number;
  /** Who paid online (the member, or another member paying for them: 代缴, DUES-5). */
  @Column({ type: 'int', nullable: true }) payerUserId: number | null;
  @Column({ type: 'int', nullable: true }) payerMemberId: number | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) payerName: string | null;
  @Column({ type: 'simple-json' }) months: string[];
  @Column({ type: 'int' }) duesFen: number;
  @Column({ type: 'int' }) voluntaryFen: number;
  @Column({ type: 'int' }) amountFen: number;
  /** DUES-3: voluntary ≥ 1000 yuan in one payment goes entirely to the Central Committee. */
  @Column({ type: 'boolean', default: false }) toCentral: boolean;
  @Column({ type: 'varchar', length: 10 }) paidVia: DuesPaidVia;
  @Column({ type: 'varchar', length: 10 }) status: DuesPaymentStatus;
  @Column({ type: 'varchar', length: 64, nullable: true }) idempotencyKey: string | null;
  @Column({ type: 'int', nullable: true }) orderId: number | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) orderNo: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) channelTxId: string | null;
  /** The dues account the money went into (online). */
  @Column({ type: 'int', nullable: true }) accountId: number | null;
  /** Set when an upward transfer took this money (DUES-7): it can never be transferred again. */
  @Column({ type: 'int', nullable: true }) transferId: number | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) receiverName: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) receiptNo: string | null;
  @Column({ type: 'int', nullable: true }) recordedByUserId: number | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) recordedByName: string | null;
  @Column({ type: 'datetime', nullable: true }) paidAt: Date | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) reversalReason: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) reversedByName: string | null;
  @Column({ type: 'datetime', nullable: true }) reversedAt: Date | null;
  @CreateDateColumn() createdAt: Date;
}
