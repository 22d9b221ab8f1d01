import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MyPoints, Page, PointsDeclarationView, PointsEntryView, PointsOrgAverages, PointsRanking, PointsRuleView, PointsSettings } from '@dangjian/shared';
import type { FastifyReply } from 'fastify';
import { Audited } from '../../common/audit/audited.interceptor.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AdminOnly, CurrentUser, Roles } from '../../common/auth/decorators.js';
import { AppError } from '../../common/errors/app-error.js';
import { PointsError } from '../../common/errors/error-codes.js';
import { sendXlsx } from '../../common/http/files.js';
import { PageQuery } from '../../common/http/pagination.js';
import {
  PointsAveragesQueryDto,
  PointsDeclarationDto,
  PointsDeclarationOverturnDto,
  PointsDeclarationQueryDto,
  PointsDeclarationReviewDto,
  PointsRankingExportQueryDto,
  PointsRankingQueryDto,
  PointsRuleCreateDto,
  PointsRuleUpdateDto,
  PointsSettingsDto,
} from './dto/points.dto.js';
import { PointsAveragesService } from './points-averages.service.js';
import { PointsDeclarationsService } from './points-declarations.service.js';
import { PointsQueryService } from './points-query.service.js';
import { PointsRulesService } from './points-rules.service.js';
import { PointsSettingsService } from './points-settings.service.js';

const tenantOf = (user: AuthUser): number => {
  if (!user.tenantId) throw new AppError(PointsError.NotMember);
  return user.tenantId;
};

/**
 * Points 积分 (PTS-1…PTS-5): my points and details, rankings and their export, organisation averages,
 * the tenant's rules and settings, declarations 积分申报 and their review.
 */
@ApiTags('points')
@Controller('points')
export class PointsController {
  constructor(
    private readonly query: PointsQueryService,
    private readonly rules: PointsRulesService,
    private readonly declarations: PointsDeclarationsService,
    private readonly settings: PointsSettingsService,
    private readonly averagesService: PointsAveragesService,
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

  @Get('rankings/export.xlsx')
  @AdminOnly()
  @ApiOperation({ summary: '导出积分排行（Excel，完整名单）' })
  async exportRanking(@CurrentUser() user: AuthUser, @Query() q: PointsRankingExportQueryDto, @Res() res: FastifyReply) {
    const { filename, file } = await this.query.exportRanking(user, q);
    return sendXlsx(res, filename, file);
  }

  @Get('averages')
  @ApiOperation({ summary: '组织平均积分（下级组织按人均排序，每日计算）' })
  averages(@CurrentUser() user: AuthUser, @Query() q: PointsAveragesQueryDto): Promise<PointsOrgAverages> {
    return this.averagesService.averages(user, q);
  }

  @Post('averages/recompute')
  @HttpCode(200)
  @Roles('tenant_admin')
  @Audited('points.averages.recompute', 'points_org_average')
  @ApiOperation({ summary: '立即重新计算组织平均积分' })
  recompute(@CurrentUser() user: AuthUser): Promise<PointsOrgAverages> {
    return this.averagesService.recomputeNow(user);
  }

  @Get('settings')
  @ApiOperation({ summary: '积分设置（排行是否开放）' })
  getSettings(@CurrentUser() user: AuthUser): Promise<PointsSettings> {
    return this.settings.get(tenantOf(user));
  }

  @Put('settings')
  @Roles('tenant_admin')
  @Audited('points.settings.update', 'points_setting')
  @ApiOperation({ summary: '修改积分设置（开关积分排行）' })
  putSettings(@CurrentUser() user: AuthUser, @Body() dto: PointsSettingsDto): Promise<PointsSettings> {
    return this.settings.put(tenantOf(user), dto);
  }

  @Post('declarations')
  @ApiOperation({ summary: '积分申报（按自定义申报规则，附佐证材料）' })
  declare(@CurrentUser() user: AuthUser, @Body() dto: PointsDeclarationDto): Promise<PointsDeclarationView> {
    return this.declarations.create(user, dto);
  }

  @Get('declarations/mine')
  @ApiOperation({ summary: '我的积分申报' })
  myDeclarations(@CurrentUser() user: AuthUser, @Query() q: PageQuery): Promise<Page<PointsDeclarationView>> {
    return this.declarations.mine(user, q);
  }

  @Get('declarations')
  @AdminOnly()
  @ApiOperation({ summary: '积分申报审核列表（管理范围内的支部）' })
  listDeclarations(@CurrentUser() user: AuthUser, @Query() q: PointsDeclarationQueryDto): Promise<Page<PointsDeclarationView>> {
    return this.declarations.list(user, q);
  }

  @Post('declarations/:id/review')
  @HttpCode(200)
  @AdminOnly()
  @Audited('points.declaration.review', 'points_declaration')
  @ApiOperation({ summary: '审核积分申报（通过即计分，驳回须填写原因）' })
  review(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: PointsDeclarationReviewDto): Promise<PointsDeclarationView> {
    return this.declarations.review(user, id, dto);
  }

  @Post('declarations/:id/overturn')
  @HttpCode(200)
  @Roles('tenant_admin')
  @Audited('points.declaration.overturn', 'points_declaration')
  @ApiOperation({ summary: '改判积分申报（单位管理员，须填写原因）' })
  overturn(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: PointsDeclarationOverturnDto): Promise<PointsDeclarationView> {
    return this.declarations.overturn(user, id, dto);
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
