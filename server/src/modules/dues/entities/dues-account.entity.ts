import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DuesAccountForm, DuesAccountStatus, PayChannel } from '@dangjian/shared';

export type StoredAccountForm = Omit<DuesAccountForm, 'orgId' | 'channel' | 'legalPersonIdNumber' | 'bankAccountNo'>;

/**
 * A dues account application 党费账户 (DUES-8). The platform approves or rejects it; once approved
 * the organisation's channel is fixed. The legal person's ID number and the bank account number are
 * stored encrypted and shown masked.
 */
@Entity('dues_account')
@Index(['orgId', 'status'])
@Index(['tenantId', 'status'])
export class DuesAccount {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'int' }) orgId: number;
  @Column({ type: 'varchar', length: 10 }) channel: PayChannel;
  @Column({ type: 'varchar', length: 10 }) status: DuesAccountStatus;
  @Column({ type: 'simple-json' }) form: StoredAccountForm;
  @Column({ type: 'varchar', length: 120 }) legalIdCipher: string;
  @Column({ type: 'varchar', length: 20 }) legalIdMasked: string;
  @Column({ type: 'varchar', length: 120 }) bankAccountCipher: string;
  @Column({ type: 'varchar', length: 30 }) bankAccountMasked: string;
  /** The holder's merchant (WeChat) or account (Alipay) the money is split to; set on approval. */
  @Column({ type: 'varchar', length: 64, nullable: true }) merchantId: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) rejectReason: string | null;
  @Column({ type: 'int', nullable: true }) reviewedByUserId: number | null;
  @Column({ type: 'datetime', nullable: true }) reviewedAt: Date | null;
  @Column({ type: 'int' }) createdByUserId: number;
  @CreateDateColumn() createdAt: Date;
}
