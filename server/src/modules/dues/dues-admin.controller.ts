import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DuesBillGenerateResult, DuesBillView, DuesFlaggedMember, DuesPaymentView, DuesRemindResult, DuesSettings, DuesStandardLockResult, DuesStandardRow, DuesStandardView, DuesSummary, ImportResult, MemberDues, Page } from '@dangjian/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Audited } from '../../common/audit/audited.interceptor.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AdminOnly, CurrentUser, Roles } from '../../common/auth/decorators.js';
import { DuesError } from '../../common/errors/error-codes.js';
import { sendXlsx, uploadedFile } from '../../common/http/files.js';
import { DuesBillsService } from './dues-bills.service.js';
import { DuesContext } from './dues-context.service.js';
import { DuesExcelService } from './dues-excel.service.js';
import { DuesPaymentsService } from './dues-payments.service.js';
import { DuesStandardsService } from './dues-standards.service.js';
import {
  DuesBillGenerateDto,
  DuesBillQueryDto,
  DuesCashDto,
  DuesPaymentQueryDto,
  DuesRemindDto,
  DuesReverseDto,
  DuesSettingsDto,
  DuesStandardCorrectionDto,
  DuesStandardDto,
  DuesStandardLockDto,
  DuesStandardQueryDto,
  DuesSummaryQueryDto,
  ImportQueryDto,
  OrgQueryDto,
  TemplateQueryDto,
  YearQueryDto,
} from './dto/dues.dto.js';

/** The admins' side of dues: calendar, standards, bills, payments, cash, reversals (DUES-1…DUES-11). */
@ApiTags('dues')
@Controller('dues')
@AdminOnly()
export class DuesAdminController {
  constructor(
    private readonly ctx: DuesContext,
    private readonly standards: DuesStandardsService,
    private readonly excel: DuesExcelService,
    private readonly bills: DuesBillsService,
    private readonly payments: DuesPaymentsService,
  ) {}

  @Get('settings')
  settings(@CurrentUser() user: AuthUser): Promise<DuesSettings> {
    return this.ctx.settings(user.tenantId!);
  }

  @Put('settings')
  @Roles('tenant_admin')
  @Audited('dues.settings', 'tenant')
  @ApiOperation({ summary: '交纳时间与上划日（DUES-7）' })
  saveSettings(@CurrentUser() user: AuthUser, @Body() dto: DuesSettingsDto): Promise<DuesSettings> {
    return this.ctx.saveSettings(user.tenantId!, dto);
  }

  @Get('standards')
  listStandards(@CurrentUser() user: AuthUser, @Query() q: DuesStandardQueryDto): Promise<Page<DuesStandardRow>> {
    return this.standards.list(user, q);
  }

  @Put('standards')
  @Audited('dues.standard.set', 'dues_standard')
  @ApiOperation({ summary: '设置党员年度党费标准（DUES-2）' })
  setStandard(@CurrentUser() user: AuthUser, @Body() dto: DuesStandardDto): Promise<DuesStandardView> {
    return this.standards.set(user, dto);
  }

  @Post('standards/:id/correct')
  @HttpCode(200)
  @ApiOperation({ summary: '更正已锁定的党费标准（留痕）' })
  correct(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: DuesStandardCorrectionDto): Promise<DuesStandardView> {
    return this.standards.correct(user, id, dto);
  }

  @Post('standards/lock')
  @HttpCode(200)
  @Audited('dues.standard.lock', 'org')
  lock(@CurrentUser() user: AuthUser, @Body() dto: DuesStandardLockDto): Promise<DuesStandardLockResult> {
    return this.standards.lock(user, dto);
  }

  @Get('standards/template.xlsx')
  async template(@CurrentUser() user: AuthUser, @Query() q: TemplateQueryDto, @Res() res: FastifyReply) {
    return sendXlsx(res, `${q.year}年党费标准导入模板.xlsx`, await this.excel.template(user, q.orgId, q.year));
  }

  @Post('standards/import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @Audited('dues.standard.import', 'dues_standard')
  async import(@CurrentUser() user: AuthUser, @Query() q: ImportQueryDto, @Req() req: FastifyRequest): Promise<ImportResult> {
    return this.excel.import(user, q.year, await uploadedFile(req, DuesError.ImportFileUnreadable));
  }

  @Get('members/:memberId')
  async memberDues(@CurrentUser() user: AuthUser, @Param('memberId', ParseIntPipe) memberId: number, @Query() q: YearQueryDto): Promise<MemberDues> {
    return this.bills.memberDues(await this.ctx.memberInScope(user, memberId), q.year ?? Number(this.ctx.currentMonth().slice(0, 4)));
  }

  @Post('bills/generate')
  @HttpCode(200)
  @Roles('tenant_admin')
  @Audited('dues.bills.generate', 'tenant')
  @ApiOperation({ summary: '生成月度账单（幂等）' })
  generate(@CurrentUser() user: AuthUser, @Body() dto: DuesBillGenerateDto): Promise<DuesBillGenerateResult> {
    return this.bills.generate(user.tenantId!, dto.month ?? this.ctx.currentMonth());
  }

  @Get('bills')
  listBills(@CurrentUser() user: AuthUser, @Query() q: DuesBillQueryDto): Promise<Page<DuesBillView>> {
    return this.bills.list(user, q);
  }

  @Get('bills/export.xlsx')
  async exportBills(@CurrentUser() user: AuthUser, @Query() q: DuesBillQueryDto, @Res() res: FastifyReply) {
    return sendXlsx(res, `党费交纳情况-${q.month}.xlsx`, await this.excel.billsSheet(await this.bills.all(user, q), q.month));
  }

  @Get('summary')
  summary(@CurrentUser() user: AuthUser, @Query() q: DuesSummaryQueryDto): Promise<DuesSummary> {
    return this.bills.summary(user, q.orgId, q.year);
  }

  @Post('remind')
  @HttpCode(200)
  remind(@CurrentUser() user: AuthUser, @Body() dto: DuesRemindDto): Promise<DuesRemindResult> {
    return this.bills.remind(user, dto);
  }

  @Get('flagged')
  flagged(@CurrentUser() user: AuthUser, @Query() q: OrgQueryDto): Promise<DuesFlaggedMember[]> {
    return this.bills.flagged(user, q.orgId);
  }

  @Get('payments')
  listPayments(@CurrentUser() user: AuthUser, @Query() q: DuesPaymentQueryDto): Promise<Page<DuesPaymentView>> {
    return this.payments.list(user, q);
  }

  @Get('payments/export.xlsx')
  async exportPayments(@CurrentUser() user: AuthUser, @Query() q: DuesPaymentQueryDto, @Res() res: FastifyReply) {
    return sendXlsx(res, '党费交纳记录.xlsx', await this.excel.paymentsSheet(await this.payments.all(user, q)));
  }

  @Post('cash')
  @Audited('dues.cash', 'dues_payment')
  @ApiOperation({ summary: '现金入账（线下交纳线上登记，DUES-6）' })
  cash(@CurrentUser() user: AuthUser, @Body() dto: DuesCashDto): Promise<DuesPaymentView> {
    return this.payments.cash(user, dto);
  }

  @Post('payments/:id/reverse')
  @HttpCode(200)
  @Audited('dues.payment.reverse', 'dues_payment')
  @ApiOperation({ summary: '冲正（原记录保留，记一笔反向分录）' })
  reverse(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: DuesReverseDto): Promise<DuesPaymentView> {
    return this.payments.reverse(user, id, dto.reason);
  }
}
