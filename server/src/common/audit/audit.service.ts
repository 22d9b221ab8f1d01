import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditEntry, Page } from '@dangjian/shared';
import type { EntityManager, Repository } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { pageArgs, type PageQuery } from '../http/pagination.js';
import { AuditLog } from './audit-log.entity.js';

/** Keys whose values never enter the audit log (ID-13: ID numbers never in logs). */
const SECRET_KEYS = /password|idnumber|token|code|secret/i;

export function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[redacted]' : scrub(v)]));
  }
  return value;
}

export interface AuditInput {
  action: string;
  targetType: string;
  targetId?: string | number | null;
  detail?: unknown;
}

/** ID-12: every admin change leaves a record: who, what, which object, when, from where. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLog) private readonly repo: Repository<AuditLog>) {}

  async record(actor: AuthUser | null, actorName: string, input: AuditInput, em?: EntityManager): Promise<void> {
    const repo = em ? em.getRepository(AuditLog) : this.repo;
    await repo.save(repo.create({
      tenantId: actor?.tenantId ?? null,
      actorUserId: actor?.userId ?? null,
      actorName,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId == null ? null : String(input.targetId),
      ip: actor?.ip ?? null,
      detail: input.detail === undefined ? null : (scrub(input.detail) as Record<string, unknown>),
    }));
  }

  async list(user: AuthUser, q: PageQuery & { action?: string }): Promise<Page<AuditEntry>> {
    const qb = this.repo.createQueryBuilder('a').where('a.tenantId = :t', { t: user.tenantId }).orderBy('a.id', 'DESC');
    if (q.action) qb.andWhere('a.action LIKE :act', { act: `${q.action}%` });
    const { skip, take } = pageArgs(q);
    const [rows, total] = await qb.skip(skip).take(take).getManyAndCount();
    return {
      items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
