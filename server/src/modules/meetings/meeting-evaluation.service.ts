import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Cron } from '@nestjs/schedule';
import { MEETING_TYPE_RULES, MEETING_TYPES, evaluationProblems, meetingPeriodKey, type EvaluationView, type SupervisionView } from '@dangjian/shared';
import { In, type EntityManager, type Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { MeetingError } from '../../common/errors/error-codes.js';
import { Clock } from '../../common/time/clock.js';
import { Transactions } from '../../database/write-gate.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import { MeetingEvaluation, MeetingMutualRating, MeetingSupervision } from './entities/meeting-evaluation.entity.js';
import { MeetingInvitee } from './entities/meeting-invitee.entity.js';
import { Meeting } from './entities/meeting.entity.js';
import { MeetingAccess, type MeetingContext } from './meeting-access.service.js';
import type { EvaluationGradesDto, EvaluationMutualDto } from './dto/meeting.dto.js';

/** States from which a meeting counts as held for supervision (MEET-11). */
const HELD_OR_LATER = ['held', 'recorded', 'evaluated', 'summarized', 'submitted', 'rejected', 'filed', 'done', 'closed'];
/** Evaluation runs around the life-and-review meeting: from the formal notice to the upload of results. */
const EVALUATION_OPEN = ['notified', 'held', 'recorded', 'rejected'];

/** Democratic evaluation (MEET-12) of life-and-review meetings, and supervision (MEET-11). */
@Injectable()
export class MeetingEvaluationService {
  constructor(
    @InjectRepository(MeetingEvaluation) private readonly evaluations: Repository<MeetingEvaluation>,
    @InjectRepository(MeetingMutualRating) private readonly mutual: Repository<MeetingMutualRating>,
    @InjectRepository(MeetingSupervision) private readonly supervision: Repository<MeetingSupervision>,
    @InjectRepository(Meeting) private readonly meetings: Repository<Meeting>,
    private readonly access: MeetingAccess,
    private readonly scope: OrgScope,
    private readonly clock: Clock,
    private readonly tx: Transactions,
  ) {}

  private async evaluated(user: AuthUser, id: number): Promise<MeetingContext> {
    const ctx = await this.access.resolve(user, id);
    if (ctx.meeting.type !== 'life_and_review') throw new AppError(MeetingError.EvaluationInvalid, '只有组织生活会开展民主评议');
    return ctx;
  }

  /** What keeps the branch's grades from being lawful (empty when complete). */
  async problems(m: Meeting, em: EntityManager): Promise<string[]> {
    const invited = await em.getRepository(MeetingInvitee).find({ where: { meetingId: m.id } });
    const grades = await em.getRepository(MeetingEvaluation).find({ where: { meetingId: m.id } });
    if (!invited.length) return ['尚无参评党员'];
    return evaluationProblems(invited.map((i) => ({ name: i.name, probationary: i.probationary, grade: grades.find((g) => g.memberId === i.memberId)?.grade ?? null })));
  }

  async view(user: AuthUser, id: number): Promise<EvaluationView> {
    const ctx = await this.evaluated(user, id);
    const em = this.evaluations.manager;
    const invited = await em.getRepository(MeetingInvitee).find({ where: { meetingId: id }, order: { id: 'ASC' } });
    const rows = await this.evaluations.find({ where: { meetingId: id } });
    const ratings = await this.mutual.find({ where: { meetingId: id } });
    const admin = ctx.isBranchAdmin || ctx.isParentAdmin;
    const me = ctx.invitee?.memberId ?? null;
    return {
      meetingId: id,
      members: invited.map((i) => ({
        memberId: i.memberId,
        name: i.name,
        probationary: i.probationary,
        selfSubmitted: rows.some((r) => r.memberId === i.memberId && r.selfText),
        mutualGiven: ratings.filter((r) => r.raterMemberId === i.memberId).length,
        // Grades are the branch's decision; members see them once the results are uploaded.
        grade: admin || !EVALUATION_OPEN.includes(ctx.meeting.state) ? (rows.find((r) => r.memberId === i.memberId)?.grade ?? null) : null,
      })),
      mySelf: me ? (rows.find((r) => r.memberId === me)?.selfText ?? null) : null,
      myMutual: me ? ratings.filter((r) => r.raterMemberId === me).map((r) => ({ memberId: r.rateeMemberId, grade: r.grade })) : [],
      problems: admin ? await this.problems(ctx.meeting, em) : [],
    };
  }

  private open(ctx: MeetingContext): void {
    if (!EVALUATION_OPEN.includes(ctx.meeting.state)) throw new AppError(MeetingError.EvaluationInvalid, '当前环节不能填写民主评议');
  }

  private async upsert(em: EntityManager, meetingId: number, memberId: number, patch: Partial<MeetingEvaluation>): Promise<void> {
    const repo = em.getRepository(MeetingEvaluation);
    const row = await repo.findOne({ where: { meetingId, memberId } });
    if (row) await repo.update({ id: row.id }, patch);
    else await repo.insert({ meetingId, memberId, selfText: null, grade: null, ...patch });
  }

  async saveSelf(user: AuthUser, id: number, content: string): Promise<EvaluationView> {
    const ctx = await this.evaluated(user, id);
    const me = this.access.requireInvitee(ctx);
    this.open(ctx);
    await this.tx.run((em) => this.upsert(em, id, me.memberId, { selfText: content }));
    return this.view(user, id);
  }

  /** 互评: a member rates the others invited (not themself). */
  async saveMutual(user: AuthUser, id: number, dto: EvaluationMutualDto): Promise<EvaluationView> {
    const ctx = await this.evaluated(user, id);
    const me = this.access.requireInvitee(ctx);
    this.open(ctx);
    const invited = new Set((await this.evaluations.manager.getRepository(MeetingInvitee).find({ where: { meetingId: id } })).map((i) => i.memberId));
    if (dto.ratings.some((r) => r.memberId === me.memberId || !invited.has(r.memberId))) throw new AppError(MeetingError.EvaluationInvalid, '互评对象须为本次会议的其他参评党员');
    await this.tx.run(async (em) => {
      const repo = em.getRepository(MeetingMutualRating);
      await repo.delete({ meetingId: id, raterMemberId: me.memberId });
      if (dto.ratings.length) await repo.insert(dto.ratings.map((r) => ({ meetingId: id, raterMemberId: me.memberId, rateeMemberId: r.memberId, grade: r.grade })));
    });
    return this.view(user, id);
  }

  /** The branch rates (四个等次); lawfulness is checked when the results are uploaded. */
  async saveGrades(user: AuthUser, id: number, dto: EvaluationGradesDto): Promise<EvaluationView> {
    const ctx = await this.evaluated(user, id);
    this.access.requireBranchAdmin(ctx);
    this.open(ctx);
    const invited = new Set((await this.evaluations.manager.getRepository(MeetingInvitee).find({ where: { meetingId: id } })).map((i) => i.memberId));
    if (dto.grades.some((g) => !invited.has(g.memberId))) throw new AppError(MeetingError.EvaluationInvalid, '只能为本次会议的参评党员评定等次');
    await this.tx.run(async (em) => {
      for (const g of dto.grades) await this.upsert(em, id, g.memberId, { grade: g.grade });
    });
    return this.view(user, id);
  }

  // ---- MEET-11 supervision ----
  /** Recomputes held meetings per branch, type and current period; daily at 02:00 Beijing time. */
  @Cron('0 0 2 * * *', { name: 'meetings.supervision', timeZone: 'Asia/Shanghai' })
  async recomputeAll(): Promise<void> {
    const tenants: Array<{ t: number }> = await this.meetings.manager.query('SELECT DISTINCT tenant_id AS t FROM organization');
    for (const { t } of tenants) await this.recompute(Number(t));
  }

  async recompute(tenantId: number): Promise<void> {
    const now = this.clock.now();
    const branches = await this.scope.branchesOf(tenantId);
    const held = await this.meetings.find({ select: { id: true, orgId: true, type: true, startsAt: true }, where: { tenantId, state: In(HELD_OR_LATER) } });
    await this.tx.run(async (em) => {
      const repo = em.getRepository(MeetingSupervision);
      await repo.delete({ tenantId });
      const rows = branches.flatMap((b) =>
        MEETING_TYPES.map((type) => {
          const periodKey = meetingPeriodKey(MEETING_TYPE_RULES[type].frequency, now);
          const count = held.filter((m) => m.orgId === b && m.type === type && meetingPeriodKey(MEETING_TYPE_RULES[type].frequency, m.startsAt) === periodKey).length;
          return { tenantId, orgId: b, type, periodKey, held: count, computedAt: now };
        }),
      );
      for (let i = 0; i < rows.length; i += 500) await repo.insert(rows.slice(i, i + 500));
    });
  }

  /** Branches in the caller's scope with the current period per type; behind ones flagged (MEET-11). */
  async supervisionView(user: AuthUser, orgId?: number): Promise<SupervisionView> {
    const f = this.scope.orgFilter('s.orgId', user, orgId);
    const rows = await this.supervision.createQueryBuilder('s').where('s.tenantId = :t', { t: user.tenantId }).andWhere(f.sql, f.params).orderBy('s.orgId').getMany();
    const names = await this.scope.orgNames([...new Set(rows.map((r) => r.orgId))]);
    const byOrg = new Map<number, MeetingSupervision[]>();
    for (const r of rows) byOrg.set(r.orgId, [...(byOrg.get(r.orgId) ?? []), r]);
    return {
      computedAt: rows[0]?.computedAt.toISOString() ?? null,
      rows: [...byOrg].map(([id, list]) => {
        const periods = list.map((r) => ({ type: r.type as (typeof MEETING_TYPES)[number], periodKey: r.periodKey, held: r.held, ok: r.held > 0 }));
        return { orgId: id, orgName: names.get(id) ?? '', periods, behind: periods.some((p) => !p.ok) };
      }),
    };
  }
}
