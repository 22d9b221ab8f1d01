import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** ID-12: who changed what, which object, when, from where. Kept ≥ 6 months; never updated. */
@Entity('audit_log')
@Index(['tenantId', 'createdAt'])
export class AuditLog {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int', nullable: true }) tenantId: number | null;
  @Column({ type: 'int', nullable: true }) actorUserId: number | null;
  @Column({ type: 'varchar', length: 64 }) actorName: string;
  @Column({ type: 'varchar', length: 64 }) action: string;
  @Column({ type: 'varchar', length: 32 }) targetType: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) targetId: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip: string | null;
  @Column({ type: 'json', nullable: true }) detail: Record<string, unknown> | null;
  @CreateDateColumn() createdAt: Date;
}
