import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A comment on a snapshot: shown to others once the publisher or a branch admin approves it (AID-3). */
@Entity('aid_comment')
@Index(['itemId', 'id'])
export class AidComment {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'int' }) itemId: number;
  @Column({ type: 'int' }) userId: number;
  @Column({ type: 'int', nullable: true }) memberId: number | null;
  @Column({ type: 'varchar', length: 50 }) authorName: string;
  @Column({ type: 'varchar', length: 500 }) content: string;
  @Column({ type: 'boolean', default: false }) approved: boolean;
  @Column({ type: 'datetime', nullable: true }) approvedAt: Date | null;
  @CreateDateColumn() createdAt: Date;
}

/** One like per account and snapshot. */
@Entity('aid_like')
@Index(['itemId', 'userId'], { unique: true })
export class AidLike {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) itemId: number;
  @Column({ type: 'int' }) userId: number;
  @CreateDateColumn() createdAt: Date;
}

/** AID-4: a member who may not publish wishes, donations or snapshots, with the reason and who decided. */
@Entity('aid_blacklist')
@Index(['tenantId', 'memberId'], { unique: true })
export class AidBlacklist {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'int' }) memberId: number;
  @Column({ type: 'varchar', length: 200 }) reason: string;
  @Column({ type: 'int' }) byUserId: number;
  @Column({ type: 'varchar', length: 50 }) byName: string;
  @CreateDateColumn() createdAt: Date;
}
