import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TenantActivationCode } from './entities/activation-code.entity.js';
import { Tenant } from './entities/tenant.entity.js';
import { TenantsService } from './tenants.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Tenant, TenantActivationCode])],
  providers: [TenantsService],
  exports: [TenantsService],
})
export class TenancyModule {}
