import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Page, PointsDeclarationView } from '@dangjian/shared';
import type { EntityManager, Repository } from 'typeorm';
import { hasRole, isAdmin, type AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { OrgError, PointsError } from '../../common/errors/error-codes.js';
import { pageArgs, type PageQuery } from '../../common/http/pagination.js';
import { Clock } from '../../common/time/clock.js';
import { Transactions } from '../../database/write-gate.js';
import { FilesService, imageUrl } from '../files/files.service.js';
import type { Member } from '../members/entities/member.entity.js';
import { MembersService } from '../members/members.service.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import type { PointsDeclarationDto, PointsDeclarationOverturnDto, PointsDeclarationQueryDto, PointsDeclarationReviewDto } from './dto/points.dto.js';
import { PointsDeclaration } from './entities/points-declaration.entity.js';
import { PointsRule } from './entities/points-rule.entity.js';
import { PointsService } from './points.service.js';

/** The ledger's sourceType for what a declaration earned (sourceId: the declaration's id). */
export const DECLARATION_SOURCE = 'declaration';

/**
 * PTS-3 积分申报: a member declares under an enabled declared rule with evidence; the branch admin
 * (or an admin above) approves — awarding through the ledger in the same transaction, so caps apply —
 * or rejects with a reason, once; a tenant admin may overturn the decision once, with a reason.
 * Declarations outside the caller's reach answer 404.
 */
@Injectable()
export class PointsDeclarationsService {
  constructor(
    @InjectRepository(PointsDeclaration) private readonly repo: Repository<PointsDeclaration>,
    private readonly members: MembersService,
    private readonly scope: OrgScope,
    private readonly files: FilesService,
    private readonly points: PointsService,
    private readonly tx: Transactions,
    private readonly clock: Clock,
  ) {}

  /** The caller's active member record and branch (a group member's: the branch above). */
  private async declarant(user: AuthUser): Promise<{ member: Member; branchId: number }> {
    const member = user.tenantId && user.memberId ? await this.members.findActive(user.tenantId, user.memberId) : null;
    if (!member) throw new AppError(PointsError.NotMember);
    const org = await this.scope.findOrg(member.orgId);
    if (!org) throw new AppError(OrgError.NotFound);
    return { member, branchId: org.type === 'group' && org.parentId ? org.parentId : org.id };
  }

  async create(user: AuthUser, dto: PointsDeclarationDto): Promise<PointsDeclarationView> {
    const { member, branchId } = await this.declarant(user);
    const rule = await this.repo.manager.getRepository(PointsRule).findOne({ where: { tenantId: member.tenantId, code: dto.ruleCode } });
    if (!rule || !rule.declared || !rule.enabled) throw new AppError(PointsError.RuleNotDeclarable);
    const images = await this.files.claim(user, [...new Set(dto.images ?? [])], PointsError.DeclarationImageInvalid);
    const saved = await this.tx.run((em) =>
      em.getRepository(PointsDeclaration).save(
        em.getRepository(PointsDeclaration).create({
          tenantId: member.tenantId,
          memberId: member.id,
          memberName: member.name,
          orgId: branchId,
          ruleCode: rule.code,
          ruleName: rule.name,
          category: rule.category,
          points: rule.points,
          awarded: 0,
          content: dto.content,
          images,
          state: 'pending',
          reviewerUserId: null,
          reviewerName: null,
          reviewedAt: null,
          reason: null,
          overturned: false,
          createdByUserId: user.userId,
        }),
      ),
    );
    return (await this.views([saved]))[0];
  }

  async mine(user: AuthUser, q: PageQuery): Promise<Page<PointsDeclarationView>> {
    const { member } = await this.declarant(user);
    const [rows, total] = await this.repo.findAndCount({ where: { tenantId: member.tenantId, memberId: member.id }, order: { id: 'DESC' }, ...pageArgs(q) });
    return { items: await this.views(rows), total, page: q.page, pageSize: q.pageSize };
  }

  /** The review queue: declarations of the branches in the caller's admin scope (optionally one subtree and state). */
  async list(user: AuthUser, q: PointsDeclarationQueryDto): Promise<Page<PointsDeclarationView>> {
    if (q.orgId !== undefined) await this.scope.assertOrg(user, q.orgId);
    const f = this.scope.orgFilter('d.orgId', user, q.orgId);
    const qb = this.repo.createQueryBuilder('d').where('d.tenantId = :t', { t: user.tenantId ?? -1 }).andWhere(f.sql, f.params);
    if (q.state) qb.andWhere('d.state = :state', { state: q.state });
    const { skip, take } = pageArgs(q);
    const [rows, total] = await qb.orderBy('d.id', 'DESC').skip(skip).take(take).getManyAndCount();
    return { items: await this.views(rows), total, page: q.page, pageSize: q.pageSize };
  }

  /** An admin of the branch or of an organisation above it (a tenant admin reaches all of the tenant). */
  private async administers(user: AuthUser, orgId: number): Promise<boolean> {
    const roots = this.scope.adminRoots(user);
    if (roots === null) return true;
    if (!roots.length) return false;
    if (roots.includes(orgId)) return true;
    const ancestors = await this.scope.ancestorIds(orgId);
    return roots.some((r) => ancestors.includes(r));
  }

  /** The declaration of the caller's tenant, locked in `em`; 404 when missing. */
  private async locked(em: EntityManager, user: AuthUser, id: number): Promise<PointsDeclaration> {
    const d = await em.getRepository(PointsDeclaration).findOne({ where: { id, tenantId: user.tenantId ?? -1 }, lock: this.tx.lock });
    if (!d) throw new AppError(PointsError.DeclarationNotFound);
    return d;
  }

  async review(user: AuthUser, id: number, dto: PointsDeclarationReviewDto): Promise<PointsDeclarationView> {
    const found = await this.repo.findOne({ select: { id: true, orgId: true, memberId: true }, where: { id, tenantId: user.tenantId ?? -1 } });
    if (!found || !isAdmin(user) || !(await this.administers(user, found.orgId))) throw new AppError(PointsError.DeclarationNotFound);
    if (user.memberId != null && user.memberId === found.memberId) throw new AppError(PointsError.OwnDeclaration);
    const reason = dto.reason?.trim() || null;
    if (!dto.approve && !reason) throw new AppError(PointsError.ReasonRequired);
    const saved = await this.tx.run(async (em) => {
      const d = await this.locked(em, user, id);
      // Two reviews at once: the second finds the first one's decision here.
      if (d.state !== 'pending') throw new AppError(PointsError.DeclarationReviewed);
      d.state = dto.approve ? 'approved' : 'rejected';
      d.reason = dto.approve ? null : reason;
      d.reviewerUserId = user.userId;
      d.reviewerName = user.displayName;
      d.reviewedAt = this.clock.now();
      if (dto.approve) d.awarded = await this.points.award({ tenantId: d.tenantId, memberId: d.memberId, ruleCode: d.ruleCode, sourceType: DECLARATION_SOURCE, sourceId: d.id, at: d.reviewedAt }, em);
      return em.getRepository(PointsDeclaration).save(d);
    });
    return (await this.views([saved]))[0];
  }

  /**
   * A tenant admin reverses the decision, once: approved → rejected appends the reversing ledger
   * entry (points, cap counter and totals go down by what it earned); rejected → approved awards.
   */
  async overturn(user: AuthUser, id: number, dto: PointsDeclarationOverturnDto): Promise<PointsDeclarationView> {
    if (!hasRole(user, 'tenant_admin')) throw new AppError(PointsError.DeclarationNotFound);
    const saved = await this.tx.run(async (em) => {
      const d = await this.locked(em, user, id);
      if (d.state === 'pending') throw new AppError(PointsError.DeclarationPending);
      if (d.overturned) throw new AppError(PointsError.DeclarationOverturned);
      const now = this.clock.now();
      const source = { tenantId: d.tenantId, memberId: d.memberId, ruleCode: d.ruleCode, sourceType: DECLARATION_SOURCE, sourceId: d.id };
      if (d.state === 'approved') {
        await this.points.revoke(em, source);
        d.state = 'rejected';
        d.awarded = 0;
      } else {
        d.state = 'approved';
        d.awarded = await this.points.award({ ...source, at: now }, em);
      }
      d.overturned = true;
      d.reason = dto.reason;
      d.reviewerUserId = user.userId;
      d.reviewerName = user.displayName;
      d.reviewedAt = now;
      return em.getRepository(PointsDeclaration).save(d);
    });
    return (await this.views([saved]))[0];
  }

  private async views(rows: PointsDeclaration[]): Promise<PointsDeclarationView[]> {
    const names = await this.scope.orgNames([...new Set(rows.map((r) => r.orgId))]);
    return rows.map((d) => ({
      id: d.id,
      memberId: d.memberId,
      memberName: d.memberName,
      orgId: d.orgId,
      orgName: names.get(d.orgId) ?? '',
      ruleCode: d.ruleCode,
      ruleName: d.ruleName,
      category: d.category,
      points: d.points,
      awarded: d.awarded,
      content: d.content,
      images: d.images.map((x) => ({ ...x, url: imageUrl(x.key) })),
      state: d.state,
      reviewerName: d.reviewerName,
      reviewedAt: d.reviewedAt ? d.reviewedAt.toISOString() : null,
      reason: d.reason,
      overturned: d.overturned,
      createdAt: d.createdAt.toISOString(),
    }));
  }
}
