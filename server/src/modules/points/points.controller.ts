import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MyPoints, Page, PointsEntryView, PointsRanking, PointsRuleView } from '@dangjian/shared';
import { Audited } from '../../common/audit/audited.interceptor.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../../common/auth/decorators.js';
import { AppError } from '../../common/errors/app-error.js';
import { PointsError } from '../../common/errors/error-codes.js';
import { PageQuery } from '../../common/http/pagination.js';
import { PointsRankingQueryDto, PointsRuleCreateDto, PointsRuleUpdateDto } from './dto/points.dto.js';
import { PointsQueryService } from './points-query.service.js';
import { PointsRulesService } from './points-rules.service.js';

const tenantOf = (user: AuthUser): number => {
  if (!user.tenantId) throw new AppError(PointsError.NotMember);
  return user.tenantId;
};

/** Points 积分 (PTS-1, PTS-2, PTS-4): my points and details, rankings, the tenant's rules. */
@ApiTags('points')
@Controller('points')
export class PointsController {
  constructor(
    private readonly query: PointsQueryService,
    private readonly rules: PointsRulesService,
  ) {}

  @Get('me')
  @ApiOperation({ summary: '我的积分（本年度与累计，按类别）' })
  me(@CurrentUser() user: AuthUser): Promise<MyPoints> {
    return this.query.me(user);
  }

  @Get('me/entries')
  @ApiOperation({ summary: '我的积分明细' })
  entries(@CurrentUser() user: AuthUser, @Query() q: PageQuery): Promise<Page<PointsEntryView>> {
    return this.query.entries(user, q);
  }

  @Get('rankings')
  @ApiOperation({ summary: '积分排行（支部、组织、全单位；年度或月度）与我的名次' })
  rankings(@CurrentUser() user: AuthUser, @Query() q: PointsRankingQueryDto): Promise<PointsRanking> {
    return this.query.rankings(user, q);
  }

  @Get('rules')
  @ApiOperation({ summary: '积分规则' })
  listRules(@CurrentUser() user: AuthUser): Promise<PointsRuleView[]> {
    return this.rules.list(tenantOf(user));
  }

  @Put('rules')
  @Roles('tenant_admin')
  @Audited('points.rule.update', 'points_rule')
  @ApiOperation({ summary: '修改积分规则（内置规则只改分值、上限、启用）' })
  updateRule(@CurrentUser() user: AuthUser, @Body() dto: PointsRuleUpdateDto): Promise<PointsRuleView[]> {
    return this.rules.update(tenantOf(user), dto);
  }

  @Post('rules')
  @Roles('tenant_admin')
  @Audited('points.rule.create', 'points_rule')
  @ApiOperation({ summary: '新增自定义申报积分规则' })
  createRule(@CurrentUser() user: AuthUser, @Body() dto: PointsRuleCreateDto): Promise<PointsRuleView> {
    return this.rules.create(tenantOf(user), dto);
  }
}
