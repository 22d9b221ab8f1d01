import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { EvaluationGrade } from '@dangjian/shared';

/** MEET-12: a member's self-evaluation and the branch's grade, in a life-and-review meeting. */
@Entity('meeting_evaluation')
@Index(['meetingId', 'memberId'], { unique: true })
export class MeetingEvaluation {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) meetingId: number;
  @Column({ type: 'int' }) memberId: number;
  @Column({ type: 'text', nullable: true }) selfText: string | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) grade: EvaluationGrade | null;
}

/** MEET-12: one member's rating of another (mutual evaluation 互评). */
@Entity('meeting_mutual_rating')
@Index(['meetingId', 'raterMemberId', 'rateeMemberId'], { unique: true })
export class MeetingMutualRating {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) meetingId: number;
  @Column({ type: 'int' }) raterMemberId: number;
  @Column({ type: 'int' }) rateeMemberId: number;
  @Column({ type: 'varchar', length: 30 }) grade: EvaluationGrade;
}

/** MEET-11: meetings held per branch, type and period, recomputed daily. */
@Entity('meeting_supervision')
@Index(['orgId', 'type', 'periodKey'], { unique: true })
@Index(['tenantId'])
export class MeetingSupervision {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'int' }) orgId: number;
  @Column({ type: 'varchar', length: 30 }) type: string;
  @Column({ type: 'varchar', length: 10 }) periodKey: string;
  @Column({ type: 'int' }) held: number;
  @Column({ type: 'datetime' }) computedAt: Date;
}
