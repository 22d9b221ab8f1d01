import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { TenantView } from '@dangjian/shared';
import { IsNull, type EntityManager, type Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CryptoService } from '../../common/crypto/crypto.service.js';
import { AppError } from '../../common/errors/app-error.js';
import { TenancyError } from '../../common/errors/error-codes.js';
import type { TenantUpdateDto } from './dto/tenant.dto.js';
import { TenantActivationCode } from './entities/activation-code.entity.js';
import { Tenant } from './entities/tenant.entity.js';

/** TEN-1…TEN-3: tenants, their settings and the single-use activation codes that create them. */
@Injectable()
export class TenantsService {
  constructor(
    @InjectRepository(Tenant) private readonly tenants: Repository<Tenant>,
    @InjectRepository(TenantActivationCode) private readonly codes: Repository<TenantActivationCode>,
    private readonly crypto: CryptoService,
  ) {}

  static view(t: Tenant, rootOrgId: number | null): TenantView {
    return { id: t.id, name: t.name, dingtalkCorpId: t.dingtalkCorpId, rootOrgId };
  }

  find(id: number): Promise<Tenant | null> {
    return this.tenants.findOne({ where: { id } });
  }

  async require(id: number): Promise<Tenant> {
    const t = await this.find(id);
    if (!t) throw new AppError(TenancyError.TenantNotFound);
    return t;
  }

  findByCorpId(corpId: string): Promise<Tenant | null> {
    return this.tenants.findOne({ where: { dingtalkCorpId: corpId } });
  }

  count(): Promise<number> {
    return this.tenants.count();
  }

  async update(user: AuthUser, dto: TenantUpdateDto): Promise<Tenant> {
    const t = await this.require(user.tenantId!);
    Object.assign(t, dto);
    return this.tenants.save(t);
  }

  /** Platform operators issue codes; only their hashes are stored. Returns the plain codes once. */
  async issueCodes(createdBy: number, count: number): Promise<string[]> {
    const plain = Array.from({ length: count }, () => `DJ-${this.crypto.randomToken(9).toUpperCase().replace(/[^A-Z0-9]/g, 'X')}`);
    await this.codes.insert(plain.map((c) => ({ codeHash: this.crypto.sha256(c), createdBy })));
    return plain;
  }

  /** Consumes a code inside the tenant-creation transaction; a used or unknown code fails. */
  async create(code: string, name: string, em: EntityManager): Promise<Tenant> {
    const tenant = await em.getRepository(Tenant).save(em.getRepository(Tenant).create({ name, dingtalkCorpId: null, settings: null }));
    const res = await em.getRepository(TenantActivationCode).update({ codeHash: this.crypto.sha256(code.trim().toUpperCase()), usedAt: IsNull() }, { usedAt: new Date(), usedByTenantId: tenant.id });
    if (!res.affected) throw new AppError(TenancyError.ActivationCodeInvalid);
    return tenant;
  }

  /** For the demo seed: a tenant without a code. */
  createDirect(name: string, em: EntityManager): Promise<Tenant> {
    return em.getRepository(Tenant).save(em.getRepository(Tenant).create({ name, dingtalkCorpId: null, settings: null }));
  }
}
