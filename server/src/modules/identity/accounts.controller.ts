import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LockedAccount, ResetPasswordResult } from '@dangjian/shared';
import { Audited } from '../../common/audit/audited.interceptor.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AdminOnly, CurrentUser } from '../../common/auth/decorators.js';
import { BranchAdminGrantDto } from '../organizations/dto/org.dto.js';
import { AccountsService } from './accounts.service.js';
import { RolesService, type BranchAdminView } from './roles.service.js';

/** ID-9: locked accounts, unlock and reset by an admin with scope. */
@ApiTags('identity')
@AdminOnly()
@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get('accounts/locked')
  @ApiOperation({ summary: '已锁定的账号' })
  locked(@CurrentUser() user: AuthUser): Promise<LockedAccount[]> {
    return this.accounts.locked(user);
  }

  @Post('accounts/:userId/unlock') @HttpCode(204)
  @Audited('account.unlock', 'account')
  async unlock(@CurrentUser() user: AuthUser, @Param('userId', ParseIntPipe) userId: number): Promise<void> {
    await this.accounts.unlock(user, userId);
  }

  @Post('accounts/:userId/reset-password') @HttpCode(200)
  @ApiOperation({ summary: '重置密码：生成一次性密码，用户下次登录须修改' })
  @Audited('account.reset_password', 'account')
  resetPassword(@CurrentUser() user: AuthUser, @Param('userId', ParseIntPipe) userId: number): Promise<ResetPasswordResult> {
    return this.accounts.resetPassword(user, userId);
  }

  @Post('members/:id/unlock') @HttpCode(204)
  @Audited('account.unlock', 'member')
  async unlockMember(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<void> {
    await this.accounts.unlock(user, await this.accounts.accountOfMember(user, id));
  }

  @Post('members/:id/reset-password') @HttpCode(200)
  @Audited('account.reset_password', 'member')
  async resetMember(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<ResetPasswordResult> {
    return this.accounts.resetPassword(user, await this.accounts.accountOfMember(user, id));
  }
}

/**
 * BR-9: branch admins. Reachable by the branch's secretary (a member) as well as by admins above,
 * so it is not @AdminOnly; the service checks who may act.
 */
@ApiTags('organizations')
@Controller()
export class BranchAdminsController {
  constructor(private readonly roles: RolesService) {}

  @Get('orgs/:id/branch-admins')
  list(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<BranchAdminView[]> {
    return this.roles.listBranchAdmins(user, id);
  }

  @Post('orgs/:id/branch-admins')
  @ApiOperation({ summary: '书记授权一名支部管理员（BR-9）' })
  @Audited('branch_admin.grant', 'organization')
  grant(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: BranchAdminGrantDto): Promise<BranchAdminView[]> {
    return this.roles.grantBranchAdmin(user, id, dto.memberId);
  }

  @Delete('orgs/:id/branch-admins/:userId') @HttpCode(204)
  @Audited('branch_admin.revoke', 'organization')
  async revoke(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Param('userId', ParseIntPipe) userId: number): Promise<void> {
    await this.roles.revokeBranchAdmin(user, id, userId);
  }

  @Post('me/branch/enter') @HttpCode(200)
  @ApiOperation({ summary: '进入网上支部（无书记且无管理员时，首位进入者成为管理员）' })
  enter(@CurrentUser() user: AuthUser): Promise<{ branchId: number; isAdmin: boolean }> {
    return this.roles.enterBranch(user);
  }
}
