import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Cron } from '@nestjs/schedule';
import { periodKey, type PointsOrgAverageRow, type PointsOrgAverages } from '@dangjian/shared';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { isAdmin, type AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { OrgError, PointsError } from '../../common/errors/error-codes.js';
import { Clock } from '../../common/time/clock.js';
import { Transactions } from '../../database/write-gate.js';
import { Member } from '../members/entities/member.entity.js';
import { MembersService } from '../members/members.service.js';
import { Organization, orgClosure, type OrgClosure } from '../organizations/entities/organization.entity.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import type { PointsAveragesQueryDto } from './dto/points.dto.js';
import { PointsOrgAverage } from './entities/points-org-average.entity.js';
import { PointsTotal } from './entities/points-total.entity.js';
import { PointsSettingsService } from './points-settings.service.js';

/**
 * PTS-4 organisation averages 组织平均积分 (may lag one day): per organisation, its subtree's active
 * members and their points in the current year and month, computed by a daily job with one
 * INSERT … SELECT per tenant and period over points_total, member and the organisation closure
 * table (set-based: no per-member work in Node, fine for a million members).
 */
@Injectable()
export class PointsAveragesService {
  private readonly logger = new Logger(PointsAveragesService.name);
  private readonly closure: OrgClosure;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly scope: OrgScope,
    private readonly members: MembersService,
    private readonly settings: PointsSettingsService,
  ) {
    this.closure = orgClosure(ds);
  }

  /** The periods the job keeps current: this year and this month (Beijing). */
  private currentPeriods(): string[] {
    const now = this.clock.now();
    return [periodKey('year', now), periodKey('month', now)];
  }

  /** Daily at 02:30 Beijing time: every tenant's averages for this year and this month. */
  @Cron('0 30 2 * * *', { name: 'points.averages', timeZone: 'Asia/Shanghai' })
  async recomputeAll(): Promise<void> {
    const rows: Array<{ tenantId: number | string }> = await this.ds.getRepository(Organization).createQueryBuilder('o').select('DISTINCT o.tenantId', 'tenantId').getRawMany();
    for (const r of rows) {
      try {
        await this.recompute(Number(r.tenantId));
      } catch (e) {
        this.logger.error(`tenant ${r.tenantId}: ${(e as Error).message}`);
      }
    }
  }

  /** One tenant's averages for the current periods, one statement per period. */
  async recompute(tenantId: number): Promise<void> {
    for (const period of this.currentPeriods()) await this.tx.run((em) => this.recomputePeriod(em, tenantId, period));
  }

  private async recomputePeriod(em: EntityManager, tenantId: number, period: string): Promise<void> {
    const avg = em.getRepository(PointsOrgAverage).metadata;
    const col = (p: keyof PointsOrgAverage) => avg.findColumnWithPropertyName(p)!.databaseName;
    const computedAt = em.connection.driver.preparePersistentValue(this.clock.now(), avg.findColumnWithPropertyName('computedAt')!) as unknown;
    const member = em.getRepository(Member).metadata.tableName;
    const total = em.getRepository(PointsTotal).metadata.tableName;
    const org = em.getRepository(Organization).metadata.tableName;
    const { table, ancestor, descendant } = this.closure;
    const mysql = em.connection.options.type !== 'better-sqlite3';
    const count = 'COALESCE(SUM(x.cnt), 0)';
    const sum = 'COALESCE(SUM(x.pts), 0)';
    const tenths = mysql ? `ROUND(${sum} * 10 / ${count})` : `CAST(ROUND(${sum} * 10.0 / ${count}) AS INTEGER)`;
    const cols = [col('tenantId'), col('orgId'), col('periodKey'), col('memberCount'), col('total'), col('averageTenths'), col('computedAt')];
    const updated = cols.slice(3);
    const upsert = mysql
      ? `ON DUPLICATE KEY UPDATE ${updated.map((c) => `${c} = VALUES(${c})`).join(', ')}`
      : `ON CONFLICT (${col('orgId')}, ${col('periodKey')}) DO UPDATE SET ${updated.map((c) => `${c} = excluded.${c}`).join(', ')}`;
    // Members and points per organisation first (one pass over the tenant's members), then rolled up
    // to every ancestor through the closure table (organisations × depth rows, not members × depth).
    await em.query(
      `INSERT INTO ${avg.tableName} (${cols.join(', ')})
       SELECT o.tenant_id, o.id, ?, ${count}, ${sum}, CASE WHEN ${count} = 0 THEN 0 ELSE ${tenths} END, ?
       FROM ${org} o
       INNER JOIN ${table} c ON c.${ancestor} = o.id
       LEFT JOIN (
         SELECT m.org_id AS org_id, COUNT(*) AS cnt, COALESCE(SUM(t.total), 0) AS pts
         FROM ${member} m
         LEFT JOIN ${total} t ON t.member_id = m.id AND t.period_key = ? AND t.category = 'all'
         WHERE m.tenant_id = ? AND m.status = 'active'
         GROUP BY m.org_id
       ) x ON x.org_id = c.${descendant}
       WHERE o.tenant_id = ?
       GROUP BY o.tenant_id, o.id
       ${upsert}`,
      [period, computedAt, period, tenantId, tenantId],
    );
  }

  /** POST /points/averages/recompute: the job now for the caller's tenant; answers the root's averages this year. */
  async recomputeNow(user: AuthUser): Promise<PointsOrgAverages> {
    if (!user.tenantId) throw new AppError(PointsError.NotMember);
    await this.recompute(user.tenantId);
    return this.averages(user, {});
  }

  /** The direct children of an organisation by average, as last computed. */
  async averages(user: AuthUser, q: PointsAveragesQueryDto): Promise<PointsOrgAverages> {
    if (!user.tenantId) throw new AppError(PointsError.NotMember);
    await this.settings.assertRankingsVisible(user);
    const period = q.period ?? periodKey('year', this.clock.now());
    const parent = await this.parentOrg(user, q.orgId);
    const children = await this.ds.getRepository(Organization).find({ where: { tenantId: user.tenantId, parentId: parent.id }, order: { sortOrder: 'ASC', id: 'ASC' } });
    const rows = await this.ds.getRepository(PointsOrgAverage).find({ where: { periodKey: period, orgId: In([parent.id, ...children.map((c) => c.id)]) } });
    const byOrg = new Map(rows.map((r) => [r.orgId, r]));
    const items: PointsOrgAverageRow[] = children.map((o) => {
      const r = byOrg.get(o.id);
      return { orgId: o.id, orgName: o.name, memberCount: r?.memberCount ?? 0, total: r?.total ?? 0, average: (r?.averageTenths ?? 0) / 10, rank: 0 };
    });
    for (const it of items) it.rank = 1 + items.filter((x) => x.average > it.average).length;
    items.sort((a, b) => a.rank - b.rank);
    const asOf = rows.reduce<Date | null>((m, r) => (m && m > r.computedAt ? m : r.computedAt), null);
    return { orgId: parent.id, orgName: parent.name, period, asOf: asOf ? asOf.toISOString() : null, items };
  }

  /**
   * The organisation whose children are compared. Admins: any organisation in scope (default their
   * top one). Members: their branch or an organisation above it (default the one above the branch).
   * Anything else: 404.
   */
  private async parentOrg(user: AuthUser, asked?: number): Promise<Organization> {
    if (isAdmin(user)) {
      if (asked !== undefined) return this.scope.assertOrg(user, asked);
      const roots = this.scope.adminRoots(user);
      const top =
        roots === null
          ? await this.ds.getRepository(Organization).findOne({ where: { tenantId: user.tenantId!, parentId: IsNull() }, order: { id: 'ASC' } })
          : await this.ds.getRepository(Organization).findOne({ where: { tenantId: user.tenantId!, id: In(roots.length ? roots : [-1]) }, order: { id: 'ASC' } });
      if (!top) throw new AppError(OrgError.NotFound);
      return top;
    }
    const me = user.memberId ? await this.members.findActive(user.tenantId!, user.memberId) : null;
    if (!me) throw new AppError(PointsError.NotMember);
    const own = await this.scope.findOrg(me.orgId);
    const branch = own?.type === 'group' && own.parentId ? await this.scope.findOrg(own.parentId) : own;
    if (!branch) throw new AppError(OrgError.NotFound);
    const id = asked ?? branch.parentId ?? branch.id;
    if (id !== branch.id && !(await this.scope.ancestorIds(branch.id)).includes(id)) throw new AppError(OrgError.NotFound);
    const org = id === branch.id ? branch : await this.scope.findOrg(id);
    if (!org || org.tenantId !== user.tenantId) throw new AppError(OrgError.NotFound);
    return org;
  }
}
