import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DuesTransferStatus, PayChannel } from '@dangjian/shared';

/**
 * An upward transfer 上划 (DUES-7): an organisation's online dues of a month, split to the dues
 * account holder. One per organisation and month; the payments it took carry its id.
 */
@Entity('dues_transfer')
@Index(['orgId', 'month'], { unique: true })
@Index(['tenantId', 'status'])
export class DuesTransfer {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'int' }) orgId: number;
  @Column({ type: 'int' }) accountId: number;
  @Column({ type: 'varchar', length: 7 }) month: string;
  @Column({ type: 'varchar', length: 10 }) channel: PayChannel;
  @Column({ type: 'int' }) amountFen: number;
  @Column({ type: 'int' }) paymentCount: number;
  @Column({ type: 'varchar', length: 12 }) status: DuesTransferStatus;
  @Column({ type: 'varchar', length: 300, nullable: true }) lastError: string | null;
  @Column({ type: 'int' }) createdByUserId: number;
  @Column({ type: 'varchar', length: 50, nullable: true }) createdByName: string | null;
  @CreateDateColumn() createdAt: Date;
  @Column({ type: 'datetime', nullable: true }) doneAt: Date | null;
}
