import { Controller, Get, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { AuditEntry, Page } from '@dangjian/shared';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { PageQuery } from '../http/pagination.js';
import { AuditService } from './audit.service.js';

class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ description: '操作类型前缀，如 member.' }) @IsOptional() @IsString() @MaxLength(64) action?: string;
}

/** ID-12: the tenant's audit log, for its tenant admins. */
@ApiTags('audit')
@Roles('tenant_admin')
@Controller('audit-logs')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: AuditQuery): Promise<Page<AuditEntry>> {
    return this.audit.list(user, q);
  }
}
