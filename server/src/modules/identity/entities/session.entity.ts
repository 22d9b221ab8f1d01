import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A login session (ID-10). The refresh token is stored only as a hash and rotates on every use;
 * a reused old refresh token revokes the whole session (token theft). Revoking a session ends its
 * access tokens too, because the guard checks the session on every request.
 */
@Entity('user_session')
@Index(['userId', 'revokedAt'])
export class UserSession {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) userId: number;
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 }) refreshHash: string;
  /** Hash of the refresh token this one replaced, to detect replay. */
  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true }) previousHash: string | null;
  @Column({ type: 'varchar', length: 10 }) client: 'admin' | 'weapp' | 'alipay' | 'dd' | 'h5';
  @Column({ type: 'datetime' }) expiresAt: Date;
  @Column({ type: 'datetime' }) lastSeenAt: Date;
  @Column({ type: 'datetime', nullable: true }) revokedAt: Date | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip: string | null;
  @CreateDateColumn() createdAt: Date;
}
