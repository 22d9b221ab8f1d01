import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TenantView } from '@dangjian/shared';
import { Audited } from '../../common/audit/audited.interceptor.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AuthRateLimit, CurrentUser, Public, Roles } from '../../common/auth/decorators.js';
import { IssueCodesDto, TenantCreateDto, TenantUpdateDto } from './dto/tenant.dto.js';
import { OnboardingService } from './onboarding.service.js';
import { TenantsService } from './tenants.service.js';

/** TEN-1…TEN-3. */
@ApiTags('tenancy')
@Controller()
export class TenancyController {
  constructor(
    private readonly tenants: TenantsService,
    private readonly onboarding: OnboardingService,
  ) {}

  @Public() @AuthRateLimit() @Post('tenants')
  @ApiOperation({ summary: '凭激活码入驻（创建单位、顶级党委和单位管理员）' })
  create(@Body() dto: TenantCreateDto): Promise<TenantView> {
    return this.onboarding.createTenant(dto);
  }

  @Roles('tenant_admin') @Get('tenants/current')
  async current(@CurrentUser() user: AuthUser): Promise<TenantView> {
    return TenantsService.view(await this.tenants.require(user.tenantId!), user.roles.find((r) => r.role === 'tenant_admin')?.orgId ?? null);
  }

  @Roles('tenant_admin') @Patch('tenants/current')
  @ApiOperation({ summary: '修改单位信息（名称、钉钉corpId）' })
  @Audited('tenant.update', 'tenant')
  async update(@CurrentUser() user: AuthUser, @Body() dto: TenantUpdateDto): Promise<TenantView> {
    return TenantsService.view(await this.tenants.update(user, dto), user.roles.find((r) => r.role === 'tenant_admin')?.orgId ?? null);
  }

  @Roles('platform_admin') @Post('platform/activation-codes')
  @ApiOperation({ summary: '平台：生成入驻激活码（只显示一次）' })
  @Audited('platform.issue_codes', 'activation_code')
  async issueCodes(@CurrentUser() user: AuthUser, @Body() dto: IssueCodesDto): Promise<{ codes: string[] }> {
    return { codes: await this.tenants.issueCodes(user.userId, dto.count) };
  }
}
