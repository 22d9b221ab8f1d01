import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** TEN-1: an organisation that uses the platform (入驻单位). */
@Entity('tenant')
export class Tenant {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 100 }) name: string;
  /** TEN-3: DingTalk corp bound to this tenant. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true }) dingtalkCorpId: string | null;
  /** TEN-2 and later settings (menus, dues window…); validated by their modules. */
  @Column({ type: 'json', nullable: true }) settings: Record<string, unknown> | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
