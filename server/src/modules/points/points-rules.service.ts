import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BUILTIN_POINTS_RULES, type PointsRuleView } from '@dangjian/shared';
import type { EntityManager, Repository } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { PointsError } from '../../common/errors/error-codes.js';
import { Transactions } from '../../database/write-gate.js';
import type { PointsRuleCreateDto, PointsRuleUpdateDto } from './dto/points.dto.js';
import { PointsRule } from './entities/points-rule.entity.js';

const BUILTIN_DEFAULTS = new Map<string, PointsRuleView>(BUILTIN_POINTS_RULES.map((r) => [r.code, { ...r, enabled: true, builtin: true, declared: false }]));

export function ruleView(r: PointsRule): PointsRuleView {
  return { code: r.code, category: r.category, name: r.name, points: r.points, cap: r.cap, capPeriod: r.capPeriod, enabled: r.enabled, builtin: r.builtin, declared: r.declared };
}

/**
 * A tenant's points rules (PTS-2). The built-in ones are copied into the tenant on its first look at
 * them (or its first change); until then awards use the shared defaults, so the award path never
 * writes rules and never races to seed them.
 */
@Injectable()
export class PointsRulesService {
  constructor(
    @InjectRepository(PointsRule) private readonly repo: Repository<PointsRule>,
    private readonly tx: Transactions,
  ) {}

  /** The rule an award applies: the tenant's row, else the built-in default; null for an unknown code. */
  async effective(em: EntityManager, tenantId: number, code: string): Promise<PointsRuleView | null> {
    const row = await em.getRepository(PointsRule).findOne({ where: { tenantId, code } });
    return row ? ruleView(row) : (BUILTIN_DEFAULTS.get(code) ?? null);
  }

  /** Every rule the tenant has, built-in first in the table's order, then custom ones. */
  async list(tenantId: number): Promise<PointsRuleView[]> {
    if ((await this.repo.count({ where: { tenantId, builtin: true } })) < BUILTIN_POINTS_RULES.length) await this.tx.run((em) => this.seed(em, tenantId));
    return this.rows(this.repo.manager, tenantId);
  }

  /** Names for the ledger's rule codes (including rules never copied in yet). */
  async names(tenantId: number): Promise<Map<string, string>> {
    const names = new Map([...BUILTIN_DEFAULTS.values()].map((r) => [r.code, r.name]));
    for (const r of await this.repo.find({ select: { code: true, name: true }, where: { tenantId } })) names.set(r.code, r.name);
    return names;
  }

  async update(tenantId: number, dto: PointsRuleUpdateDto): Promise<PointsRuleView[]> {
    await this.tx.run(async (em) => {
      await this.seed(em, tenantId);
      const repo = em.getRepository(PointsRule);
      const rule = await repo.findOne({ where: { tenantId, code: dto.code }, lock: this.tx.lock });
      if (!rule) throw new AppError(PointsError.RuleNotFound);
      if (rule.builtin && (dto.name !== undefined || dto.capPeriod !== undefined)) throw new AppError(PointsError.BuiltinRuleFixed);
      if (dto.points !== undefined) rule.points = dto.points;
      if (dto.cap !== undefined) rule.cap = dto.cap;
      if (dto.enabled !== undefined) rule.enabled = dto.enabled;
      if (dto.name !== undefined) rule.name = dto.name;
      if (dto.capPeriod !== undefined) rule.capPeriod = dto.capPeriod;
      await repo.save(rule);
    });
    return this.list(tenantId);
  }

  /** A custom declared rule 自定义申报规则 (members declare under it, PTS-3). */
  async create(tenantId: number, dto: PointsRuleCreateDto): Promise<PointsRuleView> {
    return this.tx.run(async (em) => {
      await this.seed(em, tenantId);
      const rule = em.getRepository(PointsRule).create({
        tenantId,
        code: `declared.${randomBytes(6).toString('hex')}`,
        category: dto.category,
        name: dto.name,
        points: dto.points,
        cap: dto.cap,
        capPeriod: dto.capPeriod,
        enabled: true,
        builtin: false,
        declared: true,
      });
      return ruleView(await em.getRepository(PointsRule).save(rule));
    });
  }

  private async rows(em: EntityManager, tenantId: number): Promise<PointsRuleView[]> {
    const rows = await em.getRepository(PointsRule).find({ where: { tenantId }, order: { id: 'ASC' } });
    return rows.map(ruleView);
  }

  /** Copies the built-in rules the tenant lacks (also built-ins added in a later release). */
  private async seed(em: EntityManager, tenantId: number): Promise<void> {
    const have = new Set((await em.getRepository(PointsRule).find({ select: { code: true }, where: { tenantId } })).map((r) => r.code));
    const missing = BUILTIN_POINTS_RULES.filter((r) => !have.has(r.code));
    if (!missing.length) return;
    await em
      .createQueryBuilder()
      .insert()
      .into(PointsRule)
      .values(missing.map((r) => ({ tenantId, code: r.code, category: r.category, name: r.name, points: r.points, cap: r.cap, capPeriod: r.capPeriod, enabled: true, builtin: true, declared: false })))
      .orIgnore()
      .execute();
  }
}
