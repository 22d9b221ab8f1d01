import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CommitteePost } from '@dangjian/shared';

/**
 * ORG-5: a leadership / committee post (书记, 副书记, 组织委员…) held by a member in an organisation for a
 * term. A post is current while termEnd is null or in the future; ending it keeps the history.
 */
@Entity('org_post')
@Index(['tenantId', 'orgId', 'endedAt'])
@Index(['memberId'])
export class OrgPost {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'int' }) orgId: number;
  @Column({ type: 'int' }) memberId: number;
  @Column({ type: 'varchar', length: 32 }) post: CommitteePost;
  @Column({ type: 'date' }) termStart: string;
  @Column({ type: 'date', nullable: true }) termEnd: string | null;
  /** Set when the post was relieved or a term change closed it. */
  @Column({ type: 'datetime', nullable: true }) endedAt: Date | null;
  @Column({ type: 'int', nullable: true }) termId: number | null;
  @CreateDateColumn() createdAt: Date;
}
