import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Education, Gender, MemberStatus, MemberType } from '@dangjian/shared';

/**
 * MEM-1: a party member's record. The national ID number is stored encrypted (idCipher) with a
 * keyed hash (idHash) for lookup and a masked copy for lists (ID-13). `status` = history is the
 * 党员历史库 (MEM-2); transfer/flow/development (MEM-3…5) add states and tables of their own.
 */
@Entity('member')
@Index(['tenantId', 'status', 'orgId'])
@Index(['tenantId', 'idHash'], { unique: true })
@Index(['tenantId', 'phone'])
@Index(['idHash'])
export class Member {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'int' }) orgId: number;
  @Column({ type: 'varchar', length: 50 }) name: string;
  @Column({ type: 'varchar', length: 10 }) gender: Gender;
  @Column({ type: 'varchar', length: 20, default: '汉族' }) ethnicity: string;
  @Column({ type: 'date' }) birthDate: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) education: Education | null;
  @Column({ type: 'varchar', length: 20 }) memberType: MemberType;
  @Column({ type: 'date' }) joinDate: string;
  @Column({ type: 'date', nullable: true }) regularDate: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) phone: string | null;
  @Column({ type: 'varchar', length: 120 }) idCipher: string;
  @Column({ type: 'varchar', length: 64 }) idHash: string;
  @Column({ type: 'varchar', length: 20 }) idMasked: string;
  @Column({ type: 'varchar', length: 20, default: 'active' }) status: MemberStatus;
  /** Set by identity when the member activates an account (ID-1…ID-5). */
  @Column({ type: 'datetime', nullable: true }) activatedAt: Date | null;
  @Column({ type: 'datetime', nullable: true }) deletedAt: Date | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) deletedReason: string | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
