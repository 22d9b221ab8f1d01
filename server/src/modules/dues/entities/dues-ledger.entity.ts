import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LedgerKind } from '@dangjian/shared';

/**
 * The dues ledger (PAY-4): append-only journals whose lines sum to zero (see `shared/src/ledger.ts`).
 * The unique keys make a payment post once, a reversal once per payment, a transfer once.
 */
@Entity('dues_journal')
@Index(['kind', 'paymentId'], { unique: true })
@Index(['kind', 'transferId'], { unique: true })
@Index(['tenantId', 'createdAt'])
export class DuesJournal {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'varchar', length: 10 }) kind: LedgerKind;
  @Column({ type: 'int', nullable: true }) paymentId: number | null;
  @Column({ type: 'int', nullable: true }) transferId: number | null;
  @CreateDateColumn() createdAt: Date;
}

@Entity('dues_ledger_line')
@Index(['journalId'])
@Index(['tenantId', 'account'])
export class DuesLedgerLine {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) journalId: number;
  @Column({ type: 'int' }) tenantId: number;
  /** e.g. `channel:wechat:3` (money held for dues account 3), `dues:12` (collected by org 12). */
  @Column({ type: 'varchar', length: 40 }) account: string;
  /** Signed: debit positive, credit negative. */
  @Column({ type: 'int' }) amountFen: number;
}
