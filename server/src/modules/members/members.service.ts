import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { beijingDate, checkIdNumber, ID_NUMBER_PROBLEM_MESSAGES, idNumberFacts, memberDateProblems, maskIdNumber, normalizeIdNumber, type MemberView, type Page } from '@dangjian/shared';
import { In, type EntityManager, type Repository, type SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CryptoService } from '../../common/crypto/crypto.service.js';
import { AppError } from '../../common/errors/app-error.js';
import { CommonError, IdentityError, MemberError } from '../../common/errors/error-codes.js';
import { pageArgs, type PageQuery } from '../../common/http/pagination.js';
import { Transactions } from '../../database/write-gate.js';
import { Organization } from '../organizations/entities/organization.entity.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import type { MemberCreateDto, MemberQueryDto, MemberUpdateDto } from './dto/member.dto.js';
import { Member } from './entities/member.entity.js';

/**
 * Domain events of members. They are awaited (emitAsync) inside the request, so listeners run in the
 * caller's transaction / write gate and a failure surfaces to the caller instead of being lost.
 */
export const MEMBER_EVENTS = { created: 'member.created', updated: 'member.updated', deleted: 'member.deleted', restored: 'member.restored', purged: 'member.purged' } as const;

/** Members may be registered only in a branch or a party group (MEM-1). */
const MEMBER_ORG_TYPES = ['branch', 'group'];

@Injectable()
export class MembersService {
  constructor(
    @InjectRepository(Member) private readonly repo: Repository<Member>,
    private readonly scope: OrgScope,
    private readonly crypto: CryptoService,
    private readonly tx: Transactions,
    private readonly events: EventEmitter2,
  ) {}

  toView(m: Member, orgName: string): MemberView {
    return {
      id: m.id,
      orgId: m.orgId,
      orgName,
      name: m.name,
      gender: m.gender,
      ethnicity: m.ethnicity,
      birthDate: m.birthDate,
      education: m.education,
      memberType: m.memberType,
      joinDate: m.joinDate,
      regularDate: m.regularDate,
      phone: m.phone,
      idNumberMasked: m.idMasked,
      status: m.status,
      activated: m.activatedAt != null,
      deletedAt: m.deletedAt ? new Date(m.deletedAt).toISOString() : null,
    };
  }

  /** Members within the caller's admin scope (and `orgId`'s subtree), with the org name joined. */
  private scoped(user: AuthUser, status: Member['status'], orgId?: number): SelectQueryBuilder<Member> {
    const f = this.scope.orgFilter('m.orgId', user, orgId);
    return this.repo
      .createQueryBuilder('m')
      .innerJoin(Organization, 'o', 'o.id = m.orgId')
      .addSelect('o.name', 'orgName')
      .where('m.tenantId = :tenantId AND m.status = :status', { tenantId: user.tenantId, status })
      .andWhere(f.sql, f.params);
  }

  private async page(qb: SelectQueryBuilder<Member>, q: PageQuery): Promise<Page<MemberView>> {
    const { skip, take } = pageArgs(q);
    const total = await qb.clone().getCount();
    const { entities, raw } = await qb.orderBy('m.orgId', 'ASC').addOrderBy('m.id', 'ASC').offset(skip).limit(take).getRawAndEntities();
    return { items: entities.map((m, i) => this.toView(m, raw[i].orgName)), total, page: q.page, pageSize: q.pageSize };
  }

  list(user: AuthUser, q: MemberQueryDto): Promise<Page<MemberView>> {
    const qb = this.scoped(user, 'active', q.orgId);
    this.applyFilters(qb, q);
    return this.page(qb, q);
  }

  applyFilters(qb: SelectQueryBuilder<Member>, q: Pick<MemberQueryDto, 'keyword' | 'memberType' | 'activated'>): void {
    // '!' escapes LIKE's wildcards the same way on SQLite and MySQL, so "%" searches for a percent sign.
    if (q.keyword) qb.andWhere("(m.name LIKE :kw ESCAPE '!' OR m.phone LIKE :kw ESCAPE '!')", { kw: `%${q.keyword.replace(/[!%_]/g, '!$&')}%` });
    if (q.memberType) qb.andWhere('m.memberType = :mt', { mt: q.memberType });
    if (q.activated !== undefined) qb.andWhere(q.activated ? 'm.activatedAt IS NOT NULL' : 'm.activatedAt IS NULL');
  }

  /** For exports: every matching member (scoped), in order. */
  async all(user: AuthUser, q: Pick<MemberQueryDto, 'orgId' | 'keyword' | 'memberType' | 'activated'>): Promise<MemberView[]> {
    const qb = this.scoped(user, 'active', q.orgId);
    this.applyFilters(qb, q);
    const { entities, raw } = await qb.orderBy('m.orgId', 'ASC').addOrderBy('m.id', 'ASC').getRawAndEntities();
    return entities.map((m, i) => this.toView(m, raw[i].orgName));
  }

  history(user: AuthUser, q: MemberQueryDto): Promise<Page<MemberView>> {
    const qb = this.scoped(user, 'history', q.orgId);
    this.applyFilters(qb, q);
    return this.page(qb, q);
  }

  private async findScoped(user: AuthUser, id: number, status: Member['status']): Promise<{ member: Member; orgName: string }> {
    const { entities, raw } = await this.scoped(user, status).andWhere('m.id = :id', { id }).getRawAndEntities();
    if (!entities[0]) throw new AppError(MemberError.NotFound);
    return { member: entities[0], orgName: raw[0].orgName };
  }

  async get(user: AuthUser, id: number): Promise<MemberView> {
    const { member, orgName } = await this.findScoped(user, id, 'active');
    return this.toView(member, orgName);
  }

  /** Checks that a member may be registered in this organisation (in scope, a branch or group). */
  async memberOrg(user: AuthUser, orgId: number): Promise<Organization> {
    const org = await this.scope.assertOrg(user, orgId);
    if (!MEMBER_ORG_TYPES.includes(org.type)) throw new AppError(MemberError.OrgNotAllowed);
    return org;
  }

  /** Validates and normalises an ID number or throws a field-level error (ID-1). */
  static parseIdNumber(raw: string): string {
    const problem = checkIdNumber(raw);
    if (problem) throw new AppError(IdentityError.InvalidIdNumber, ID_NUMBER_PROBLEM_MESSAGES[problem], [{ field: 'idNumber', message: ID_NUMBER_PROBLEM_MESSAGES[problem] }]);
    return normalizeIdNumber(raw);
  }

  /** Builds (does not save) a member row from validated input; shared by create and import. */
  build(tenantId: number, dto: MemberCreateDto): Member {
    const id = normalizeIdNumber(dto.idNumber);
    const facts = idNumberFacts(id);
    return this.repo.create({
      tenantId,
      orgId: dto.orgId,
      name: dto.name,
      gender: dto.gender ?? facts.gender,
      ethnicity: dto.ethnicity ?? '汉族',
      birthDate: dto.birthDate ?? facts.birthDate,
      education: dto.education ?? null,
      memberType: dto.memberType,
      joinDate: dto.joinDate,
      regularDate: dto.regularDate ?? null,
      phone: dto.phone ?? null,
      idCipher: this.crypto.encrypt(id),
      idHash: this.crypto.lookupHash(id),
      idMasked: maskIdNumber(id),
      status: 'active',
    });
  }

  /** Existing records (active or in history) among these ID hashes of a tenant. */
  async existingIdHashes(tenantId: number, hashes: string[], em?: EntityManager): Promise<Map<string, Member['status']>> {
    if (!hashes.length) return new Map();
    const rows = await (em?.getRepository(Member) ?? this.repo).find({ select: { idHash: true, status: true }, where: { tenantId, idHash: In(hashes) } });
    return new Map(rows.map((r) => [r.idHash, r.status]));
  }

  /** MEM-1 date plausibility (shared rule): 400 naming each wrong date field. */
  static assertDates(m: Pick<Member, 'birthDate' | 'joinDate' | 'regularDate'>): void {
    const problems = memberDateProblems(m, beijingDate());
    if (problems.length) throw new AppError(CommonError.ValidationFailed, problems[0].message, problems);
  }

  async create(user: AuthUser, dto: MemberCreateDto): Promise<MemberView> {
    dto.idNumber = MembersService.parseIdNumber(dto.idNumber);
    const org = await this.memberOrg(user, dto.orgId);
    const member = this.build(user.tenantId!, dto);
    MembersService.assertDates(member);
    return this.tx.run(async (em) => {
      const existing = await this.existingIdHashes(user.tenantId!, [member.idHash], em);
      const status = existing.get(member.idHash);
      if (status) {
        throw new AppError(MemberError.DuplicateIdNumber, status === 'history' ? '该身份证号的党员在历史库中，请从历史库恢复' : undefined, [{ field: 'idNumber', message: '该身份证号已登记' }]);
      }
      const saved = await em.getRepository(Member).save(member);
      await this.events.emitAsync(MEMBER_EVENTS.created, { tenantId: saved.tenantId, memberId: saved.id, orgId: saved.orgId });
      return this.toView(saved, org.name);
    });
  }

  async update(user: AuthUser, id: number, dto: MemberUpdateDto): Promise<MemberView> {
    const { member } = await this.findScoped(user, id, 'active');
    const org = await this.memberOrg(user, dto.orgId ?? member.orgId);
    Object.assign(member, dto);
    MembersService.assertDates(member);
    const saved = await this.repo.save(member);
    await this.events.emitAsync(MEMBER_EVENTS.updated, { tenantId: saved.tenantId, memberId: saved.id, orgId: saved.orgId });
    return this.toView(saved, org.name);
  }

  /** MEM-2: deleting moves the record to the history store. */
  async remove(user: AuthUser, id: number, reason?: string): Promise<void> {
    const { member } = await this.findScoped(user, id, 'active');
    await this.tx.run(async (em) => {
      await em.getRepository(Member).update({ id: member.id }, { status: 'history', deletedAt: new Date(), deletedReason: reason ?? null });
      await this.events.emitAsync(MEMBER_EVENTS.deleted, { tenantId: member.tenantId, memberId: member.id, em });
    });
  }

  async restore(user: AuthUser, id: number): Promise<MemberView> {
    const { member, orgName } = await this.findScoped(user, id, 'history');
    await this.repo.update({ id: member.id }, { status: 'active', deletedAt: null, deletedReason: null });
    await this.events.emitAsync(MEMBER_EVENTS.restored, { tenantId: member.tenantId, memberId: member.id });
    return this.toView({ ...member, status: 'active', deletedAt: null }, orgName);
  }

  /** MEM-2: purging removes the record for good; listeners remove what hangs on it (account, posts). */
  async purge(user: AuthUser, id: number): Promise<void> {
    const { member } = await this.findScoped(user, id, 'history');
    await this.tx.run(async (em) => {
      await this.events.emitAsync(MEMBER_EVENTS.purged, { tenantId: member.tenantId, memberId: member.id, em });
      await em.getRepository(Member).delete({ id: member.id });
    });
  }

  /** ID-13: an admin with scope reveals a full ID number (the route is audited). */
  async revealIdNumber(user: AuthUser, id: number): Promise<{ idNumber: string }> {
    const { member } = await this.findScoped(user, id, 'active');
    return { idNumber: this.crypto.decrypt(member.idCipher) };
  }

  // ---- for other modules (identity, organizations) ----

  /** Active members with this ID number, optionally in one tenant (activation, ID-1). */
  findByIdNumber(idNumber: string, tenantId?: number): Promise<Member[]> {
    return this.repo.find({ where: { idHash: this.crypto.lookupHash(idNumber), status: 'active', ...(tenantId ? { tenantId } : {}) }, take: 5 });
  }

  /** Which of these members the admin reaches; member id → organisation name. */
  async inScope(user: AuthUser, ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const { entities, raw } = await this.scoped(user, 'active').andWhere('m.id IN (:...ids)', { ids }).getRawAndEntities();
    return new Map(entities.map((m, i) => [m.id, raw[i].orgName as string]));
  }

  findActive(tenantId: number, id: number): Promise<Member | null> {
    return this.repo.findOne({ where: { id, tenantId, status: 'active' } });
  }

  findByIds(ids: number[]): Promise<Member[]> {
    return ids.length ? this.repo.find({ where: { id: In(ids) } }) : Promise.resolve([]);
  }

  /** Active members registered in these organisations (a branch and its groups), oldest record first. */
  activeInOrgs(tenantId: number, orgIds: number[], page?: { skip: number; take: number }): Promise<[Member[], number]> {
    if (!orgIds.length) return Promise.resolve([[], 0]);
    return this.repo.findAndCount({ where: { tenantId, orgId: In(orgIds), status: 'active' }, order: { id: 'ASC' }, ...page });
  }

  /** TEN-3: DingTalk users are matched to members by mobile number. */
  findActiveByPhone(tenantId: number, phone: string): Promise<Member[]> {
    return this.repo.find({ where: { tenantId, phone, status: 'active' }, take: 2 });
  }

  async markActivated(memberId: number, phone: string, em: EntityManager): Promise<void> {
    await em.getRepository(Member).update({ id: memberId }, { activatedAt: new Date(), phone });
  }

  async setPhone(memberId: number, phone: string, em?: EntityManager): Promise<void> {
    await (em?.getRepository(Member) ?? this.repo).update({ id: memberId }, { phone });
  }

  /** Active member counts per organisation (not cumulative). */
  async countByOrg(tenantId: number): Promise<Map<number, number>> {
    const rows: Array<{ orgId: number; n: string | number }> = await this.repo
      .createQueryBuilder('m')
      .select('m.orgId', 'orgId')
      .addSelect('COUNT(*)', 'n')
      .where('m.tenantId = :tenantId AND m.status = :s', { tenantId, s: 'active' })
      .groupBy('m.orgId')
      .getRawMany();
    return new Map(rows.map((r) => [Number(r.orgId), Number(r.n)]));
  }

  /** Whether any record (active or in history) still belongs to one of these organisations. */
  async anyInOrgs(orgIds: number[]): Promise<boolean> {
    return orgIds.length > 0 && (await this.repo.count({ where: { orgId: In(orgIds) } })) > 0;
  }

  async moveAll(fromOrgId: number, toOrgId: number, em: EntityManager): Promise<number> {
    const res = await em.getRepository(Member).update({ orgId: fromOrgId }, { orgId: toOrgId });
    return res.affected ?? 0;
  }

  async saveMany(members: Member[], em: EntityManager): Promise<void> {
    await em.getRepository(Member).save(members, { chunk: 200 });
  }
}
