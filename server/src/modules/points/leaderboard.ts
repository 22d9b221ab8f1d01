import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { periodKey } from '@dangjian/shared';
import type { Redis } from 'ioredis';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { KvStore, RedisKvStore } from '../../common/kv/kv-store.js';
import { Clock } from '../../common/time/clock.js';
import { orgClosure, type OrgClosure } from '../organizations/entities/organization.entity.js';

/** One change of a member's totals: `points` (negative for a reversal) in each of `periods`, overall and for the category. */
export interface TotalsChange {
  tenantId: number;
  memberId: number;
  orgId: number;
  category: string;
  points: number;
  periods: string[];
}

/** One ranking: the tenant (orgId null) or an organisation's subtree, for a period and category ('all' or one). */
export interface RankKey {
  tenantId: number;
  orgId: number | null;
  period: string;
  category: string;
}

const PENDING = 'leaderboardPending';
/** Members read per chunk when a ranking is rebuilt from points_total. */
const CHUNK = 5000;

/**
 * PTS-4 at province scale: with REDIS_URL, every ranking the members read most (all time, this year,
 * this month; the tenant and each organisation's subtree) is also a Redis sorted set of member → total,
 * so top-N and "my rank" are O(log n) instead of counting index entries. points_total stays the
 * source of truth: changes reach Redis only after their transaction commits (a TypeORM subscriber),
 * a ranking not yet built is served from SQL while it is rebuilt in the background, and the nightly
 * rebuild also removes members who left or moved (and repairs an award that landed between a
 * rebuild's read and write of its chunk, or a Redis write that failed). Without REDIS_URL this class is inactive and the
 * rankings are read from points_total's indexes.
 */
@Injectable()
export class Leaderboard implements EntitySubscriberInterface {
  private readonly log = new Logger('Leaderboard');
  private readonly redis: Redis | null;
  private readonly closure: OrgClosure;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    kv: KvStore,
    private readonly clock: Clock,
  ) {
    this.redis = kv instanceof RedisKvStore ? kv.redis : null;
    this.closure = orgClosure(ds);
    if (this.redis) ds.subscribers.push(this);
  }

  get active(): boolean {
    return this.redis !== null;
  }

  /** The periods kept in Redis at `at`: all time, the year and the month (older ones are read from SQL). */
  private livePeriods(at = this.clock.now()): string[] {
    return ['all', periodKey('year', at), periodKey('month', at)];
  }

  private key(k: RankKey): string {
    return `lb:${k.tenantId}:${k.orgId ?? 't'}:${k.period}:${k.category}`;
  }

  private readyKey(tenantId: number, period: string): string {
    return `lb:${tenantId}:ready:${period}`;
  }

  /**
   * Queues the change on the transaction's query runner; it reaches Redis when that transaction
   * commits and is dropped if it rolls back.
   */
  async record(em: EntityManager, change: TotalsChange): Promise<void> {
    if (!this.redis) return;
    const runner = em.queryRunner;
    const orgIds = await this.orgChain(em, change.orgId);
    const job = { change, orgIds };
    if (runner?.isTransactionActive) ((runner.data[PENDING] ??= []) as (typeof job)[]).push(job);
    else await this.apply([job]);
  }

  /** Awaited by the commit (TypeORM waits for a subscriber's promise), so a request's answer follows its ranking update. */
  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const jobs = this.takePending(event.queryRunner);
    if (jobs.length) await this.apply(jobs).catch((e: Error) => this.log.warn(`ranking update failed, the nightly rebuild repairs it: ${e.message}`));
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.takePending(event.queryRunner);
  }

  /** The queued changes once the outermost transaction has ended (a savepoint's end leaves them queued). */
  private takePending(runner: QueryRunner): Array<{ change: TotalsChange; orgIds: number[] }> {
    if (runner.isTransactionActive) return [];
    const jobs = (runner.data?.[PENDING] ?? []) as Array<{ change: TotalsChange; orgIds: number[] }>;
    if (runner.data) delete runner.data[PENDING];
    return jobs;
  }

  /** The organisation and every organisation above it. */
  private async orgChain(em: EntityManager, orgId: number): Promise<number[]> {
    const { table, ancestor, descendant } = this.closure;
    const rows: Array<{ id: number | string }> = await em.query(`SELECT ${ancestor} AS id FROM ${table} WHERE ${descendant} = ?`, [orgId]);
    return rows.map((r) => Number(r.id));
  }

  private async apply(jobs: Array<{ change: TotalsChange; orgIds: number[] }>): Promise<void> {
    const live = new Set(this.livePeriods());
    const pipe = this.redis!.pipeline();
    for (const { change: c, orgIds } of jobs)
      for (const period of c.periods.filter((p) => live.has(p)))
        for (const orgId of [null, ...orgIds])
          for (const category of ['all', c.category]) pipe.zincrby(this.key({ tenantId: c.tenantId, orgId, period, category }), c.points, String(c.memberId));
    await pipe.exec();
  }

  /**
   * The ranking's first `limit` members (more may be asked for to make up for members no longer
   * active), or null when Redis does not hold it (inactive, an older period, or not built yet: the
   * build starts in the background and the caller reads SQL meanwhile).
   */
  async top(k: RankKey, limit: number): Promise<Array<{ memberId: number; total: number }> | null> {
    if (!(await this.ready(k))) return null;
    const flat = await this.redis!.zrevrange(this.key(k), 0, limit - 1, 'WITHSCORES');
    const rows: Array<{ memberId: number; total: number }> = [];
    for (let i = 0; i < flat.length; i += 2) rows.push({ memberId: Number(flat[i]), total: Number(flat[i + 1]) });
    return rows;
  }

  /** The member's place (1 + how many have more), null if not ranked; undefined when Redis does not hold the ranking. */
  async place(k: RankKey, memberId: number): Promise<{ rank: number; total: number } | null | undefined> {
    if (!(await this.ready(k))) return undefined;
    const score = await this.redis!.zscore(this.key(k), String(memberId));
    if (score === null) return null;
    const above = await this.redis!.zcount(this.key(k), `(${score}`, '+inf');
    return { rank: above + 1, total: Number(score) };
  }

  private async ready(k: RankKey): Promise<boolean> {
    if (!this.redis || !this.livePeriods().includes(k.period)) return false;
    if (await this.redis.exists(this.readyKey(k.tenantId, k.period))) return true;
    void this.rebuild(k.tenantId, k.period).catch((e: Error) => this.log.warn(`ranking rebuild failed: ${e.message}`));
    return false;
  }

  /**
   * Rebuilds a tenant's rankings of one period from points_total (active members only, each in the
   * sets of its organisation's chain). Readers use SQL until it is done; one rebuild per tenant and
   * period at a time across instances.
   */
  async rebuild(tenantId: number, period: string): Promise<boolean> {
    const redis = this.redis;
    if (!redis) return false;
    const lock = `lb:${tenantId}:building:${period}`;
    if ((await redis.set(lock, '1', 'EX', 600, 'NX')) !== 'OK') return false;
    try {
      await redis.del(this.readyKey(tenantId, period));
      await this.dropKeys(`lb:${tenantId}:*:${period}:*`);
      const chains = await this.chainsOf(tenantId);
      // Chunks of the tenant's members by id (the member table's primary key, not a scan of points_total).
      for (let after = 0; ; ) {
        const [{ last }] = (await this.ds.query(`SELECT MAX(id) AS last FROM (SELECT id FROM member WHERE tenant_id = ? AND id > ? ORDER BY id LIMIT ${CHUNK}) x`, [tenantId, after])) as Array<{ last: number | string | null }>;
        if (last === null || last === undefined) break;
        const totals: Array<{ memberId: number | string; category: string; total: number | string; orgId: number | string }> = await this.ds.query(
          `SELECT t.member_id AS memberId, t.category AS category, t.total AS total, t.org_id AS orgId
             FROM points_total t JOIN member m ON m.id = t.member_id AND m.status = 'active'
            WHERE t.member_id > ? AND t.member_id <= ? AND t.period_key = ? AND t.tenant_id = ?`,
          [after, last, period, tenantId],
        );
        // One ZADD per ranking and chunk, with all its members (a command per member was Redis-bound).
        const sets = new Map<string, Array<string | number>>();
        const add = (key: string, total: number, memberId: string) => {
          const args = sets.get(key) ?? [];
          if (!args.length) sets.set(key, args);
          args.push(total, memberId);
        };
        for (const r of totals)
          for (const orgId of [null, ...(chains.get(Number(r.orgId)) ?? [])]) add(this.key({ tenantId, orgId, period, category: r.category }), Number(r.total), String(r.memberId));
        const pipe = redis.pipeline();
        for (const [key, args] of sets) pipe.zadd(key, ...args);
        await pipe.exec();
        after = Number(last);
      }
      await redis.set(this.readyKey(tenantId, period), new Date().toISOString());
      return true;
    } finally {
      await redis.del(lock);
    }
  }

  /** Every organisation of the tenant with its chain (itself and those above), from the closure table. */
  private async chainsOf(tenantId: number): Promise<Map<number, number[]>> {
    const { table, ancestor, descendant } = this.closure;
    const rows: Array<{ d: number | string; a: number | string }> = await this.ds.query(
      `SELECT c.${descendant} AS d, c.${ancestor} AS a FROM ${table} c JOIN organization o ON o.id = c.${descendant} WHERE o.tenant_id = ?`,
      [tenantId],
    );
    const chains = new Map<number, number[]>();
    for (const r of rows) {
      const list = chains.get(Number(r.d)) ?? [];
      if (!list.length) chains.set(Number(r.d), list);
      list.push(Number(r.a));
    }
    return chains;
  }

  private async dropKeys(pattern: string): Promise<void> {
    const redis = this.redis!;
    const prefix = redis.options.keyPrefix ?? '';
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}${pattern}`, 'COUNT', 1000);
      cursor = next;
      // SCAN answers full names; DEL adds the prefix again.
      if (keys.length) await redis.del(...keys.map((k) => k.slice(prefix.length)));
    } while (cursor !== '0');
  }

  /** Nightly: rebuild every tenant's live rankings (drops members who left, follows moves between organisations). */
  @Cron('0 40 3 * * *', { timeZone: 'Asia/Shanghai' })
  async rebuildAll(): Promise<void> {
    if (!this.redis) return;
    const tenants: Array<{ tenantId: number | string }> = await this.ds.query('SELECT DISTINCT tenant_id AS tenantId FROM points_total');
    for (const { tenantId } of tenants) for (const period of this.livePeriods()) await this.rebuild(Number(tenantId), period);
  }
}
