import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { OrgType } from '@dangjian/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { OrgError } from '../../common/errors/error-codes.js';
import { Organization, orgClosure, type OrgClosure } from './entities/organization.entity.js';

export interface SqlFragment {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * ORG-1/ORG-2 data scope. Tenant admins reach their whole tenant; org and branch admins reach the
 * subtrees of the organisations their roles are bound to. Other modules filter their queries with
 * `orgFilter` (one indexed join on the closure table) — never fetch first and check after.
 */
@Injectable()
export class OrgScope {
  private readonly closure: OrgClosure;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.closure = orgClosure(ds);
  }

  /** The organisations whose subtrees the admin reaches; null = the whole tenant. */
  adminRoots(user: AuthUser): number[] | null {
    if (user.roles.some((r) => r.role === 'tenant_admin')) return null;
    return user.roles.filter((r) => (r.role === 'org_admin' || r.role === 'branch_admin') && r.orgId != null).map((r) => r.orgId!);
  }

  /**
   * A WHERE fragment: `column` lies in the caller's admin scope and, when `within` is given, in that
   * organisation's subtree too. Parameter names are prefixed with `p` to keep them unique in a query.
   */
  orgFilter(column: string, user: AuthUser, within?: number, p = 'scope'): SqlFragment {
    const { table, ancestor, descendant } = this.closure;
    const parts: string[] = [];
    const params: Record<string, unknown> = {};
    const roots = this.adminRoots(user);
    if (roots !== null) {
      parts.push(`${column} IN (SELECT ${descendant} FROM ${table} WHERE ${ancestor} IN (:...${p}Roots))`);
      params[`${p}Roots`] = roots.length ? roots : [-1];
    }
    if (within !== undefined) {
      parts.push(`${column} IN (SELECT ${descendant} FROM ${table} WHERE ${ancestor} = :${p}Within)`);
      params[`${p}Within`] = within;
    }
    return { sql: parts.length ? parts.join(' AND ') : '1=1', params };
  }

  /** Throws 404 unless the organisation belongs to the caller's tenant and admin scope. */
  async assertOrg(user: AuthUser, orgId: number): Promise<Organization> {
    const f = this.orgFilter('o.id', user);
    const org = await this.ds
      .getRepository(Organization)
      .createQueryBuilder('o')
      .where('o.id = :id AND o.tenantId = :t', { id: orgId, t: user.tenantId })
      .andWhere(f.sql, f.params)
      .getOne();
    if (!org) throw new AppError(OrgError.NotFound);
    return org;
  }

  /** Ids of the organisation and everything under it. */
  async subtreeIds(orgId: number): Promise<number[]> {
    const { table, ancestor, descendant } = this.closure;
    const rows: Array<{ id: number | string }> = await this.ds.query(`SELECT ${descendant} AS id FROM ${table} WHERE ${ancestor} = ?`, [orgId]);
    return rows.map((r) => Number(r.id));
  }

  /** Ancestors of an organisation, excluding itself (unordered). */
  async ancestorIds(orgId: number): Promise<number[]> {
    const { table, ancestor, descendant } = this.closure;
    const rows: Array<{ id: number | string }> = await this.ds.query(`SELECT ${ancestor} AS id FROM ${table} WHERE ${descendant} = ? AND ${ancestor} <> ?`, [orgId, orgId]);
    return rows.map((r) => Number(r.id));
  }

  /** Organisations within the caller's scope, optionally of some types only. */
  orgsInScope(user: AuthUser, types?: OrgType[]): Promise<Organization[]> {
    const f = this.orgFilter('o.id', user);
    const qb = this.ds.getRepository(Organization).createQueryBuilder('o').where('o.tenantId = :t', { t: user.tenantId }).andWhere(f.sql, f.params);
    if (types) qb.andWhere('o.type IN (:...types)', { types });
    return qb.orderBy('o.id').getMany();
  }

  /** Branches and groups within the caller's scope: where members may be registered. */
  memberOrgsInScope(user: AuthUser): Promise<Organization[]> {
    return this.orgsInScope(user, ['branch', 'group']);
  }

  /** Ids of every branch of a tenant (for tenant-wide jobs such as supervision). */
  async branchesOf(tenantId: number): Promise<number[]> {
    const rows = await this.ds.getRepository(Organization).find({ select: { id: true }, where: { tenantId, type: 'branch' }, order: { id: 'ASC' } });
    return rows.map((o) => o.id);
  }

  /** Unscoped read for internal use (activation, role rules); callers do their own checks. */
  findOrg(id: number, em?: EntityManager): Promise<Organization | null> {
    return (em ?? this.ds.manager).getRepository(Organization).findOne({ where: { id } });
  }

  async orgNames(ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows = await this.ds.getRepository(Organization).find({ select: { id: true, name: true }, where: { id: In(ids) } });
    return new Map(rows.map((o) => [o.id, o.name]));
  }

  /**
   * Serialises workflow changes that hang on one organisation (e.g. who becomes branch admin):
   * SELECT … FOR UPDATE on MySQL/MariaDB; on SQLite the write gate already serialises.
   */
  async lockOrg(id: number, em: EntityManager): Promise<void> {
    if (em.connection.options.type === 'better-sqlite3') return;
    await em.getRepository(Organization).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }
}
