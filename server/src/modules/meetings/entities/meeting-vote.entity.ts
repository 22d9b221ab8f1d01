import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A vote during a meeting (MEET-9): the admin starts and ends it; each member votes once. */
@Entity('meeting_vote')
@Index(['meetingId'])
export class MeetingVote {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) meetingId: number;
  @Column({ type: 'varchar', length: 100 }) title: string;
  @Column({ type: 'simple-json' }) options: string[];
  @Column({ type: 'boolean', default: true }) open: boolean;
  @CreateDateColumn() createdAt: Date;
  @Column({ type: 'datetime', nullable: true }) closedAt: Date | null;
}

@Entity('meeting_ballot')
@Index(['voteId', 'memberId'], { unique: true })
export class MeetingBallot {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) voteId: number;
  @Column({ type: 'int' }) memberId: number;
  @Column({ type: 'int' }) choice: number;
  @CreateDateColumn() createdAt: Date;
}
