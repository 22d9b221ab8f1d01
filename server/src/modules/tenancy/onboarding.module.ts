import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { OnboardingService } from './onboarding.service.js';
import { TenancyController } from './tenancy.controller.js';
import { TenancyModule } from './tenancy.module.js';

/** Tenant creation spans tenancy, organisations and identity, so it sits above all three. */
@Module({
  imports: [TenancyModule, OrganizationsModule, IdentityModule],
  controllers: [TenancyController],
  providers: [OnboardingService],
})
export class OnboardingModule {}
