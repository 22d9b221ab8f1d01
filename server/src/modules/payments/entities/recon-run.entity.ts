import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PayChannel, ReconMismatch } from '@dangjian/shared';

export type StoredMismatch = ReconMismatch & { tenantId: number | null };

/** A reconciliation 对账 of one channel's daily bill with our paid orders (DUES-9, PAY-3); re-running replaces it. */
@Entity('recon_run')
@Index(['channel', 'billDate'], { unique: true })
export class ReconRun {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 10 }) channel: PayChannel;
  @Column({ type: 'varchar', length: 10 }) billDate: string;
  @Column({ type: 'varchar', length: 12 }) status: 'matched' | 'mismatched' | 'failed';
  /** Counts and amounts per tenant (key: tenant id) on both sides. */
  @Column({ type: 'simple-json' }) totals: Record<string, { theirCount: number; theirFen: number; ourCount: number; ourFen: number }>;
  @Column({ type: 'simple-json' }) mismatches: StoredMismatch[];
  @Column({ type: 'varchar', length: 300, nullable: true }) error: string | null;
  @Column({ type: 'datetime' }) ranAt: Date;
}
