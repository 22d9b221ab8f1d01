import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AidBlacklistEntry, AidCommentView, AidCounts, AidItemDetail, AidItemSummary, Page } from '@dangjian/shared';
import { Audited } from '../../common/audit/audited.interceptor.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AdminOnly, CurrentUser } from '../../common/auth/decorators.js';
import { PageQuery } from '../../common/http/pagination.js';
import { AidBlacklistDto, AidCommentCreateDto, AidItemCreateDto, AidItemQueryDto, AidTransitionDto } from './dto/aid.dto.js';
import { AidBlacklistService, AidSocialService } from './aid-social.service.js';
import { MutualAidService } from './mutual-aid.service.js';

/** 党员e家 (SPEC §8): wish tree, micro-donations, snapshots, micro-wishes, and the blacklist. */
@ApiTags('mutual-aid')
@Controller('aid')
export class MutualAidController {
  constructor(
    private readonly aid: MutualAidService,
    private readonly social: AidSocialService,
    private readonly bans: AidBlacklistService,
  ) {}

  @Get('items')
  @ApiOperation({ summary: '心愿树 / 微捐赠 / 随手拍 / 微心愿列表（本支部已上架的、全单位已发布的微心愿、我发布的、我认领的；管理员含待审核；随手拍可按栏目筛选）' })
  list(@CurrentUser() user: AuthUser, @Query() q: AidItemQueryDto): Promise<Page<AidItemSummary>> {
    return this.aid.list(user, q);
  }

  @Post('items')
  @ApiOperation({ summary: '发布心愿、捐赠或随手拍（待支部审核；黑名单党员不能发布）；支部管理员提交微心愿（待单位管理员审核）' })
  create(@CurrentUser() user: AuthUser, @Body() dto: AidItemCreateDto): Promise<AidItemDetail> {
    return this.aid.create(user, dto);
  }

  @Get('items/:id')
  detail(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<AidItemDetail> {
    return this.aid.detail(user, id);
  }

  @Post('items/:id/transitions')
  @HttpCode(200)
  @ApiOperation({ summary: '办理流程环节：审核、认领、送达、确认、办结、撤回（按共享流程表检查角色）' })
  @Audited('aid.transition', 'aid_item')
  transition(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: AidTransitionDto): Promise<AidItemDetail> {
    return this.aid.transition(user, id, dto);
  }

  @Put('items/:id/like')
  like(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<AidCounts> {
    return this.social.like(user, id, true);
  }

  @Delete('items/:id/like')
  unlike(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<AidCounts> {
    return this.social.like(user, id, false);
  }

  @Post('items/:id/share')
  @HttpCode(200)
  share(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<AidCounts> {
    return this.social.share(user, id);
  }

  @Get('items/:id/comments')
  @ApiOperation({ summary: '随手拍评论：已审核的，加上自己待审核的（发布人和管理员看全部）' })
  comments(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Query() q: PageQuery): Promise<Page<AidCommentView>> {
    return this.social.listComments(user, id, q);
  }

  @Post('items/:id/comments')
  comment(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: AidCommentCreateDto): Promise<AidCommentView> {
    return this.social.comment(user, id, dto.content);
  }

  @Post('items/:id/comments/:commentId/approve')
  @HttpCode(200)
  @ApiOperation({ summary: '审核评论（发布人或支部管理员）' })
  approveComment(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Param('commentId', ParseIntPipe) commentId: number): Promise<AidCommentView> {
    return this.social.approveComment(user, id, commentId);
  }

  @Delete('items/:id/comments/:commentId')
  @HttpCode(204)
  async removeComment(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Param('commentId', ParseIntPipe) commentId: number): Promise<void> {
    await this.social.removeComment(user, id, commentId);
  }

  @Get('blacklist')
  @AdminOnly()
  @ApiOperation({ summary: '党员e家黑名单（管理范围内的党员，AID-4）' })
  blacklist(@CurrentUser() user: AuthUser, @Query() q: PageQuery): Promise<Page<AidBlacklistEntry>> {
    return this.bans.list(user, q);
  }

  @Post('blacklist')
  @AdminOnly()
  @Audited('aid.blacklist.add', 'member')
  ban(@CurrentUser() user: AuthUser, @Body() dto: AidBlacklistDto): Promise<AidBlacklistEntry> {
    return this.bans.add(user, dto);
  }

  /** `:id` is the member's id. */
  @Delete('blacklist/:id')
  @AdminOnly()
  @HttpCode(204)
  @Audited('aid.blacklist.remove', 'member')
  async unban(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) memberId: number): Promise<void> {
    await this.bans.remove(user, memberId);
  }
}
