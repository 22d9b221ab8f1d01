import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A comment on a post; in the deliberation hall, a member's opinion (BR-2, BR-5). */
@Entity('branch_comment')
@Index(['postId', 'id'])
export class BranchComment {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) postId: number;
  @Column({ type: 'int' }) authorUserId: number;
  @Column({ type: 'varchar', length: 50 }) authorName: string;
  @Column({ type: 'varchar', length: 500 }) content: string;
  @CreateDateColumn() createdAt: Date;
}

/** One like per account and post; the unique key makes a double tap count once. */
@Entity('branch_like')
@Index(['postId', 'userId'], { unique: true })
export class BranchLike {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) postId: number;
  @Column({ type: 'int' }) userId: number;
  @CreateDateColumn() createdAt: Date;
}

/** The read receipt (BR-1): first opened, and the longest time spent on it. */
@Entity('branch_read')
@Index(['postId', 'userId'], { unique: true })
@Index(['userId'])
export class BranchRead {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) postId: number;
  @Column({ type: 'int' }) userId: number;
  @Column({ type: 'int', nullable: true }) memberId: number | null;
  @Column({ type: 'int', default: 0 }) seconds: number;
  @CreateDateColumn() readAt: Date;
}
