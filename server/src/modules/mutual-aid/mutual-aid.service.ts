import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AID_FLOWS,
  availableAidActions,
  checkAidTransition,
  mentionsCash,
  type AidAction,
  type AidItemDetail,
  type AidItemSummary,
  type Page,
} from '@dangjian/shared';
import type { Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { hasRole, isAdmin } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { AidError } from '../../common/errors/error-codes.js';
import { pageArgs } from '../../common/http/pagination.js';
import { Clock } from '../../common/time/clock.js';
import { Transactions } from '../../database/write-gate.js';
import { FilesService, imageUrl } from '../files/files.service.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import { PointsService } from '../points/points.service.js';
import type { AidItemCreateDto, AidItemQueryDto, AidTransitionDto } from './dto/aid.dto.js';
import { AidItem } from './entities/aid-item.entity.js';
import { AidBlacklist, AidLike } from './entities/aid-social.entity.js';
import { AID_UNLISTED, AidAccess, type AidContext } from './aid-access.service.js';

const REFUSALS = { not_allowed: AidError.TransitionRefused, wrong_actor: AidError.NotAllowed, reason_required: AidError.ReasonRequired } as const;

/** The items of 党员e家 (AID-1…AID-5): lists, detail, publishing, and the flow checked against the shared table. */
@Injectable()
export class MutualAidService {
  constructor(
    @InjectRepository(AidItem) private readonly items: Repository<AidItem>,
    @InjectRepository(AidLike) private readonly likes: Repository<AidLike>,
    @InjectRepository(AidBlacklist) private readonly blacklist: Repository<AidBlacklist>,
    private readonly access: AidAccess,
    private readonly scope: OrgScope,
    private readonly files: FilesService,
    private readonly points: PointsService,
    private readonly clock: Clock,
    private readonly tx: Transactions,
  ) {}

  async list(user: AuthUser, q: AidItemQueryDto): Promise<Page<AidItemSummary>> {
    const { member, branchId } = await this.access.me(user);
    const me = member?.id ?? -1;
    const branch = branchId ?? -1;
    const admin = isAdmin(user) ? this.scope.orgFilter('i.orgId', user) : { sql: '1=0', params: {} };
    // Micro-wishes (AID-5) are listed for the whole tenant and reviewed by its admin; the other kinds stay in the branch.
    const micro = q.kind === 'micro_wish';
    const qb = this.items.createQueryBuilder('i').where('i.tenantId = :t AND i.kind = :kind', { t: user.tenantId ?? -1, kind: q.kind });
    const listed = micro ? '(i.state NOT IN (:...unlisted))' : '(i.orgId = :branch AND i.state NOT IN (:...unlisted))';
    const params = { me, branch, unlisted: AID_UNLISTED, ...admin.params };
    switch (q.view ?? 'all') {
      case 'all':
        qb.andWhere(`((${admin.sql}) OR i.publisherMemberId = :me OR i.claimerMemberId = :me OR ${listed})`, params);
        break;
      case 'open':
        if (micro) qb.andWhere("i.state = 'open'");
        else qb.andWhere('i.orgId = :branch AND i.state = :openState', { branch, openState: q.kind === 'snapshot' ? 'approved' : 'open' });
        break;
      case 'mine':
        qb.andWhere('i.publisherMemberId = :me', { me });
        break;
      case 'claimed':
        qb.andWhere('i.claimerMemberId = :me', { me });
        break;
      case 'review':
        if (micro) qb.andWhere(hasRole(user, 'tenant_admin') ? "i.state = 'submitted'" : '1=0');
        else qb.andWhere(`(${admin.sql}) AND i.state = 'submitted'`, admin.params);
        break;
    }
    if (q.column) qb.andWhere('i.snapshotColumn = :column', { column: q.column });
    if (q.state) qb.andWhere('i.state = :state', { state: q.state });
    const { skip, take } = pageArgs(q);
    const [rows, total] = await qb.orderBy('i.id', 'DESC').skip(skip).take(take).getManyAndCount();
    const names = await this.scope.orgNames([...new Set(rows.map((r) => r.orgId))]);
    return { items: rows.map((r) => this.summary(r, names.get(r.orgId) ?? '')), total, page: q.page, pageSize: q.pageSize };
  }

  async detail(user: AuthUser, id: number): Promise<AidItemDetail> {
    return this.view(await this.access.resolve(user, id));
  }

  async view(ctx: AidContext): Promise<AidItemDetail> {
    const i = ctx.item;
    const [orgName] = [...(await this.scope.orgNames([i.orgId])).values()];
    const actions = [...new Set(availableAidActions(i.kind, i.state, this.access.actors(ctx, i)).map((x) => x.action))] as AidAction[];
    const current = i.state;
    return {
      ...this.summary(i, orgName ?? ''),
      content: i.content,
      takenAt: i.takenAt?.toISOString() ?? null,
      place: i.place,
      rejectReason: i.rejectReason,
      timeline: AID_FLOWS[i.kind].timeline.map((state) => ({ state, at: i.stateTimes[state] ?? null, current: state === current })),
      availableActions: actions,
      liked: (await this.likes.count({ where: { itemId: i.id, userId: ctx.user.userId } })) > 0,
      contact: i.contactName && i.contactPhone && this.access.seesContact(ctx, i) ? { name: i.contactName, phone: i.contactPhone } : null,
    };
  }

  summary(i: AidItem, orgName: string): AidItemSummary {
    return {
      id: i.id,
      kind: i.kind,
      orgId: i.orgId,
      orgName,
      state: i.state,
      title: i.title,
      category: i.category,
      column: i.snapshotColumn,
      publisherMemberId: i.publisherMemberId,
      publisherName: i.publisherName,
      claimerMemberId: i.claimerMemberId,
      claimerName: i.claimerName,
      images: i.images.map((x) => ({ ...x, url: imageUrl(x.key) })),
      likeCount: i.likeCount,
      shareCount: i.shareCount,
      createdAt: i.createdAt.toISOString(),
    };
  }

  /**
   * Publishes an item for review. Members only; blacklisted members are refused (AID-4); wishes never
   * ask for cash (AID-1). Micro-wishes (AID-5): a branch admin submits one for the branch they
   * administer, with the wisher's name and phone; no cash either.
   */
  async create(user: AuthUser, dto: AidItemCreateDto): Promise<AidItemDetail> {
    const { member, branchId: memberBranch } = await this.access.me(user);
    if (!member || memberBranch == null) throw new AppError(AidError.NotMember);
    const micro = dto.kind === 'micro_wish';
    let branchId = memberBranch;
    if (micro) {
      const administered = user.roles.filter((r) => r.role === 'branch_admin' && r.orgId != null).map((r) => r.orgId!);
      if (!administered.length) throw new AppError(AidError.MicroWishAdminOnly);
      if (!administered.includes(memberBranch)) branchId = administered[0];
      if (!dto.contactName || !dto.contactPhone) throw new AppError(AidError.ContactRequired);
    }
    if (await this.blacklist.exists({ where: { tenantId: member.tenantId, memberId: member.id } })) throw new AppError(AidError.Blacklisted);
    if (dto.kind === 'wish' && !dto.category) throw new AppError(AidError.CategoryRequired);
    if ((dto.kind === 'wish' || micro) && mentionsCash(`${dto.title}${dto.content}`)) throw new AppError(AidError.CashRefused);
    const snapshot = dto.kind === 'snapshot';
    if (snapshot && (!dto.images?.length || !dto.column || !dto.takenAt || !dto.place)) throw new AppError(AidError.SnapshotFieldsRequired);
    const images = await this.files.claim(user, [...new Set(dto.images ?? [])], AidError.ImageInvalid);
    const now = this.clock.now();
    const saved = await this.tx.run((em) =>
      em.getRepository(AidItem).save(
        em.getRepository(AidItem).create({
          tenantId: member.tenantId,
          kind: dto.kind,
          orgId: branchId,
          publisherMemberId: member.id,
          publisherName: member.name,
          claimerMemberId: null,
          claimerName: null,
          state: 'submitted',
          title: dto.title,
          content: dto.content,
          category: dto.kind === 'wish' || micro ? (dto.category ?? null) : null,
          images,
          snapshotColumn: snapshot ? dto.column! : null,
          takenAt: snapshot ? new Date(dto.takenAt!) : null,
          place: snapshot ? dto.place! : null,
          rejectReason: null,
          contactName: micro ? dto.contactName! : null,
          contactPhone: micro ? dto.contactPhone! : null,
          stateTimes: { submitted: now.toISOString() },
          likeCount: 0,
          shareCount: 0,
          createdByUserId: user.userId,
        }),
      ),
    );
    return this.detail(user, saved.id);
  }

  /**
   * One step of the flow: the caller's roles on the locked row, checked with the shared table; the
   * state moves and the step's points are awarded in the same transaction (parallel claims: one wins).
   */
  async transition(user: AuthUser, id: number, dto: AidTransitionDto): Promise<AidItemDetail> {
    const ctx = await this.access.resolve(user, id);
    await this.tx.run(async (em) => {
      const repo = em.getRepository(AidItem);
      const item = await repo.findOne({ where: { id }, lock: this.tx.lock });
      if (!item) throw new AppError(AidError.NotFound);
      const check = checkAidTransition(item.kind, item.state, dto.action, this.access.actors(ctx, item), dto.reason);
      if (!check.ok) throw new AppError(REFUSALS[check.error], check.message);
      const tr = check.transition;
      if (tr.action === 'claim') {
        item.claimerMemberId = ctx.member!.id;
        item.claimerName = ctx.member!.name;
      }
      if (tr.action === 'reject') item.rejectReason = dto.reason!.trim();
      item.state = tr.to;
      item.stateTimes = { ...item.stateTimes, [tr.to]: this.clock.now().toISOString() };
      await repo.save(item);
      if (tr.award) {
        const memberId = tr.award.to === 'publisher' ? item.publisherMemberId : item.claimerMemberId;
        if (memberId != null) await this.points.award({ tenantId: item.tenantId, memberId, ruleCode: tr.award.rule, sourceType: 'aid', sourceId: item.id }, em);
      }
    });
    return this.detail(user, id);
  }
}
