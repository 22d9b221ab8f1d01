import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { periodKey, POINTS_CATEGORIES, POINTS_CATEGORY_LABELS, type MyPoints, type Page, type PointsEntryView, type PointsRanking, type PointsRankRow, type PointsTotals } from '@dangjian/shared';
import { In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { isAdmin, type AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { addSheet, toBuffer, type SheetColumn } from '../../common/excel/workbook.js';
import { CommonError, OrgError, PointsError } from '../../common/errors/error-codes.js';
import { pageArgs, type PageQuery } from '../../common/http/pagination.js';
import { Clock } from '../../common/time/clock.js';
import { Member } from '../members/entities/member.entity.js';
import { MembersService } from '../members/members.service.js';
import { Organization, orgClosure, type OrgClosure } from '../organizations/entities/organization.entity.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import type { PointsRankingExportQueryDto, PointsRankingQueryDto } from './dto/points.dto.js';
import { PointsEntry } from './entities/points-entry.entity.js';
import { PointsTotal } from './entities/points-total.entity.js';
import { Leaderboard } from './leaderboard.js';
import { PointsRulesService } from './points-rules.service.js';
import { PointsSettingsService } from './points-settings.service.js';

interface Ranked {
  tenantId: number;
  /** The subtree ranked; null: the whole tenant. */
  orgId: number | null;
  period: string;
  category: string;
}

const EXPORT_COLUMNS: SheetColumn[] = [
  { key: 'rank', header: '名次', width: 8 },
  { key: 'name', header: '姓名', width: 14 },
  { key: 'org', header: '所在组织', width: 30 },
  { key: 'total', header: '积分', width: 10 },
];

/** What members read (PTS-4): their totals and details, and rankings served from points_total. */
@Injectable()
export class PointsQueryService {
  private readonly closure: OrgClosure;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly members: MembersService,
    private readonly scope: OrgScope,
    private readonly rules: PointsRulesService,
    private readonly clock: Clock,
    private readonly settings: PointsSettingsService,
    private readonly leaderboard: Leaderboard,
  ) {
    this.closure = orgClosure(ds);
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
    await this.settings.assertRankingsVisible(user);
    const scope = q.scope ?? 'branch';
    const period = q.period ?? periodKey('year', this.clock.now());
    const category = q.category ?? 'all';
    const me = user.memberId ? await this.members.findActive(user.tenantId, user.memberId) : null;
    const orgId = scope === 'tenant' ? null : await this.rankedOrg(user, me, scope, q.orgId);
    const ranked: Ranked = { tenantId: user.tenantId, orgId, period, category };
    const limit = q.limit ?? 20;
    const items = (await this.leaderboardRows(ranked, limit)) ?? (await this.rankRows(ranked, limit));

    let mine: PointsRanking['me'] = null;
    const place = me ? await this.leaderboard.place(ranked, me.id) : undefined;
    if (place !== undefined) mine = place ?? { rank: null, total: 0 };
    else if (me) {
      const base = this.ranked(ranked);
      const row = await base.clone().andWhere('t.memberId = :me', { me: me.id }).select('t.total', 'total').getRawOne<{ total: number | string }>();
      if (!row) mine = { rank: null, total: 0 };
      else {
        const total = Number(row.total);
        const above = await base.clone().andWhere('t.total > :mine', { mine: total }).getCount();
        mine = { rank: above + 1, total };
      }
    }
    return { scope, period, category: q.category ?? null, orgId, items, me: mine };
  }

  /** The active members' totals of a period and category, within an organisation's subtree (null: the tenant). */
  private ranked(r: Ranked): SelectQueryBuilder<PointsTotal> {
    const qb = this.ds
      .getRepository(PointsTotal)
      .createQueryBuilder('t')
      .innerJoin(Member, 'm', 'm.id = t.memberId AND m.status = :active', { active: 'active' })
      .where('t.tenantId = :tenantId AND t.periodKey = :period AND t.category = :category', { tenantId: r.tenantId, period: r.period, category: r.category });
    if (r.orgId !== null) qb.andWhere(`t.orgId IN (SELECT ${this.closure.descendant} FROM ${this.closure.table} WHERE ${this.closure.ancestor} = :within)`, { within: r.orgId });
    return qb;
  }

  /**
   * The top of a ranking from the Redis sorted sets (null when they do not hold it): names and
   * organisations of the active members among them, equal totals sharing a rank as in SQL.
   */
  private async leaderboardRows(r: Ranked, limit: number): Promise<PointsRankRow[] | null> {
    // A few more than asked, for members who left since the nightly rebuild.
    const top = await this.leaderboard.top(r, limit + 10);
    if (!top) return null;
    const ids = top.map((x) => x.memberId);
    const members = ids.length
      ? await this.ds
          .getRepository(Member)
          .createQueryBuilder('m')
          .innerJoin(Organization, 'o', 'o.id = m.orgId')
          .select(['m.id AS id', 'm.tenantId AS tenantId', 'm.name AS name', 'm.orgId AS orgId', 'o.name AS orgName'])
          // By primary key only: a tenant condition here can tempt the planner into the tenant index.
          .where('m.id IN (:...ids) AND m.status = :active', { ids, active: 'active' })
          .getRawMany<{ id: number | string; tenantId: number | string; name: string; orgId: number | string; orgName: string }>()
      : [];
    const byId = new Map(members.filter((m) => Number(m.tenantId) === r.tenantId).map((m) => [Number(m.id), m]));
    const rows = top
      .filter((x) => byId.has(x.memberId))
      .sort((a, b) => b.total - a.total || a.memberId - b.memberId)
      .slice(0, limit);
    const items: PointsRankRow[] = [];
    rows.forEach((x, i) => {
      const m = byId.get(x.memberId)!;
      const prev = items[i - 1];
      items.push({ rank: prev && prev.total === x.total ? prev.rank : i + 1, memberId: x.memberId, name: m.name, orgId: Number(m.orgId), orgName: m.orgName, total: x.total });
    });
    return items;
  }

  /** The ranking's rows, best first (limit null: all of them, for the export); equal totals share a rank. */
  private async rankRows(r: Ranked, limit: number | null): Promise<PointsRankRow[]> {
    const qb = this.ranked(r)
      .innerJoin(Organization, 'o', 'o.id = t.orgId')
      .select(['t.memberId AS memberId', 't.total AS total', 't.orgId AS orgId', 'm.name AS name', 'o.name AS orgName'])
      .orderBy('t.total', 'DESC')
      .addOrderBy('t.memberId', 'ASC');
    if (limit !== null) qb.limit(limit);
    const raw = await qb.getRawMany<{ memberId: number | string; total: number | string; orgId: number | string; name: string; orgName: string }>();
    const items: PointsRankRow[] = [];
    raw.forEach((x, i) => {
      const total = Number(x.total);
      const prev = items[i - 1];
      items.push({ rank: prev && prev.total === total ? prev.rank : i + 1, memberId: Number(x.memberId), name: x.name, orgId: Number(x.orgId), orgName: x.orgName, total });
    });
    return items;
  }

  /**
   * PTS-4 export (admins): the whole ranking. Scope tenant: tenant admins only; branch or org: the
   * organisation asked for (default the admin's top organisation), which must lie in the admin's scope.
   */
  async exportRanking(user: AuthUser, q: PointsRankingExportQueryDto): Promise<{ filename: string; file: Buffer }> {
    if (!user.tenantId) throw new AppError(PointsError.NotMember);
    const scope = q.scope ?? 'branch';
    const period = q.period ?? periodKey('year', this.clock.now());
    const roots = this.scope.adminRoots(user);
    let org: Organization | null = null;
    if (scope === 'tenant') {
      if (roots !== null) throw new AppError(CommonError.Forbidden, '只有单位管理员可以导出全单位排行');
    } else {
      const id = q.orgId ?? roots?.[0];
      if (id === undefined) throw new AppError(PointsError.RankingOrgRequired);
      org = await this.scope.assertOrg(user, id);
    }
    const items = await this.rankRows({ tenantId: user.tenantId, orgId: org?.id ?? null, period, category: q.category ?? 'all' }, null);
    const periodName = period === 'all' ? '累计' : period.length === 4 ? `${period}年` : `${period.slice(0, 4)}年${Number(period.slice(5))}月`;
    const title = `${org?.name ?? '全单位'}积分排行-${periodName}${q.category ? `-${POINTS_CATEGORY_LABELS[q.category]}` : ''}`;
    const wb = new ExcelJS.Workbook();
    const ws = addSheet(wb, '积分排行', EXPORT_COLUMNS);
    for (const r of items) ws.addRow({ rank: r.rank, name: r.name, org: r.orgName, total: r.total });
    return { filename: `${title}.xlsx`, file: await toBuffer(wb) };
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
