import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ImportResult, OrgNode, OrgPostView, OrgTermView } from '@dangjian/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Audited } from '../../common/audit/audited.interceptor.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AdminOnly, CurrentUser } from '../../common/auth/decorators.js';
import { OrgCreateDto, OrgMergeDto, OrgMoveDto, OrgPostCreateDto, OrgTermChangeDto, OrgUpdateDto } from './dto/org.dto.js';
import { OrgError } from '../../common/errors/error-codes.js';
import { sendXlsx, uploadedFile } from '../../common/http/files.js';
import { OrgExcelService } from './org-excel.service.js';
import { OrgPostsService } from './org-posts.service.js';
import { OrganizationsService } from './organizations.service.js';

/** ORG-4, ORG-5: the organisation tree and its leadership, for admins within their scope. */
@ApiTags('organizations')
@AdminOnly()
@Controller('orgs')
export class OrganizationsController {
  constructor(
    private readonly orgs: OrganizationsService,
    private readonly posts: OrgPostsService,
    private readonly excel: OrgExcelService,
  ) {}

  @Get('tree')
  @ApiOperation({ summary: '组织树（管理范围内），含党员人数' })
  tree(@CurrentUser() user: AuthUser): Promise<OrgNode[]> {
    return this.orgs.tree(user);
  }

  @Get('template.xlsx')
  @ApiOperation({ summary: '下载组织导入模板' })
  async template(@Res() res: FastifyReply) {
    return sendXlsx(res, '组织导入模板.xlsx', await this.excel.template());
  }

  @Post('import')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: '从Excel导入组织（有错误时整批不导入）' })
  @Audited('org.import', 'organization')
  async import(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest): Promise<ImportResult> {
    return this.excel.import(user, await uploadedFile(req, OrgError.ImportFileUnreadable));
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<OrgNode> {
    return this.orgs.get(user, id);
  }

  @Post()
  @ApiOperation({ summary: '新建下级组织' })
  @Audited('org.create', 'organization')
  create(@CurrentUser() user: AuthUser, @Body() dto: OrgCreateDto): Promise<OrgNode> {
    return this.orgs.create(user, dto);
  }

  @Patch(':id')
  @Audited('org.update', 'organization')
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: OrgUpdateDto): Promise<OrgNode> {
    return this.orgs.update(user, id, dto);
  }

  @Post(':id/move')
  @HttpCode(200)
  @ApiOperation({ summary: '迁移到新的上级组织' })
  @Audited('org.move', 'organization')
  move(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: OrgMoveDto): Promise<OrgNode> {
    return this.orgs.move(user, id, dto.newParentId);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @ApiOperation({ summary: '合并到目标组织（下级组织和党员一并转入）' })
  @Audited('org.merge', 'organization')
  merge(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: OrgMergeDto): Promise<OrgNode> {
    return this.orgs.merge(user, id, dto.targetId);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: '删除组织（仅限无下级组织、无党员）' })
  @Audited('org.delete', 'organization')
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<void> {
    await this.orgs.remove(user, id);
  }

  @Get(':id/posts')
  @ApiOperation({ summary: '现任班子成员' })
  currentPosts(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<OrgPostView[]> {
    return this.posts.current(user, id);
  }

  @Post(':id/posts')
  @ApiOperation({ summary: '任命职务' })
  @Audited('org.post.assign', 'organization')
  assign(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: OrgPostCreateDto): Promise<OrgPostView> {
    return this.posts.assign(user, id, dto);
  }

  @Delete(':id/posts/:postId')
  @HttpCode(204)
  @ApiOperation({ summary: '免去职务' })
  @Audited('org.post.end', 'organization')
  async endPost(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Param('postId', ParseIntPipe) postId: number): Promise<void> {
    await this.posts.end(user, id, postId);
  }

  @Post(':id/term-change')
  @ApiOperation({ summary: '换届：记录新一届并免去全部现任职务' })
  @Audited('org.term_change', 'organization')
  termChange(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: OrgTermChangeDto): Promise<OrgTermView> {
    return this.posts.termChange(user, id, dto);
  }

  @Get(':id/terms')
  terms(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<OrgTermView[]> {
    return this.posts.termList(user, id);
  }
}
