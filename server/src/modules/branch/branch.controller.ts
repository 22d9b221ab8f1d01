import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BranchComment, BranchHome, BranchLikeResult, BranchMember, BranchPostDetail, BranchPostSummary, BranchReadStats, BranchRemindResult, Page } from '@dangjian/shared';
import { Audited } from '../../common/audit/audited.interceptor.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/decorators.js';
import { PageQuery } from '../../common/http/pagination.js';
import { BranchHomeService } from './branch-home.service.js';
import { BranchInteractionsService } from './branch-interactions.service.js';
import { BranchPostsService } from './branch-posts.service.js';
import { BranchCommentDto, BranchMembersQueryDto, BranchPostCreateDto, BranchPostQueryDto, BranchPostUpdateDto, BranchQueryDto, BranchReadDto, BranchReplyDto } from './dto/branch.dto.js';

/** The online branch 网上支部 (SPEC §3): members use it in the mini-program, admins on the admin page. */
@ApiTags('branch')
@Controller('branch')
export class BranchController {
  constructor(
    private readonly home: BranchHomeService,
    private readonly posts: BranchPostsService,
    private readonly interactions: BranchInteractionsService,
  ) {}

  @Get()
  @ApiOperation({ summary: '网上支部首页：各栏目条数与未读数' })
  get(@CurrentUser() user: AuthUser, @Query() q: BranchQueryDto): Promise<BranchHome> {
    return this.home.home(user, q.orgId);
  }

  @Get('members')
  @ApiOperation({ summary: '支部成员（已激活的显示手机号）' })
  members(@CurrentUser() user: AuthUser, @Query() q: BranchMembersQueryDto): Promise<Page<BranchMember>> {
    return this.home.memberList(user, q.orgId, q);
  }

  @Get('posts')
  @ApiOperation({ summary: '栏目内容列表' })
  list(@CurrentUser() user: AuthUser, @Query() q: BranchPostQueryDto): Promise<Page<BranchPostSummary>> {
    return this.posts.list(user, q);
  }

  @Post('posts')
  @ApiOperation({ summary: '发布（通知公告、党务公开、组织生活、议题由管理员发布；其余由本支部党员发布）' })
  @Audited('branch.post.create', 'branch_post')
  create(@CurrentUser() user: AuthUser, @Body() dto: BranchPostCreateDto): Promise<BranchPostDetail> {
    return this.posts.create(user, dto);
  }

  @Get('posts/:id')
  detail(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<BranchPostDetail> {
    return this.posts.get(user, id);
  }

  @Patch('posts/:id')
  @Audited('branch.post.update', 'branch_post')
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: BranchPostUpdateDto): Promise<BranchPostDetail> {
    return this.posts.update(user, id, dto);
  }

  @Delete('posts/:id')
  @HttpCode(204)
  @Audited('branch.post.delete', 'branch_post')
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<void> {
    await this.posts.remove(user, id);
  }

  @Post('posts/:id/reply')
  @HttpCode(200)
  @ApiOperation({ summary: '书记回复来信' })
  reply(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: BranchReplyDto): Promise<BranchPostDetail> {
    return this.posts.reply(user, id, dto.content);
  }

  @Post('posts/:id/read')
  @HttpCode(204)
  @ApiOperation({ summary: '已读回执（离开时再报一次阅读时长）' })
  async read(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: BranchReadDto): Promise<void> {
    await this.interactions.read(user, id, dto.seconds);
  }

  @Put('posts/:id/like')
  like(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<BranchLikeResult> {
    return this.interactions.like(user, id, true);
  }

  @Delete('posts/:id/like')
  unlike(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<BranchLikeResult> {
    return this.interactions.like(user, id, false);
  }

  @Post('posts/:id/share')
  @HttpCode(204)
  async share(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<void> {
    await this.interactions.share(user, id);
  }

  @Get('posts/:id/comments')
  comments(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Query() q: PageQuery): Promise<Page<BranchComment>> {
    return this.interactions.listComments(user, id, q);
  }

  @Post('posts/:id/comments')
  comment(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: BranchCommentDto): Promise<BranchComment> {
    return this.interactions.comment(user, id, dto.content);
  }

  @Delete('comments/:id')
  @HttpCode(204)
  @Audited('branch.comment.delete', 'branch_comment')
  async deleteComment(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<void> {
    await this.interactions.deleteComment(user, id);
  }

  @Get('posts/:id/reads')
  @ApiOperation({ summary: '阅读统计：已读与未读名单（管理员）' })
  reads(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<BranchReadStats> {
    return this.interactions.readStats(user, id);
  }

  @Post('posts/:id/remind')
  @HttpCode(200)
  @ApiOperation({ summary: '提醒未读成员（站内消息，一小时一次）' })
  @Audited('branch.post.remind', 'branch_post')
  remind(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<BranchRemindResult> {
    return this.interactions.remind(user, id);
  }
}
