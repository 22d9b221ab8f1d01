import { Injectable } from '@nestjs/common';
import { cappedAward, periodKey, type PointsCategory } from '@dangjian/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/time/clock.js';
import { Transactions } from '../../database/write-gate.js';
import { Member } from '../members/entities/member.entity.js';
import { PointsCap } from './entities/points-cap.entity.js';
import { PointsEntry } from './entities/points-entry.entity.js';
import { PointsTotal } from './entities/points-total.entity.js';
import { Leaderboard } from './leaderboard.js';
import { PointsRulesService } from './points-rules.service.js';

/** The ledger's sourceType of an entry that reverses another (its sourceId: the reversed entry's id). */
export const REVERSAL = 'reversal';

export interface PointsAward {
  tenantId: number;
  memberId: number;
  ruleCode: string;
  /** The object that earned it (post, comment, meeting, login day): it earns once per rule and member. */
  sourceType: string;
  sourceId: string | number;
  /** Defaults to the server clock. */
  at?: Date;
}

/**
 * PTS-1: awards points. One transaction (the caller's, when a domain event brings its EntityManager):
 * lock the member's cap counter for the rule and period, skip a source that already earned, add what
 * the cap leaves, append the ledger row and add to the member's totals.
 */
@Injectable()
export class PointsService {
  constructor(
    private readonly rules: PointsRulesService,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly leaderboard: Leaderboard,
  ) {}

  /** The points actually awarded: 0 when capped, disabled, unknown, or the source already earned. */
  award(a: PointsAward, em?: EntityManager): Promise<number> {
    return em ? this.awardIn(em, a) : this.tx.run((e) => this.awardIn(e, a));
  }

  private async awardIn(em: EntityManager, a: PointsAward): Promise<number> {
    const at = a.at ?? this.clock.now();
    const rule = await this.rules.effective(em, a.tenantId, a.ruleCode);
    if (!rule || !rule.enabled || rule.points <= 0) return 0;
    // Everything inside reads through `em`: a second pooled connection per award could starve the pool.
    const member = await em.getRepository(Member).findOne({ select: { id: true, orgId: true }, where: { id: a.memberId, tenantId: a.tenantId, status: 'active' } });
    if (!member) return 0;
    const period = periodKey(rule.capPeriod, at);
    const cap = await this.lockCap(em, a.tenantId, a.memberId, a.ruleCode, period);
    const sourceId = String(a.sourceId);
    const earlier = await em.getRepository(PointsEntry).findOne({ select: { id: true }, where: { tenantId: a.tenantId, ruleCode: a.ruleCode, memberId: a.memberId, sourceType: a.sourceType, sourceId } });
    if (earlier) return 0;
    const points = cappedAward(rule.points, rule.cap, cap.earned);
    if (!points) return 0;
    await em.getRepository(PointsEntry).insert({ tenantId: a.tenantId, memberId: a.memberId, orgId: member.orgId, ruleCode: a.ruleCode, category: rule.category, points, periodKey: period, sourceType: a.sourceType, sourceId, createdAt: at });
    await em.getRepository(PointsCap).update({ id: cap.id }, { earned: cap.earned + points });
    await this.addTotals(em, a.tenantId, a.memberId, member.orgId, rule.category, points, at);
    return points;
  }

  /**
   * PTS-3 overturn: reverses what a source earned under a rule. The ledger stays append-only: a
   * negative entry (sourceType 'reversal', sourceId the reversed entry's id, so an entry is reversed
   * at most once) in the original's cap period; the cap counter and the totals of the periods the
   * original counted in go down by the same amount. Returns the points taken back (0: nothing to reverse).
   */
  async revoke(em: EntityManager, a: Omit<PointsAward, 'at'>): Promise<number> {
    const ledger = em.getRepository(PointsEntry);
    const original = await ledger.findOne({ where: { tenantId: a.tenantId, ruleCode: a.ruleCode, memberId: a.memberId, sourceType: a.sourceType, sourceId: String(a.sourceId) } });
    if (!original || original.points <= 0) return 0;
    const cap = await this.lockCap(em, a.tenantId, a.memberId, a.ruleCode, original.periodKey);
    const reversalKey = { tenantId: a.tenantId, ruleCode: a.ruleCode, memberId: a.memberId, sourceType: REVERSAL, sourceId: String(original.id) };
    if (await ledger.exists({ where: reversalKey })) return 0;
    const member = await em.getRepository(Member).findOne({ select: { id: true, orgId: true }, where: { id: a.memberId, tenantId: a.tenantId } });
    const orgId = member?.orgId ?? original.orgId;
    await ledger.insert({ ...reversalKey, orgId, category: original.category, points: -original.points, periodKey: original.periodKey, createdAt: this.clock.now() });
    await em.getRepository(PointsCap).update({ id: cap.id }, { earned: Math.max(0, cap.earned - original.points) });
    await this.addTotals(em, a.tenantId, a.memberId, orgId, original.category, -original.points, original.createdAt);
    return original.points;
  }

  /** The member's all-time points (the mall's "earned"), read through the caller's transaction. */
  async allTimeTotal(em: EntityManager, tenantId: number, memberId: number): Promise<number> {
    const row = await em.getRepository(PointsTotal).findOne({ select: { total: true }, where: { tenantId, memberId, periodKey: 'all', category: 'all' } });
    return row?.total ?? 0;
  }

  private mysql(em: EntityManager): boolean {
    return em.connection.options.type !== 'better-sqlite3';
  }

  /**
   * The cap counter, inserted if missing and locked. On MySQL the upsert itself takes the row's
   * exclusive lock (ON DUPLICATE KEY UPDATE does; INSERT IGNORE would take a shared one, and two
   * shared holders upgrading would deadlock); on SQLite the write gate already serialises.
   */
  private async lockCap(em: EntityManager, tenantId: number, memberId: number, ruleCode: string, period: string): Promise<PointsCap> {
    const insert = 'INTO points_cap (tenant_id, member_id, rule_code, period_key, earned) VALUES (?, ?, ?, ?, 0)';
    await em.query(this.mysql(em) ? `INSERT ${insert} ON DUPLICATE KEY UPDATE earned = earned` : `INSERT OR IGNORE ${insert}`, [tenantId, memberId, ruleCode, period]);
    return em.getRepository(PointsCap).findOneOrFail({ where: { memberId, ruleCode, periodKey: period }, lock: this.tx.lock });
  }

  /**
   * PTS-4: the member's totals for all time, the year and the month of `at`, overall and for the
   * category (negative points: a reversal, in the periods the reversed award counted in).
   */
  private async addTotals(em: EntityManager, tenantId: number, memberId: number, orgId: number, category: PointsCategory, points: number, at: Date): Promise<void> {
    const rows = ['all', periodKey('year', at), periodKey('month', at)].flatMap((p) => [
      [p, 'all'],
      [p, category],
    ]);
    const values = rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ');
    const params = rows.flatMap(([p, c]) => [tenantId, memberId, orgId, p, c, points]);
    const onConflict = this.mysql(em)
      ? 'ON DUPLICATE KEY UPDATE total = total + VALUES(total), org_id = VALUES(org_id)'
      : 'ON CONFLICT (member_id, period_key, category) DO UPDATE SET total = total + excluded.total, org_id = excluded.org_id';
    await em.query(`INSERT INTO points_total (tenant_id, member_id, org_id, period_key, category, total) VALUES ${values} ${onConflict}`, params);
    await this.leaderboard.record(em, { tenantId, memberId, orgId, category, points, periods: [...new Set(rows.map(([p]) => p))] });
  }
}
