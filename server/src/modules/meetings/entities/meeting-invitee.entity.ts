import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A member invited to a meeting: feedback (MEET-4), check-in (MEET-8), notes, speech outline. */
@Entity('meeting_invitee')
@Index(['meetingId', 'memberId'], { unique: true })
@Index(['memberId'])
export class MeetingInvitee {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) meetingId: number;
  @Column({ type: 'int' }) memberId: number;
  @Column({ type: 'varchar', length: 50 }) name: string;
  /** Probationary members take part but have no vote and do not count toward the quorum (MEET-6). */
  @Column({ type: 'boolean' }) probationary: boolean;
  @Column({ type: 'varchar', length: 10, nullable: true }) feedback: 'attend' | 'leave' | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) leaveReason: string | null;
  @Column({ type: 'datetime', nullable: true }) feedbackAt: Date | null;
  @Column({ type: 'datetime', nullable: true }) checkedInAt: Date | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) checkinMethod: 'code' | 'location' | null;
  /** Present in the record: checked in, or marked by the admin. */
  @Column({ type: 'boolean', default: false }) present: boolean;
  @Column({ type: 'text', nullable: true }) outline: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
}
