import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { Interval } from '@nestjs/schedule';
import {
  MEETING_TYPE_RULES,
  actualRatioPercent,
  availableMeetingActions,
  checkMeetingTransition,
  generalAssemblyValidity,
  ratioMet,
  type MeetingAction,
  type MeetingActor,
  type MeetingDetail,
  type MeetingFacts,
  type MeetingState,
} from '@dangjian/shared';
import { In, LessThanOrEqual, type EntityManager, type Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { BranchError, MeetingError } from '../../common/errors/error-codes.js';
import { Clock } from '../../common/time/clock.js';
import { Transactions } from '../../database/write-gate.js';
import { FilesService, imageUrl } from '../files/files.service.js';
import { AccountsService } from '../identity/accounts.service.js';
import { SmsProvider } from '../identity/sms/sms.provider.js';
import { MembersService } from '../members/members.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import type { MeetingFeedbackDto, MeetingRecordDto, MeetingTransitionDto } from './dto/meeting.dto.js';
import { MeetingInvitee } from './entities/meeting-invitee.entity.js';
import { Meeting } from './entities/meeting.entity.js';
import { MeetingAccess, type MeetingContext } from './meeting-access.service.js';
import { MeetingEvaluationService } from './meeting-evaluation.service.js';
import { MeetingsService, summaryOf } from './meetings.service.js';

/** SPEC §7 hook: one event per attending member when a record goes up (submit / confirm / file). */
export const MEETING_EVENTS = { attended: 'meeting.attended' } as const;
export interface MeetingAttendedEvent {
  tenantId: number;
  meetingId: number;
  memberId: number;
  type: Meeting['type'];
  em: EntityManager;
}
const RECORD_SENT_UP: MeetingAction[] = ['submit', 'confirm', 'file'];
/** The record can change until it goes up for review or filing, and again after a rejection. */
const RECORD_OPEN: MeetingState[] = ['held', 'recorded', 'evaluated', 'summarized', 'rejected', 'done'];

/** A meeting's flow (MEET-4…MEET-7): transitions checked against the shared table, the record, feedback. */
@Injectable()
export class MeetingFlowService {
  private readonly log = new Logger('Meetings');

  constructor(
    @InjectRepository(Meeting) private readonly meetings: Repository<Meeting>,
    @InjectRepository(MeetingInvitee) private readonly invitees: Repository<MeetingInvitee>,
    private readonly access: MeetingAccess,
    private readonly plans: MeetingsService,
    private readonly evaluation: MeetingEvaluationService,
    private readonly scope: OrgScope,
    private readonly files: FilesService,
    private readonly members: MembersService,
    private readonly accounts: AccountsService,
    private readonly notifications: NotificationsService,
    private readonly sms: SmsProvider,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
    private readonly tx: Transactions,
  ) {}

  async detail(user: AuthUser, id: number): Promise<MeetingDetail> {
    return this.view(await this.access.resolve(user, id));
  }

  async view(ctx: MeetingContext): Promise<MeetingDetail> {
    const m = ctx.meeting;
    const invited = await this.invitees.find({ where: { meetingId: m.id }, order: { id: 'ASC' } });
    const [orgName] = [...(await this.scope.orgNames([m.orgId])).values()];
    const rule = MEETING_TYPE_RULES[m.type];
    const admin = ctx.isBranchAdmin || ctx.isParentAdmin;
    const present = invited.filter((i) => i.present);
    const full = invited.filter((i) => !i.probationary);
    const actions = new Set<MeetingAction>();
    if (ctx.isBranchAdmin) availableMeetingActions(m.type, m.state, 'branch_admin').forEach((x) => actions.add(x.action));
    if (ctx.isParentAdmin) availableMeetingActions(m.type, m.state, 'parent_admin').forEach((x) => actions.add(x.action));
    const shownAs: Partial<Record<MeetingState, MeetingState>> = { rejected: 'submitted', materials_rejected: 'materials_submitted' };
    return {
      ...summaryOf(m, orgName ?? '', invited, ctx.invitee ?? undefined),
      feedbackDeadline: m.feedbackDeadline.toISOString(),
      durationDays: m.durationHalfDays / 2,
      location: m.latitude != null && m.longitude != null ? { latitude: m.latitude, longitude: m.longitude, radiusMeters: m.radiusMeters ?? 0 } : null,
      groupId: m.groupId,
      requiredRatio: m.requiredRatio,
      agenda: m.agenda,
      hostMemberId: m.hostMemberId,
      timeline: rule.timeline.map((state) => ({ state, at: m.stateTimes[state] ?? null, current: state === (shownAs[m.state] ?? m.state) })),
      actions: [...actions],
      isAdmin: ctx.isBranchAdmin,
      isReviewer: ctx.isParentAdmin,
      invited: ctx.invitee != null,
      invitees: admin
        ? invited.map((i) => ({ memberId: i.memberId, name: i.name, probationary: i.probationary, feedback: i.feedback, leaveReason: i.leaveReason, checkedInAt: i.checkedInAt?.toISOString() ?? null, present: i.present, outlineSubmitted: i.outline != null }))
        : null,
      leaveCount: invited.filter((i) => i.feedback === 'leave').length,
      presentCount: present.length,
      actualRatio: invited.length && m.stateTimes.held ? actualRatioPercent(present.length, invited.length) : null,
      minutes: m.minutes,
      summary: m.summary,
      followup: m.followup,
      resolution: m.resolution,
      quorum: m.type === 'general_assembly' ? { fullMembers: full.length, fullPresent: full.filter((i) => i.present).length, reached: generalAssemblyValidity({ fullMembers: full.length, fullPresent: full.filter((i) => i.present).length }).quorum } : null,
      images: m.images.map((i) => ({ ...i, url: imageUrl(i.key) })),
      rejectReason: m.rejectReason,
      checkinOpen: m.checkinOpen,
      myCheckedInAt: ctx.invitee?.checkedInAt?.toISOString() ?? null,
      myOutline: ctx.invitee?.outline ?? null,
    };
  }

  /** What the meeting's data says about each requirement of the table. */
  private async facts(m: Meeting, dto: MeetingTransitionDto, em: EntityManager): Promise<MeetingFacts> {
    const invited = await em.getRepository(MeetingInvitee).find({ where: { meetingId: m.id } });
    const candidates = dto.invitees ? new Set((await this.plans.candidatesOf(m)).map((c) => c.memberId)) : null;
    return {
      invitees: !!dto.invitees?.length && dto.invitees.every((id) => candidates!.has(id)),
      start_reached: this.clock.now().getTime() >= m.startsAt.getTime(),
      ratio_met: ratioMet(invited.filter((i) => i.feedback === 'attend').length, invited.length, m.requiredRatio == null ? null : m.requiredRatio / 100),
      minutes: !!m.minutes,
      summary: !!m.summary,
      outlines: invited.length > 0 && invited.every((i) => i.outline != null),
      evaluation: m.type === 'life_and_review' ? (await this.evaluation.problems(m, em)).length === 0 : false,
      reason: !!dto.reason,
      work_record: !!m.followup,
    };
  }

  async transition(user: AuthUser, id: number, dto: MeetingTransitionDto): Promise<MeetingDetail> {
    const ctx = await this.access.resolve(user, id);
    const tr = MEETING_TYPE_RULES[ctx.meeting.type].transitions.find((x) => x.action === dto.action && x.from === ctx.meeting.state);
    const actor = this.access.actor(ctx, tr?.actors ?? []);
    if (!actor) throw new AppError(MeetingError.NotAllowed);
    await this.tx.run(async (em) => {
      const m = await em.getRepository(Meeting).findOne({ where: { id }, lock: em.connection.options.type === 'better-sqlite3' ? undefined : { mode: 'pessimistic_write' } });
      if (!m) throw new AppError(MeetingError.NotFound);
      await this.apply(em, m, dto, actor);
    });
    return this.detail(user, id);
  }

  /** Takes one step on the locked meeting row, after checking it against the shared table. */
  private async apply(em: EntityManager, m: Meeting, dto: MeetingTransitionDto, actor: MeetingActor): Promise<void> {
    const check = checkMeetingTransition(m.type, m.state, dto.action, actor, await this.facts(m, dto, em));
    if (!check.ok) {
      const code = check.error === 'wrong_actor' ? MeetingError.NotAllowed : check.error === 'missing' && check.missing?.includes('invitees') && dto.invitees?.length ? MeetingError.InviteesInvalid : MeetingError.TransitionRefused;
      throw new AppError(code, check.message);
    }
    if (dto.action === 'notify' || dto.action === 'pre_notice') await this.invite(em, m, dto.invitees);
    if (dto.action === 'reject' || dto.action === 'reject_materials') m.rejectReason = dto.reason!;
    if (dto.action === 'resubmit' || dto.action === 'resubmit_materials') m.rejectReason = null;
    if (check.to !== 'held' && m.state === 'held') m.checkinOpen = false;
    m.state = check.to;
    m.stateTimes = { ...m.stateTimes, [check.to]: this.clock.now().toISOString() };
    await em.getRepository(Meeting).save(m);
    if (RECORD_SENT_UP.includes(dto.action)) {
      for (const i of await em.getRepository(MeetingInvitee).find({ where: { meetingId: m.id, present: true } })) {
        await this.events.emitAsync(MEETING_EVENTS.attended, { tenantId: m.tenantId, meetingId: m.id, memberId: i.memberId, type: m.type, em } satisfies MeetingAttendedEvent);
      }
    }
  }

  /** MEET-4: the selected members are invited (or, for the formal notice, the invited ones told again). */
  private async invite(em: EntityManager, m: Meeting, memberIds: number[] | undefined): Promise<void> {
    const repo = em.getRepository(MeetingInvitee);
    let chosen = memberIds ? await this.members.findByIds(memberIds) : null;
    if (chosen) {
      await repo.delete({ meetingId: m.id });
      await repo.insert(chosen.map((x) => ({ meetingId: m.id, memberId: x.id, name: x.name, probationary: x.memberType === 'probationary', feedback: null, leaveReason: null, feedbackAt: null, checkedInAt: null, checkinMethod: null, present: false, outline: null, note: null })));
    }
    const invited = await repo.find({ where: { meetingId: m.id } });
    const userIds = await this.accounts.userIdsOfMembers(invited.map((i) => i.memberId));
    const when = m.startsAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    const label = MEETING_TYPE_RULES[m.type].label;
    await this.notifications.send(em, m.tenantId, [...userIds.values()], { title: `会议通知：${m.title}`, body: `${label}，${when}，${m.online ? '线上' : m.venue}。请在截止时间前反馈是否参会。`, link: `/subpackages/meetings/detail?id=${m.id}` });
    chosen ??= await this.members.findByIds(invited.map((i) => i.memberId));
    for (const x of chosen) {
      if (x.phone) await this.sms.send({ phone: x.phone, purpose: 'meeting_notice', code: '', text: `【党建云】${label}“${m.title}”将于${when}召开，请登录小程序反馈是否参会。` });
    }
  }

  /** The start time passes: meetings whose requirements are met move to "held" (MEET-5). */
  @Interval('meetings.hold', 60_000)
  async holdDue(): Promise<number> {
    const due = await this.meetings.find({ where: { state: 'notified', startsAt: LessThanOrEqual(this.clock.now()) }, take: 200 });
    let held = 0;
    for (const m of due) {
      try {
        await this.tx.run(async (em) => {
          const fresh = await em.getRepository(Meeting).findOneByOrFail({ id: m.id });
          if (fresh.state !== 'notified') return;
          const check = checkMeetingTransition(fresh.type, fresh.state, 'hold', 'system', await this.facts(fresh, { action: 'hold' }, em));
          if (!check.ok) return;
          await this.apply(em, fresh, { action: 'hold' }, 'system');
          held++;
        });
      } catch (e) {
        this.log.error(`holding meeting ${m.id} failed: ${(e as Error).message}`);
      }
    }
    return held;
  }

  // ---- the record ----
  async record(user: AuthUser, id: number, dto: MeetingRecordDto): Promise<MeetingDetail> {
    const ctx = await this.access.resolve(user, id);
    this.access.requireBranchAdmin(ctx);
    const m = ctx.meeting;
    if (!RECORD_OPEN.includes(m.state) || (m.state === 'done' && dto.followup === undefined)) throw new AppError(MeetingError.RecordClosed);
    await this.tx.run(async (em) => {
      const invitees = em.getRepository(MeetingInvitee);
      if (dto.presentMemberIds) {
        await invitees.update({ meetingId: id }, { present: false });
        if (dto.presentMemberIds.length) await invitees.update({ meetingId: id, memberId: In(dto.presentMemberIds) }, { present: true });
      }
      if (dto.minutes !== undefined) m.minutes = dto.minutes;
      if (dto.summary !== undefined) m.summary = dto.summary;
      if (dto.followup !== undefined) m.followup = dto.followup;
      if (dto.images !== undefined) m.images = await this.files.claim(user, [...new Set(dto.images)], BranchError.ImageInvalid, m.images.map((i) => i.key));
      if (dto.resolution !== undefined) {
        if (dto.resolution && m.type !== 'general_assembly') throw new AppError(MeetingError.ResolutionInvalid, '只有支部党员大会记录表决结果');
        m.resolution = dto.resolution;
      }
      if (m.resolution?.passed) await this.checkResolution(em, m);
      await em.getRepository(Meeting).save(m);
    });
    return this.detail(user, id);
  }

  /** MEET-6: "passed" needs the quorum and more than half of the full members voting for it. */
  private async checkResolution(em: EntityManager, m: Meeting): Promise<void> {
    const full = await em.getRepository(MeetingInvitee).find({ where: { meetingId: m.id, probationary: false } });
    const fullPresent = full.filter((i) => i.present).length;
    const v = generalAssemblyValidity({ fullMembers: full.length, fullPresent, votesFor: m.resolution!.votesFor });
    if (!v.quorum) throw new AppError(MeetingError.ResolutionInvalid, `到会正式党员${fullPresent}人，未超过应到会正式党员${full.length}人的半数，会议不足法定人数，决议不能通过`);
    if (!v.passed) throw new AppError(MeetingError.ResolutionInvalid, `赞成${m.resolution!.votesFor}票，未超过应到会正式党员${full.length}人的半数，决议不能记为通过`);
    if (m.resolution!.votesFor + m.resolution!.votesAgainst + m.resolution!.abstentions > fullPresent) throw new AppError(MeetingError.ResolutionInvalid, `票数合计超过到会的正式党员人数（${fullPresent}人）`);
  }

  // ---- members ----
  /** MEET-4: attend, or leave with a reason, before the deadline. */
  async feedback(user: AuthUser, id: number, dto: MeetingFeedbackDto): Promise<MeetingDetail> {
    const ctx = await this.access.resolve(user, id);
    const me = this.access.requireInvitee(ctx);
    const deadline = ctx.meeting.feedbackDeadline;
    if (ctx.meeting.state !== 'notified' || this.clock.now().getTime() > deadline.getTime()) {
      throw new AppError(MeetingError.FeedbackClosed, `参会反馈已于${deadline.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}截止，如需请假请直接联系支部`);
    }
    if (!dto.attend && !dto.reason) throw new AppError(MeetingError.LeaveReasonRequired);
    await this.tx.run((em) => em.getRepository(MeetingInvitee).update({ id: me.id }, { feedback: dto.attend ? 'attend' : 'leave', leaveReason: dto.attend ? null : dto.reason!, feedbackAt: this.clock.now() }));
    return this.detail(user, id);
  }

  /** Life-and-review meetings: each invited member's speech outline (发言提纲) before the materials go up. */
  async outline(user: AuthUser, id: number, content: string): Promise<MeetingDetail> {
    const ctx = await this.access.resolve(user, id);
    const me = this.access.requireInvitee(ctx);
    if (ctx.meeting.type !== 'life_and_review' || !['pre_noticed', 'materials_rejected'].includes(ctx.meeting.state)) throw new AppError(MeetingError.OutlineClosed);
    await this.tx.run((em) => em.getRepository(MeetingInvitee).update({ id: me.id }, { outline: content }));
    return this.detail(user, id);
  }

  /** MEET-9: a member's own notes of the meeting. */
  async note(user: AuthUser, id: number): Promise<{ content: string }> {
    const me = this.access.requireInvitee(await this.access.resolve(user, id));
    return { content: me.note ?? '' };
  }

  async saveNote(user: AuthUser, id: number, content: string): Promise<{ content: string }> {
    const me = this.access.requireInvitee(await this.access.resolve(user, id));
    await this.tx.run((em) => em.getRepository(MeetingInvitee).update({ id: me.id }, { note: content }));
    return { content };
  }
}
