import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { monthlyDues, type DuesStandardRow, type DuesStandardView, type Page } from '@dangjian/shared';
import { In, IsNull, type EntityManager, type Repository } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { DuesError } from '../../common/errors/error-codes.js';
import { pageArgs } from '../../common/http/pagination.js';
import { Transactions } from '../../database/write-gate.js';
import { Member } from '../members/entities/member.entity.js';
import { Organization } from '../organizations/entities/organization.entity.js';
import { DuesContext } from './dues-context.service.js';
import type { DuesStandardCorrectionDto, DuesStandardDto, DuesStandardFieldsDto, DuesStandardLockDto, DuesStandardQueryDto } from './dto/dues.dto.js';
import { DuesBill } from './entities/dues-bill.entity.js';
import { DuesStandard } from './entities/dues-standard.entity.js';

export type StandardFields = Pick<DuesStandardFieldsDto, 'category' | 'incomeFen' | 'farmerFen' | 'hardship'>;

/**
 * Members' yearly standards (DUES-1, DUES-2): set one by one or by import while the year is open;
 * locked once the year's bills go out or the admin locks the year; then only an audited correction.
 */
@Injectable()
export class DuesStandardsService {
  constructor(
    @InjectRepository(DuesStandard) private readonly repo: Repository<DuesStandard>,
    private readonly ctx: DuesContext,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
  ) {}

  /** The amounts a set of fields gives, or 400 with the calculator's problem. */
  compute(f: StandardFields): Pick<DuesStandard, 'category' | 'incomeFen' | 'farmerFen' | 'standardFen' | 'amountFen' | 'rule' | 'hardshipFen' | 'hardshipApprovedBy' | 'hardshipNote'> {
    const r = monthlyDues({ category: f.category, incomeFen: f.incomeFen, farmerFen: f.farmerFen });
    if (!r.ok) throw new AppError(DuesError.StandardInvalid, r.problem);
    const h = f.hardship ?? null;
    if (h && h.amountFen > r.amountFen) throw new AppError(DuesError.StandardInvalid, '减免后的金额不能高于按规定应交的金额');
    return {
      category: f.category,
      incomeFen: f.category === 'employed' || f.category === 'retired' ? (f.incomeFen ?? null) : null,
      farmerFen: f.category === 'farmer' ? r.amountFen : null,
      standardFen: r.amountFen,
      amountFen: h ? h.amountFen : r.amountFen,
      rule: r.rule + (h ? `；困难减免为每月${(h.amountFen / 100).toFixed(2)}元（${h.approvedBy}批准）` : ''),
      hardshipFen: h?.amountFen ?? null,
      hardshipApprovedBy: h?.approvedBy ?? null,
      hardshipNote: h?.note ?? null,
    };
  }

  view(s: DuesStandard, memberName: string, orgId: number, orgName: string): DuesStandardView {
    return {
      id: s.id,
      memberId: s.memberId,
      memberName,
      orgId,
      orgName,
      year: s.year,
      category: s.category,
      incomeFen: s.incomeFen,
      standardFen: s.standardFen,
      amountFen: s.amountFen,
      rule: s.rule,
      hardship: s.hardshipFen == null ? null : { amountFen: s.hardshipFen, approvedBy: s.hardshipApprovedBy ?? '', ...(s.hardshipNote ? { note: s.hardshipNote } : {}) },
      source: s.source,
      locked: s.lockedAt != null,
      setAt: s.updatedAt.toISOString(),
      setByName: s.setByName,
    };
  }

  async list(user: AuthUser, q: DuesStandardQueryDto): Promise<Page<DuesStandardRow>> {
    const f = this.ctx.scope.orgFilter('m.orgId', user, q.orgId);
    const qb = this.ctx.ds
      .getRepository(Member)
      .createQueryBuilder('m')
      .innerJoin(Organization, 'o', 'o.id = m.orgId')
      .leftJoin(DuesStandard, 's', 's.memberId = m.id AND s.year = :year', { year: q.year })
      .select(['m.id AS memberId', 'm.name AS memberName', 'm.orgId AS orgId', 'o.name AS orgName', 's.id AS standardId'])
      .where('m.tenantId = :t AND m.status = :active', { t: user.tenantId, active: 'active' })
      .andWhere(f.sql, f.params);
    if (q.keyword) qb.andWhere('m.name LIKE :kw', { kw: `%${q.keyword}%` });
    if (q.missing) qb.andWhere('s.id IS NULL');
    const total = await qb.clone().getCount();
    const { skip, take } = pageArgs(q);
    const rows: Array<{ memberId: number; memberName: string; orgId: number; orgName: string; standardId: number | null }> = await qb.orderBy('m.orgId', 'ASC').addOrderBy('m.id', 'ASC').offset(skip).limit(take).getRawMany();
    const ids = rows.map((r) => Number(r.standardId)).filter((id) => id > 0);
    const standards = new Map((ids.length ? await this.repo.findBy({ id: In(ids) }) : []).map((s) => [s.memberId, s]));
    return {
      items: rows.map((r) => {
        const s = standards.get(Number(r.memberId));
        return { memberId: Number(r.memberId), memberName: r.memberName, orgId: Number(r.orgId), orgName: r.orgName, standard: s ? this.view(s, r.memberName, Number(r.orgId), r.orgName) : null };
      }),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async set(user: AuthUser, dto: DuesStandardDto): Promise<DuesStandardView> {
    const member = await this.ctx.memberInScope(user, dto.memberId);
    const saved = await this.tx.run(async (em) => {
      const existing = await em.getRepository(DuesStandard).findOne({ where: { memberId: member.id, year: dto.year }, lock: this.tx.lock });
      if (existing?.lockedAt) throw new AppError(DuesError.StandardLocked);
      return this.write(em, user, member, dto.year, dto, existing, 'manual');
    });
    return this.view(saved, member.name, member.orgId, await this.ctx.orgName(member.orgId));
  }

  /** Saves (creates or replaces) a standard; the caller checked the lock. */
  async write(em: EntityManager, user: AuthUser, member: Member, year: number, f: StandardFields, existing: DuesStandard | null, source: DuesStandard['source']): Promise<DuesStandard> {
    const repo = em.getRepository(DuesStandard);
    const row = existing ?? repo.create({ tenantId: member.tenantId, memberId: member.id, year, lockedAt: null });
    Object.assign(row, this.compute(f), { source, setByUserId: user.userId, setByName: user.displayName });
    return repo.save(row);
  }

  /** DUES-2: the audited correction of a locked standard; the year's unpaid bills follow it. */
  async correct(user: AuthUser, id: number, dto: DuesStandardCorrectionDto): Promise<DuesStandardView> {
    const current = await this.repo.findOne({ where: { id, tenantId: user.tenantId ?? -1 } });
    if (!current) throw new AppError(DuesError.NotFound, '党费标准不存在');
    const member = await this.ctx.memberInScope(user, current.memberId);
    const saved = await this.tx.run(async (em) => {
      const row = (await em.getRepository(DuesStandard).findOne({ where: { id }, lock: this.tx.lock }))!;
      const before = { category: row.category, incomeFen: row.incomeFen, amountFen: row.amountFen, hardshipFen: row.hardshipFen };
      const after = await this.write(em, user, member, row.year, dto, row, 'correction');
      const bills = await em
        .getRepository(DuesBill)
        .createQueryBuilder()
        .update()
        .set({ amountFen: after.amountFen })
        .where('memberId = :m AND status = :unpaid AND holdPaymentId IS NULL AND month LIKE :y', { m: member.id, unpaid: 'unpaid', y: `${row.year}-%` })
        .execute();
      await this.audit.record(user, user.displayName, { action: 'dues.standard.correct', targetType: 'dues_standard', targetId: id, detail: { reason: dto.reason, before, after: { category: after.category, incomeFen: after.incomeFen, amountFen: after.amountFen, hardshipFen: after.hardshipFen }, unpaidBillsUpdated: bills.affected ?? 0 } }, em);
      return after;
    });
    return this.view(saved, member.name, member.orgId, await this.ctx.orgName(member.orgId));
  }

  /** Locks the year's standards of an organisation's subtree. */
  async lock(user: AuthUser, dto: DuesStandardLockDto): Promise<{ locked: number }> {
    await this.ctx.scope.assertOrg(user, dto.orgId);
    const f = this.ctx.scope.orgFilter('m.orgId', user, dto.orgId);
    return this.tx.run(async (em) => {
      const ids: Array<{ id: number }> = await em
        .getRepository(DuesStandard)
        .createQueryBuilder('s')
        .select('s.id', 'id')
        .innerJoin(Member, 'm', 'm.id = s.memberId')
        .where('s.tenantId = :t AND s.year = :y AND s.lockedAt IS NULL', { t: user.tenantId, y: dto.year })
        .andWhere(f.sql, f.params)
        .getRawMany();
      if (!ids.length) return { locked: 0 };
      await em.getRepository(DuesStandard).update(ids.map((r) => Number(r.id)), { lockedAt: this.ctx.now() });
      return { locked: ids.length };
    });
  }

  /** Bills of a year fix its standards: lock every one of the tenant's standards for that year still open. */
  async lockYear(em: EntityManager, tenantId: number, year: number): Promise<void> {
    await em.getRepository(DuesStandard).update({ tenantId, year, lockedAt: IsNull() }, { lockedAt: this.ctx.now() });
  }

  /** The member's standard that applies to a month: that year's, or for future years the latest one. */
  async forMonth(memberId: number, month: string, em?: EntityManager): Promise<DuesStandard | null> {
    const year = Number(month.slice(0, 4));
    return (em?.getRepository(DuesStandard) ?? this.repo).createQueryBuilder('s').where('s.memberId = :m AND s.year <= :y', { m: memberId, y: year }).orderBy('s.year', 'DESC').getOne();
  }

  find(memberId: number, year: number): Promise<DuesStandard | null> {
    return this.repo.findOne({ where: { memberId, year } });
  }
}
