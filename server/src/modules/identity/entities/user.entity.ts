import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A login account. Party members get one at activation (memberId set); admins and public users
 * (群众, ID-11) have none. Phone and username are unique per tenant.
 */
@Entity('user_account')
@Index(['tenantId', 'phone'], { unique: true })
@Index(['tenantId', 'username'], { unique: true })
@Index(['memberId'], { unique: true })
@Index(['phone'])
@Index(['username'])
export class UserAccount {
  @PrimaryGeneratedColumn() id: number;
  /** Null only for platform operators. */
  @Column({ type: 'int', nullable: true }) tenantId: number | null;
  @Column({ type: 'int', nullable: true }) memberId: number | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) username: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) phone: string | null;
  @Column({ type: 'varchar', length: 50 }) displayName: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) passwordHash: string | null;
  /** ID-9: set by an admin reset; the user must change the password before doing anything else. */
  @Column({ type: 'boolean', default: false }) mustChangePassword: boolean;
  @Column({ type: 'int', default: 0 }) failedLogins: number;
  @Column({ type: 'datetime', nullable: true }) lockedAt: Date | null;
  /** Set while the member record is in the history store (MEM-2): no login. */
  @Column({ type: 'datetime', nullable: true }) disabledAt: Date | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
