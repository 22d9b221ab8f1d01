import { Module } from '@nestjs/common';
import { IdentityModule } from '../modules/identity/identity.module.js';
import { MembersModule } from '../modules/members/members.module.js';
import { OrganizationsModule } from '../modules/organizations/organizations.module.js';
import { TenancyModule } from '../modules/tenancy/tenancy.module.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({
  imports: [TenancyModule, OrganizationsModule, MembersModule, IdentityModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class SeedModule {}
