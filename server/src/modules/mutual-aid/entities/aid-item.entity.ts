import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AidKind, AidState, SnapshotColumn, WishCategory } from '@dangjian/shared';
import type { StoredImage } from '../../branch/entities/branch-post.entity.js';

/**
 * A wish, donation, snapshot or micro-wish of a branch (SPEC §8 AID-1…AID-5): who published and who claimed it,
 * where its flow stands (AID_FLOWS in shared/) and when each state was reached.
 */
@Entity('aid_item')
@Index(['tenantId', 'kind', 'state'])
@Index(['orgId', 'kind', 'state'])
@Index(['publisherMemberId'])
@Index(['claimerMemberId'])
export class AidItem {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  /** Up to 10 characters: 'micro_wish' is the longest kind. */
  @Column({ type: 'varchar', length: 10 }) kind: AidKind;
  /** The branch (a group member's items belong to the branch above). */
  @Column({ type: 'int' }) orgId: number;
  @Column({ type: 'int' }) publisherMemberId: number;
  @Column({ type: 'varchar', length: 50 }) publisherName: string;
  @Column({ type: 'int', nullable: true }) claimerMemberId: number | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) claimerName: string | null;
  @Column({ type: 'varchar', length: 20 }) state: AidState;
  @Column({ type: 'varchar', length: 100 }) title: string;
  @Column({ type: 'text' }) content: string;
  /** Wishes: what is wished for. */
  @Column({ type: 'varchar', length: 30, nullable: true }) category: WishCategory | null;
  @Column({ type: 'simple-json' }) images: StoredImage[];
  /** Snapshots: 正能量 / 曝光台, when and where taken. */
  @Column({ type: 'varchar', length: 20, nullable: true }) snapshotColumn: SnapshotColumn | null;
  @Column({ type: 'datetime', nullable: true }) takenAt: Date | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) place: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) rejectReason: string | null;
  /** Micro-wishes (AID-5): the person who wishes (often of the public), shown to the claimer. */
  @Column({ type: 'varchar', length: 50, nullable: true }) contactName: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) contactPhone: string | null;
  /** When each state was reached (ISO), for the timeline. */
  @Column({ type: 'simple-json' }) stateTimes: Partial<Record<AidState, string>>;
  @Column({ type: 'int', default: 0 }) likeCount: number;
  @Column({ type: 'int', default: 0 }) shareCount: number;
  @Column({ type: 'int' }) createdByUserId: number;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
