import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DuesAccountView, DuesTransferPreview, DuesTransferView, ReconRunView } from '@dangjian/shared';
import { Audited } from '../../common/audit/audited.interceptor.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AdminOnly, CurrentUser, Roles } from '../../common/auth/decorators.js';
import { DuesAccountsService } from './dues-accounts.service.js';
import { DuesReconciliationService } from './dues-reconciliation.service.js';
import { DuesTransfersService } from './dues-transfers.service.js';
import { AccountStatusQueryDto, DuesAccountApproveDto, DuesAccountFormDto, DuesAccountRejectDto, ReconQueryDto, ReconRunDto } from './dto/account.dto.js';
import { DuesTransferDto, DuesTransferPreviewQueryDto, OrgQueryDto } from './dto/dues.dto.js';

/** Where the money goes: dues accounts (DUES-8), upward transfers (DUES-7), reconciliation (DUES-9). */
@ApiTags('dues')
@Controller('dues')
export class DuesMoneyController {
  constructor(
    private readonly accounts: DuesAccountsService,
    private readonly transfers: DuesTransfersService,
    private readonly recon: DuesReconciliationService,
  ) {}

  @Get('accounts')
  @Roles('platform_admin', 'tenant_admin', 'org_admin', 'branch_admin')
  listAccounts(@CurrentUser() user: AuthUser, @Query() q: AccountStatusQueryDto): Promise<DuesAccountView[]> {
    return this.accounts.list(user, q.status);
  }

  @Post('accounts')
  @AdminOnly()
  @Audited('dues.account.apply', 'dues_account')
  @ApiOperation({ summary: '申请开通党费账户（DUES-8）' })
  apply(@CurrentUser() user: AuthUser, @Body() dto: DuesAccountFormDto): Promise<DuesAccountView> {
    return this.accounts.apply(user, dto);
  }

  @Post('accounts/:id/approve')
  @HttpCode(200)
  @Roles('platform_admin')
  @Audited('dues.account.approve', 'dues_account')
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: DuesAccountApproveDto): Promise<DuesAccountView> {
    return this.accounts.approve(user, id, dto.merchantId);
  }

  @Post('accounts/:id/reject')
  @HttpCode(200)
  @Roles('platform_admin')
  @Audited('dues.account.reject', 'dues_account')
  reject(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: DuesAccountRejectDto): Promise<DuesAccountView> {
    return this.accounts.reject(user, id, dto.reason);
  }

  @Get('transfers/preview')
  @AdminOnly()
  preview(@CurrentUser() user: AuthUser, @Query() q: DuesTransferPreviewQueryDto): Promise<DuesTransferPreview> {
    return this.transfers.preview(user, q.orgId, q.month);
  }

  @Get('transfers')
  @AdminOnly()
  listTransfers(@CurrentUser() user: AuthUser, @Query() q: OrgQueryDto): Promise<DuesTransferView[]> {
    return this.transfers.list(user, q.orgId);
  }

  @Post('transfers')
  @AdminOnly()
  @Audited('dues.transfer', 'dues_transfer')
  @ApiOperation({ summary: '党费上划（DUES-7）' })
  transfer(@CurrentUser() user: AuthUser, @Body() dto: DuesTransferDto): Promise<DuesTransferView> {
    return this.transfers.create(user, dto.orgId, dto.month);
  }

  @Post('transfers/:id/retry')
  @HttpCode(200)
  @AdminOnly()
  retry(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<DuesTransferView> {
    return this.transfers.retry(user, id);
  }

  @Get('reconciliation')
  @Roles('platform_admin', 'tenant_admin')
  reconciliation(@CurrentUser() user: AuthUser, @Query() q: ReconQueryDto): Promise<ReconRunView[]> {
    return this.recon.list(user, q.channel, q.from, q.to);
  }

  @Post('reconciliation')
  @HttpCode(200)
  @Roles('platform_admin', 'tenant_admin')
  @Audited('dues.reconcile', 'recon_run')
  runReconciliation(@CurrentUser() user: AuthUser, @Body() dto: ReconRunDto): Promise<ReconRunView> {
    return this.recon.run(user, dto.channel, dto.billDate);
  }
}
