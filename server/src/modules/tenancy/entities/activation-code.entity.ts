import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** TEN-1: single-use code that lets an organisation create its tenant. Stored as a hash only. */
@Entity('tenant_activation_code')
export class TenantActivationCode {
  @PrimaryGeneratedColumn() id: number;
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 }) codeHash: string;
  @Column({ type: 'int', nullable: true }) createdBy: number | null;
  @Column({ type: 'int', nullable: true }) usedByTenantId: number | null;
  @Column({ type: 'datetime', nullable: true }) usedAt: Date | null;
  @CreateDateColumn() createdAt: Date;
}
