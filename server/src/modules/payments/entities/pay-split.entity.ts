import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PayChannel } from '@dangjian/shared';

/** One order's share sent to the dues account holder (WeChat profit sharing / Alipay settle), DUES-7. */
@Entity('pay_split')
@Index(['outSplitNo'], { unique: true })
@Index(['orderId'], { unique: true })
@Index(['batchRef', 'status'])
export class PaySplit {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  /** The upward transfer it belongs to. */
  @Column({ type: 'int' }) batchRef: number;
  @Column({ type: 'int' }) orderId: number;
  @Column({ type: 'varchar', length: 32 }) outSplitNo: string;
  @Column({ type: 'varchar', length: 10 }) channel: PayChannel;
  @Column({ type: 'varchar', length: 64 }) receiverMerchantId: string;
  @Column({ type: 'varchar', length: 100 }) receiverName: string;
  @Column({ type: 'int' }) amountFen: number;
  @Column({ type: 'varchar', length: 12 }) status: 'pending' | 'processing' | 'done' | 'failed';
  @Column({ type: 'varchar', length: 64, nullable: true }) channelSplitId: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) error: string | null;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @UpdateDateColumn() updatedAt: Date;
}
