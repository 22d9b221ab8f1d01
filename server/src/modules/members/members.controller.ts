import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ImportResult, MemberView, Page } from '@dangjian/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Audited } from '../../common/audit/audited.interceptor.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AdminOnly, CurrentUser } from '../../common/auth/decorators.js';
import { MemberError } from '../../common/errors/error-codes.js';
import { sendXlsx, uploadedFile } from '../../common/http/files.js';
import { MemberCreateDto, MemberDeleteDto, MemberQueryDto, MemberUpdateDto } from './dto/member.dto.js';
import { MembersExcelService } from './members-excel.service.js';
import { MembersService } from './members.service.js';

/** MEM-1, MEM-2: member records, managed by admins within their scope. */
@ApiTags('members')
@AdminOnly()
@Controller('members')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly excel: MembersExcelService,
  ) {}

  @Get()
  @ApiOperation({ summary: '党员列表（所选组织及其下级）' })
  list(@CurrentUser() user: AuthUser, @Query() q: MemberQueryDto): Promise<Page<MemberView>> {
    return this.members.list(user, q);
  }

  @Get('history')
  @ApiOperation({ summary: '党员历史库' })
  history(@CurrentUser() user: AuthUser, @Query() q: MemberQueryDto): Promise<Page<MemberView>> {
    return this.members.history(user, q);
  }

  @Get('template.xlsx')
  @ApiOperation({ summary: '下载导入模板' })
  async template(@CurrentUser() user: AuthUser, @Res() res: FastifyReply) {
    return sendXlsx(res, '党员导入模板.xlsx', await this.excel.template(user));
  }

  @Get('export.xlsx')
  @ApiOperation({ summary: '导出党员（身份证号脱敏）' })
  @Audited('member.export', 'member')
  async export(@CurrentUser() user: AuthUser, @Query() q: MemberQueryDto, @Res() res: FastifyReply) {
    return sendXlsx(res, '党员信息.xlsx', await this.excel.export(user, q));
  }

  @Post('import')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: '从Excel导入党员（有错误时整批不导入）' })
  @Audited('member.import', 'member')
  async import(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest): Promise<ImportResult> {
    return this.excel.import(user, await uploadedFile(req, MemberError.ImportFileUnreadable));
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<MemberView> {
    return this.members.get(user, id);
  }

  @Post()
  @Audited('member.create', 'member')
  create(@CurrentUser() user: AuthUser, @Body() dto: MemberCreateDto): Promise<MemberView> {
    return this.members.create(user, dto);
  }

  @Patch(':id')
  @Audited('member.update', 'member')
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: MemberUpdateDto): Promise<MemberView> {
    return this.members.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: '删除党员（移入历史库）' })
  @Audited('member.delete', 'member')
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: MemberDeleteDto): Promise<void> {
    await this.members.remove(user, id, dto?.reason);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Audited('member.restore', 'member')
  restore(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<MemberView> {
    return this.members.restore(user, id);
  }

  @Delete(':id/purge')
  @HttpCode(204)
  @ApiOperation({ summary: '从历史库彻底删除' })
  @Audited('member.purge', 'member')
  async purge(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<void> {
    await this.members.purge(user, id);
  }

  @Post(':id/reveal-id')
  @HttpCode(200)
  @ApiOperation({ summary: '查看完整身份证号（记入审计）' })
  @Audited('member.reveal_id', 'member')
  revealId(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<{ idNumber: string }> {
    return this.members.revealIdNumber(user, id);
  }
}
