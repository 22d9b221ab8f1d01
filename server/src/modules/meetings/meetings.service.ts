import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  MEETING_DURATIONS,
  MEETING_STATES,
  MEETING_TYPE_RULES,
  MEETING_TYPES,
  meetingPhase,
  type MeetingCandidate,
  type MeetingSummary,
  type MeetingType,
  type MeetingTypeSetting,
  type Page,
} from '@dangjian/shared';
import { In, type EntityManager, type Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { CommonError, MeetingError, OrgError } from '../../common/errors/error-codes.js';
import { pageArgs } from '../../common/http/pagination.js';
import { Clock } from '../../common/time/clock.js';
import { Transactions } from '../../database/write-gate.js';
import { MembersService } from '../members/members.service.js';
import { OrgPostsService } from '../organizations/org-posts.service.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import { REQUIRED_PLAN, type MeetingCreateDto, type MeetingQueryDto, type MeetingUpdateDto } from './dto/meeting.dto.js';
import { MeetingAccess } from './meeting-access.service.js';
import { MeetingInvitee } from './entities/meeting-invitee.entity.js';
import { MeetingTypeSettingRow } from './entities/meeting-setting.entity.js';
import { Meeting } from './entities/meeting.entity.js';

const HALF_DAY_MS = 12 * 3600_000;
/** States in which the plan may still change: before the meeting is held. */
const PLANNING = ['created', 'pre_noticed', 'materials_submitted', 'materials_rejected', 'materials_approved', 'notified'];
/** What a parent organisation has to act on (MEET-7). */
export const AWAITING_PARENT = ['submitted', 'materials_submitted', 'filed'];

/** Meetings as plans: create and change them (MEET-1…MEET-3), list them, who may be invited; type switches (MEET-10). */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectRepository(Meeting) private readonly meetings: Repository<Meeting>,
    @InjectRepository(MeetingInvitee) private readonly invitees: Repository<MeetingInvitee>,
    @InjectRepository(MeetingTypeSettingRow) private readonly settings: Repository<MeetingTypeSettingRow>,
    private readonly access: MeetingAccess,
    private readonly scope: OrgScope,
    private readonly members: MembersService,
    private readonly posts: OrgPostsService,
    private readonly clock: Clock,
    private readonly tx: Transactions,
  ) {}

  // ---- MEET-10: type switches ----
  async typeSettings(user: AuthUser): Promise<MeetingTypeSetting[]> {
    const rows = await this.settings.find({ where: { tenantId: user.tenantId ?? -1 } });
    return MEETING_TYPES.map((type) => ({ type, enabled: rows.find((r) => r.type === type)?.enabled ?? true }));
  }

  async setType(user: AuthUser, type: MeetingType, enabled: boolean): Promise<MeetingTypeSetting[]> {
    if (!MEETING_TYPES.includes(type)) throw new AppError(CommonError.NotFound);
    await this.tx.run(async (em) => {
      const repo = em.getRepository(MeetingTypeSettingRow);
      const row = await repo.findOne({ where: { tenantId: user.tenantId!, type } });
      if (row) await repo.update({ id: row.id }, { enabled });
      else await repo.insert({ tenantId: user.tenantId!, type, enabled });
    });
    return this.typeSettings(user);
  }

  // ---- plans ----
  async create(user: AuthUser, dto: MeetingCreateDto): Promise<Meeting> {
    for (const [field, label] of REQUIRED_PLAN) if (dto[field] === undefined) throw new AppError(CommonError.ValidationFailed, `请填写${label}`);
    const branch = await this.scope.findOrg(dto.orgId);
    if (!branch || branch.tenantId !== user.tenantId || branch.type !== 'branch') throw new AppError(OrgError.NotFound);
    if (!this.access.isBranchAdmin(user, branch.id)) {
      const reachable = await this.scope.assertOrg(user, branch.id).then(() => true, () => false);
      throw new AppError(reachable ? MeetingError.NotAllowed : OrgError.NotFound);
    }
    if (!(await this.typeSettings(user)).find((s) => s.type === dto.type)!.enabled) throw new AppError(MeetingError.TypeDisabled);
    const m = this.meetings.create({
      tenantId: branch.tenantId,
      orgId: branch.id,
      type: dto.type,
      groupId: null,
      state: 'created',
      stateTimes: { created: this.clock.now().toISOString() },
      online: false,
      latitude: null,
      longitude: null,
      radiusMeters: null,
      requiredRatio: null,
      agenda: null,
      minutes: null,
      summary: null,
      followup: null,
      resolution: null,
      images: [],
      rejectReason: null,
      checkinOpen: false,
      checkinSecret: randomBytes(24).toString('hex'),
      createdByUserId: user.userId,
    });
    if (MEETING_TYPE_RULES[dto.type].invitees === 'group') m.groupId = await this.groupOf(branch.id, dto.groupId);
    else if (dto.groupId !== undefined) throw new AppError(MeetingError.GroupInvalid, '只有党小组会需要选择党小组');
    await this.applyPlan(m, dto, true);
    return this.tx.run((em) => em.getRepository(Meeting).save(m));
  }

  async update(user: AuthUser, id: number, dto: MeetingUpdateDto): Promise<Meeting> {
    const ctx = await this.access.resolve(user, id);
    this.access.requireBranchAdmin(ctx);
    if (!PLANNING.includes(ctx.meeting.state)) throw new AppError(MeetingError.NotEditable);
    await this.applyPlan(ctx.meeting, dto, false);
    return this.tx.run((em) => em.getRepository(Meeting).save(ctx.meeting));
  }

  async remove(user: AuthUser, id: number): Promise<void> {
    const ctx = await this.access.resolve(user, id);
    this.access.requireBranchAdmin(ctx);
    if (ctx.meeting.state !== 'created') throw new AppError(MeetingError.NotEditable, '已通知的会议不能删除');
    await this.tx.run((em) => em.getRepository(Meeting).delete({ id }));
  }

  private async groupOf(branchId: number, groupId?: number): Promise<number> {
    const group = groupId ? await this.scope.findOrg(groupId) : null;
    if (!group || group.type !== 'group' || group.parentId !== branchId) throw new AppError(MeetingError.GroupInvalid);
    return group.id;
  }

  /** MEET-1…MEET-3, MEET-5: the plan's rules, checked on the merged values. */
  private async applyPlan(m: Meeting, dto: MeetingUpdateDto, isNew: boolean): Promise<void> {
    const rule = MEETING_TYPE_RULES[m.type];
    const now = this.clock.now().getTime();
    if (dto.title !== undefined) m.title = dto.title;
    if (dto.venue !== undefined) m.venue = dto.venue;
    if (dto.online !== undefined) m.online = dto.online;
    if (dto.agenda !== undefined) m.agenda = dto.agenda || null;
    if (dto.location !== undefined) Object.assign(m, { latitude: dto.location?.latitude ?? null, longitude: dto.location?.longitude ?? null, radiusMeters: dto.location?.radiusMeters ?? null });
    if (dto.startsAt !== undefined || isNew) {
      m.startsAt = new Date(dto.startsAt ?? m.startsAt);
      if (m.startsAt.getTime() < now) throw new AppError(MeetingError.StartInPast);
    }
    if (dto.durationDays !== undefined) {
      if (!(MEETING_DURATIONS as readonly number[]).includes(dto.durationDays)) throw new AppError(MeetingError.DurationInvalid);
      m.durationHalfDays = dto.durationDays * 2;
    }
    m.endsAt = new Date(m.startsAt.getTime() + m.durationHalfDays * HALF_DAY_MS);
    if (dto.feedbackDeadline !== undefined) m.feedbackDeadline = new Date(dto.feedbackDeadline);
    if (dto.feedbackDeadline !== undefined || dto.startsAt !== undefined) {
      if (m.feedbackDeadline.getTime() >= m.startsAt.getTime() || (dto.feedbackDeadline !== undefined && m.feedbackDeadline.getTime() <= now)) throw new AppError(MeetingError.DeadlineInvalid);
    }
    if (dto.requiredRatio !== undefined) {
      if (!rule.ratio) throw new AppError(MeetingError.RatioInvalid);
      m.requiredRatio = dto.requiredRatio;
    }
    if (rule.ratio && m.requiredRatio == null) throw new AppError(MeetingError.RatioInvalid, `${rule.label}须设置参会比例`);
    if (dto.hostMemberId !== undefined) {
      const committee = await this.posts.currentIn([m.orgId]);
      if (!committee.length) throw new AppError(MeetingError.NoCommittee);
      if (!committee.some((p) => p.memberId === dto.hostMemberId)) throw new AppError(MeetingError.HostNotCommittee);
      const [host] = await this.members.findByIds([dto.hostMemberId]);
      m.hostMemberId = host.id;
      m.hostName = host.name;
    }
  }

  /** MEET-4: who may be invited, the type's default selection (all of them). */
  async candidates(user: AuthUser, id: number): Promise<MeetingCandidate[]> {
    const ctx = await this.access.resolve(user, id);
    this.access.requireBranchAdmin(ctx);
    return this.candidatesOf(ctx.meeting);
  }

  async candidatesOf(m: Meeting): Promise<MeetingCandidate[]> {
    const rule = MEETING_TYPE_RULES[m.type];
    const orgIds = rule.invitees === 'group' ? [m.groupId!] : await this.scope.subtreeIds(m.orgId);
    const [members] = await this.members.activeInOrgs(m.tenantId, orgIds);
    const committee = new Set((await this.posts.currentIn([m.orgId])).map((p) => p.memberId));
    return members
      .filter((x) => rule.invitees !== 'committee' || committee.has(x.id))
      .map((x) => ({ memberId: x.id, name: x.name, probationary: x.memberType === 'probationary', committee: committee.has(x.id), groupId: x.orgId === m.orgId ? null : x.orgId, selected: true }));
  }

  /** Used by the demo seed, inside its transaction: a meeting as it stands at some step, with its people. */
  async seed(em: EntityManager, meeting: Omit<Partial<Meeting>, 'id'>, people: Array<Omit<Partial<MeetingInvitee>, 'id' | 'meetingId'> & Pick<MeetingInvitee, 'memberId' | 'name' | 'probationary'>>): Promise<void> {
    const saved = await em.getRepository(Meeting).save(em.getRepository(Meeting).create({ checkinSecret: randomBytes(24).toString('hex'), images: [], ...meeting }));
    await em.getRepository(MeetingInvitee).insert(people.map((p) => ({ feedback: null, leaveReason: null, feedbackAt: null, checkedInAt: null, checkinMethod: null, present: false, outline: null, note: null, ...p, meetingId: saved.id })));
  }

  // ---- lists ----
  private async summaries(rows: Meeting[], memberId: number | null): Promise<MeetingSummary[]> {
    if (!rows.length) return [];
    const invited = await this.invitees.find({ where: { meetingId: In(rows.map((m) => m.id)) } });
    const names = await this.scope.orgNames([...new Set(rows.map((m) => m.orgId))]);
    return rows.map((m) => {
      const mine = invited.filter((i) => i.meetingId === m.id);
      const me = memberId ? mine.find((i) => i.memberId === memberId) : undefined;
      return summaryOf(m, names.get(m.orgId) ?? '', mine, me);
    });
  }

  private async page(qb: ReturnType<Repository<Meeting>['createQueryBuilder']>, q: MeetingQueryDto, memberId: number | null): Promise<Page<MeetingSummary>> {
    if (q.type) qb.andWhere('m.type = :type', { type: q.type });
    if (q.state) qb.andWhere('m.state = :state', { state: q.state });
    if (q.phase) qb.andWhere('m.state IN (:...phaseStates)', { phaseStates: MEETING_STATES.filter((s) => meetingPhase(s) === q.phase) });
    const { skip, take } = pageArgs(q);
    const [rows, total] = await qb.orderBy('m.startsAt', 'DESC').addOrderBy('m.id', 'DESC').skip(skip).take(take).getManyAndCount();
    return { items: await this.summaries(rows, memberId), total, page: q.page, pageSize: q.pageSize };
  }

  /** Admins: the meetings of the branches in their scope. */
  list(user: AuthUser, q: MeetingQueryDto): Promise<Page<MeetingSummary>> {
    const f = this.scope.orgFilter('m.orgId', user, q.orgId);
    const qb = this.meetings.createQueryBuilder('m').where('m.tenantId = :t', { t: user.tenantId }).andWhere(f.sql, f.params);
    return this.page(qb, q, user.memberId);
  }

  /** Members: the meetings they are invited to. */
  mine(user: AuthUser, q: MeetingQueryDto): Promise<Page<MeetingSummary>> {
    const qb = this.meetings
      .createQueryBuilder('m')
      .innerJoin(MeetingInvitee, 'i', 'i.meetingId = m.id AND i.memberId = :me', { me: user.memberId ?? -1 })
      .where('m.tenantId = :t', { t: user.tenantId });
    return this.page(qb, q, user.memberId);
  }

  /** MEET-7: what waits for the caller as a parent organisation's admin. */
  reviews(user: AuthUser, q: MeetingQueryDto): Promise<Page<MeetingSummary>> {
    const roots = this.scope.adminRoots(user);
    const f = this.scope.orgFilter('m.orgId', user);
    const qb = this.meetings.createQueryBuilder('m').where('m.tenantId = :t', { t: user.tenantId }).andWhere(f.sql, f.params).andWhere('m.state IN (:...waiting)', { waiting: AWAITING_PARENT });
    // A branch's own admins do not review their own meetings.
    if (roots !== null) qb.andWhere('m.orgId NOT IN (:...ownRoots)', { ownRoots: roots.length ? roots : [-1] });
    return this.page(qb, q, user.memberId);
  }
}

export function summaryOf(m: Meeting, orgName: string, invited: MeetingInvitee[], me: MeetingInvitee | undefined): MeetingSummary {
  return {
    id: m.id,
    orgId: m.orgId,
    orgName,
    type: m.type,
    title: m.title,
    state: m.state,
    phase: meetingPhase(m.state),
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    venue: m.venue,
    online: m.online,
    hostName: m.hostName,
    invitedCount: invited.length,
    attendingCount: invited.filter((i) => i.feedback === 'attend').length,
    myFeedback: me ? me.feedback : undefined,
  };
}
