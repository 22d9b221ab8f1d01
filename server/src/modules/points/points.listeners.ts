import { Injectable, Logger } from '@nestjs/common';
import { periodKey } from '@dangjian/shared';
import { Listen } from '../../common/events/listener.js';
import { Clock } from '../../common/time/clock.js';
import { BRANCH_EVENTS, type BranchActivityEvent } from '../branch/branch.events.js';
import { IDENTITY_EVENTS } from '../identity/auth.service.js';
import { MEETING_EVENTS, type MeetingAttendedEvent } from '../meetings/meeting-flow.service.js';
import { PointsService } from './points.service.js';

/** SPEC §7: the rule for reading an article — at least this long on it. */
export const READ_POINTS_SECONDS = 30;

/**
 * Awards for what happens elsewhere. Branch and meeting events carry their transaction, so an award
 * commits or rolls back with the like, the comment or the submitted record.
 */
@Injectable()
export class PointsListeners {
  private readonly log = new Logger('Points');

  constructor(
    private readonly points: PointsService,
    private readonly clock: Clock,
  ) {}

  private async branch(e: BranchActivityEvent, ruleCode: string, sourceType: 'post' | 'comment', sourceId: number | undefined): Promise<void> {
    if (e.memberId === null || sourceId === undefined) return;
    await this.points.award({ tenantId: e.tenantId, memberId: e.memberId, ruleCode, sourceType, sourceId }, e.em);
  }

  @Listen(BRANCH_EVENTS.liked)
  async liked(e: BranchActivityEvent): Promise<void> {
    await this.branch(e, 'learning.like', 'post', e.postId);
  }

  @Listen(BRANCH_EVENTS.commented)
  async commented(e: BranchActivityEvent): Promise<void> {
    await this.branch(e, 'learning.comment', 'comment', e.commentId);
  }

  @Listen(BRANCH_EVENTS.shared)
  async shared(e: BranchActivityEvent): Promise<void> {
    await this.branch(e, 'learning.share', 'post', e.postId);
  }

  @Listen(BRANCH_EVENTS.read)
  async read(e: BranchActivityEvent): Promise<void> {
    if ((e.seconds ?? 0) >= READ_POINTS_SECONDS) await this.branch(e, 'learning.read', 'post', e.postId);
  }

  /** MEET: one event per attending member when the record goes up; the meeting earns once. */
  @Listen(MEETING_EVENTS.attended)
  async attended(e: MeetingAttendedEvent): Promise<void> {
    await this.points.award({ tenantId: e.tenantId, memberId: e.memberId, ruleCode: `meeting.${e.type}`, sourceType: 'meeting', sourceId: e.meetingId }, e.em);
  }

  /** The first login of a Beijing day. A failed award never fails the login. */
  @Listen(IDENTITY_EVENTS.login)
  async login(e: { userId: number; tenantId: number | null; memberId: number | null }): Promise<void> {
    if (!e.tenantId || !e.memberId) return;
    const day = periodKey('day', this.clock.now());
    await this.points.award({ tenantId: e.tenantId, memberId: e.memberId, ruleCode: 'login.daily', sourceType: 'login', sourceId: day }).catch((err: unknown) => this.log.warn(`login points for member ${e.memberId} not awarded: ${String(err)}`));
  }
}
