import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PayChannel, PayParams, Platform } from '@dangjian/shared';

export type PayOrderStatus = 'pending' | 'paid' | 'closed';

/**
 * An order with a payment channel (PAY-1…PAY-3). It moves PENDING → PAID exactly once (the unique
 * channel transaction id and the row lock guarantee it), or PENDING → CLOSED when it goes stale.
 * `purpose` + `refId` name what it pays for (a dues payment); that module settles it.
 */
@Entity('pay_order')
@Index(['outTradeNo'], { unique: true })
@Index(['channelTxId'], { unique: true })
@Index(['status', 'expiresAt'])
@Index(['channel', 'paidAt'])
@Index(['purpose', 'refId'])
export class PayOrder {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'varchar', length: 32 }) outTradeNo: string;
  @Column({ type: 'varchar', length: 10 }) channel: PayChannel;
  @Column({ type: 'varchar', length: 10 }) platform: Platform;
  @Column({ type: 'int' }) amountFen: number;
  @Column({ type: 'varchar', length: 127 }) description: string;
  @Column({ type: 'varchar', length: 10 }) status: PayOrderStatus;
  @Column({ type: 'varchar', length: 20 }) purpose: 'dues';
  @Column({ type: 'int' }) refId: number;
  @Column({ type: 'int' }) payerUserId: number;
  /** WeChat openid / Alipay buyer id the order was created for. */
  @Column({ type: 'varchar', length: 128 }) payerExternalId: string;
  /** What the client got, so a repeated request (same idempotency key) gets the same parameters. */
  @Column({ type: 'simple-json', nullable: true }) payParams: PayParams | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) channelTxId: string | null;
  @Column({ type: 'datetime', nullable: true }) paidAt: Date | null;
  @Column({ type: 'datetime' }) expiresAt: Date;
  @Column({ type: 'datetime', nullable: true }) closedAt: Date | null;
  @Column({ type: 'datetime', nullable: true }) lastQueriedAt: Date | null;
  @CreateDateColumn() createdAt: Date;
}
