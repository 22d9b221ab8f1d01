import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@dangjian/shared';

/**
 * A role held by an account, bound to an organisation for org/branch admins (reaching its subtree).
 * `source` records why: assigned by an admin, the secretary post (BR-9), granted by the secretary,
 * or the first member to enter a branch without a secretary.
 */
@Entity('user_role')
@Index(['userId'])
@Index(['tenantId', 'orgId', 'role'])
export class UserRole {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) userId: number;
  @Column({ type: 'int', nullable: true }) tenantId: number | null;
  @Column({ type: 'varchar', length: 20 }) role: Role;
  @Column({ type: 'int', nullable: true }) orgId: number | null;
  @Column({ type: 'varchar', length: 20, default: 'assigned' }) source: 'assigned' | 'secretary' | 'granted' | 'first_entry';
  @CreateDateColumn() createdAt: Date;
}
