import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MeetingRecordRequest, MeetingState, MeetingType } from '@dangjian/shared';
import type { StoredImage } from '../../branch/entities/branch-post.entity.js';

/**
 * A meeting of a branch (SPEC §4): its plan, where its flow stands (state, from MEETING_TYPE_RULES
 * in shared/), the record and the review. People are in meeting_invitee.
 */
@Entity('meeting')
@Index(['orgId', 'startsAt'])
@Index(['tenantId', 'state'])
export class Meeting {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  /** The branch holding it. */
  @Column({ type: 'int' }) orgId: number;
  /** Group meetings: the group (党小组). */
  @Column({ type: 'int', nullable: true }) groupId: number | null;
  @Column({ type: 'varchar', length: 30 }) type: MeetingType;
  @Column({ type: 'varchar', length: 100 }) title: string;
  @Column({ type: 'varchar', length: 30 }) state: MeetingState;
  /** When each state was reached (ISO), for the timeline. */
  @Column({ type: 'simple-json' }) stateTimes: Partial<Record<MeetingState, string>>;
  @Column({ type: 'datetime' }) startsAt: Date;
  @Column({ type: 'datetime' }) endsAt: Date;
  /** MEET-2: duration in half days (1 = 0.5 day … 6 = 3 days). */
  @Column({ type: 'int' }) durationHalfDays: number;
  @Column({ type: 'datetime' }) feedbackDeadline: Date;
  @Column({ type: 'int' }) hostMemberId: number;
  @Column({ type: 'varchar', length: 50 }) hostName: string;
  @Column({ type: 'varchar', length: 200 }) venue: string;
  @Column({ type: 'boolean', default: false }) online: boolean;
  @Column({ type: 'double', nullable: true }) latitude: number | null;
  @Column({ type: 'double', nullable: true }) longitude: number | null;
  @Column({ type: 'int', nullable: true }) radiusMeters: number | null;
  /** MEET-5: required share of invitees answering "attend", percent. */
  @Column({ type: 'int', nullable: true }) requiredRatio: number | null;
  @Column({ type: 'text', nullable: true }) agenda: string | null;
  @Column({ type: 'text', nullable: true }) minutes: string | null;
  @Column({ type: 'text', nullable: true }) summary: string | null;
  @Column({ type: 'text', nullable: true }) followup: string | null;
  @Column({ type: 'simple-json', nullable: true }) resolution: MeetingRecordRequest['resolution'];
  @Column({ type: 'simple-json' }) images: StoredImage[];
  @Column({ type: 'varchar', length: 500, nullable: true }) rejectReason: string | null;
  @Column({ type: 'boolean', default: false }) checkinOpen: boolean;
  /** Signs the rotating check-in codes (MEET-8); renewed each time check-in opens. */
  @Column({ type: 'varchar', length: 64 }) checkinSecret: string;
  @Column({ type: 'int' }) createdByUserId: number;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
