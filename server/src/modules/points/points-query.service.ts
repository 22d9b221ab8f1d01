import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { periodKey, POINTS_CATEGORIES, type MyPoints, type Page, type PointsEntryView, type PointsRanking, type PointsRankRow, type PointsTotals } from '@dangjian/shared';
import { In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { isAdmin, type AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { OrgError, PointsError } from '../../common/errors/error-codes.js';
import { pageArgs, type PageQuery } from '../../common/http/pagination.js';
import { Clock } from '../../common/time/clock.js';
import { Member } from '../members/entities/member.entity.js';
import { MembersService } from '../members/members.service.js';
import { Organization } from '../organizations/entities/organization.entity.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import type { PointsRankingQueryDto } from './dto/points.dto.js';
import { PointsEntry } from './entities/points-entry.entity.js';
import { PointsTotal } from './entities/points-total.entity.js';
import { PointsRulesService } from './points-rules.service.js';

/** What members read (PTS-4): their totals and details, and rankings served from points_total. */
@Injectable()
export class PointsQueryService {
  private readonly closure: { table: string; ancestor: string; descendant: string };

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly members: MembersService,
    private readonly scope: OrgScope,
    private readonly rules: PointsRulesService,
    private readonly clock: Clock,
  ) {
    const meta = ds.getMetadata(Organization).closureJunctionTable;
    this.closure = { table: meta.tableName, ancestor: meta.ancestorColumns[0].databaseName, descendant: meta.descendantColumns[0].databaseName };
  }

  /** The caller as an active member, else 404. */
  private async self(user: AuthUser): Promise<Member> {
    const m = user.tenantId && user.memberId ? await this.members.findActive(user.tenantId, user.memberId) : null;
    if (!m) throw new AppError(PointsError.NotMember);
    return m;
  }

  async me(user: AuthUser): Promise<MyPoints> {
    const m = await this.self(user);
    const year = periodKey('year', this.clock.now());
    const rows = await this.ds.getRepository(PointsTotal).find({ where: { memberId: m.id, periodKey: In([year, 'all']) } });
    const totals = (p: string): PointsTotals => {
      const of = (c: string) => rows.find((r) => r.periodKey === p && r.category === c)?.total ?? 0;
      return { total: of('all'), byCategory: Object.fromEntries(POINTS_CATEGORIES.map((c) => [c, of(c)])) as PointsTotals['byCategory'] };
    };
    return { memberId: m.id, year, yearTotals: totals(year), allTime: totals('all') };
  }

  async entries(user: AuthUser, q: PageQuery): Promise<Page<PointsEntryView>> {
    const m = await this.self(user);
    const [rows, total] = await this.ds.getRepository(PointsEntry).findAndCount({ where: { tenantId: m.tenantId, memberId: m.id }, order: { id: 'DESC' }, ...pageArgs(q) });
    const names = await this.rules.names(m.tenantId);
    return {
      items: rows.map((e) => ({ id: e.id, ruleCode: e.ruleCode, ruleName: names.get(e.ruleCode) ?? e.ruleCode, category: e.category, points: e.points, sourceType: e.sourceType, sourceId: e.sourceId, createdAt: e.createdAt.toISOString() })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /**
   * Top N of a branch, an organisation's subtree or the tenant for a year, a month or all time, and
   * the caller's rank as 1 + the number of totals above theirs (both on the (org|tenant, period, total) indexes).
   */
  async rankings(user: AuthUser, q: PointsRankingQueryDto): Promise<PointsRanking> {
    if (!user.tenantId) throw new AppError(PointsError.NotMember);
    const scope = q.scope ?? 'branch';
    const period = q.period ?? periodKey('year', this.clock.now());
    const category = q.category ?? 'all';
    const me = user.memberId ? await this.members.findActive(user.tenantId, user.memberId) : null;
    const orgId = scope === 'tenant' ? null : await this.rankedOrg(user, me, scope, q.orgId);

    const base = (): SelectQueryBuilder<PointsTotal> => {
      const qb = this.ds
        .getRepository(PointsTotal)
        .createQueryBuilder('t')
        .innerJoin(Member, 'm', 'm.id = t.memberId AND m.status = :active', { active: 'active' })
        .where('t.tenantId = :tenantId AND t.periodKey = :period AND t.category = :category', { tenantId: user.tenantId, period, category });
      if (orgId !== null) qb.andWhere(`t.orgId IN (SELECT ${this.closure.descendant} FROM ${this.closure.table} WHERE ${this.closure.ancestor} = :within)`, { within: orgId });
      return qb;
    };
    const raw = await base()
      .innerJoin(Organization, 'o', 'o.id = t.orgId')
      .select(['t.memberId AS memberId', 't.total AS total', 't.orgId AS orgId', 'm.name AS name', 'o.name AS orgName'])
      .orderBy('t.total', 'DESC')
      .addOrderBy('t.memberId', 'ASC')
      .limit(q.limit ?? 20)
      .getRawMany<{ memberId: number | string; total: number | string; orgId: number | string; name: string; orgName: string }>();
    const items: PointsRankRow[] = [];
    raw.forEach((r, i) => {
      const total = Number(r.total);
      const prev = items[i - 1];
      items.push({ rank: prev && prev.total === total ? prev.rank : i + 1, memberId: Number(r.memberId), name: r.name, orgId: Number(r.orgId), orgName: r.orgName, total });
    });

    let mine: PointsRanking['me'] = null;
    if (me) {
      const row = await base().andWhere('t.memberId = :me', { me: me.id }).select('t.total', 'total').getRawOne<{ total: number | string }>();
      if (!row) mine = { rank: null, total: 0 };
      else {
        const total = Number(row.total);
        const above = await base().andWhere('t.total > :mine', { mine: total }).getCount();
        mine = { rank: above + 1, total };
      }
    }
    return { scope, period, category: q.category ?? null, orgId, items, me: mine };
  }

  /**
   * The organisation ranked: the one asked for when the caller may see it (their own branch or an
   * organisation above it; admins anything in their scope), else the caller's branch (scope
   * branch) or the organisation above it (scope org). A foreign organisation answers 404.
   */
  private async rankedOrg(user: AuthUser, me: Member | null, scope: 'branch' | 'org', asked?: number): Promise<number> {
    if (asked !== undefined) {
      if (me && (asked === me.orgId || (await this.scope.ancestorIds(me.orgId)).includes(asked))) return asked;
      if (isAdmin(user)) return (await this.scope.assertOrg(user, asked)).id;
      throw new AppError(OrgError.NotFound);
    }
    if (!me) throw new AppError(PointsError.RankingOrgRequired);
    const own = await this.scope.findOrg(me.orgId);
    const branch = own?.type === 'group' && own.parentId ? ((await this.scope.findOrg(own.parentId)) ?? own) : own;
    if (!branch) throw new AppError(OrgError.NotFound);
    return scope === 'branch' ? branch.id : (branch.parentId ?? branch.id);
  }
}
