import { Injectable } from '@nestjs/common';
import type { TenantView } from '@dangjian/shared';
import { Transactions } from '../../database/write-gate.js';
import { AccountsService, assertNewPassword } from '../identity/accounts.service.js';
import { RolesService } from '../identity/roles.service.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { TenantCreateDto } from './dto/tenant.dto.js';
import { TenantsService } from './tenants.service.js';

/** TEN-1: activation code + organisation name + admin account → tenant, root committee and tenant admin, in one transaction. */
@Injectable()
export class OnboardingService {
  constructor(
    private readonly tenants: TenantsService,
    private readonly orgs: OrganizationsService,
    private readonly accounts: AccountsService,
    private readonly roles: RolesService,
    private readonly tx: Transactions,
  ) {}

  async createTenant(dto: TenantCreateDto): Promise<TenantView> {
    assertNewPassword(dto.adminPassword, dto.adminPassword);
    return this.tx.run(async (em) => {
      const tenant = await this.tenants.create(dto.activationCode, dto.name, em);
      const root = await this.orgs.createRoot(tenant.id, dto.name, em);
      const admin = await this.accounts.create(em, { tenantId: tenant.id, memberId: null, username: dto.adminUsername, phone: dto.adminPhone, displayName: '单位管理员', password: dto.adminPassword });
      await this.roles.add(em, admin.id, tenant.id, 'tenant_admin', root.id);
      return TenantsService.view(tenant, root.id);
    });
  }
}
