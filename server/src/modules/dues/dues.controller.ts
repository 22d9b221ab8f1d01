import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DuesOrderResult, DuesPaymentView, DuesProxyLookup, MemberDues, Page } from '@dangjian/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AuthRateLimit, CurrentUser } from '../../common/auth/decorators.js';
import { PageQuery } from '../../common/http/pagination.js';
import { DuesBillsService } from './dues-bills.service.js';
import { DuesContext } from './dues-context.service.js';
import { DuesPaymentsService } from './dues-payments.service.js';
import { DuesOrderDto, DuesProxyLookupDto, YearQueryDto } from './dto/dues.dto.js';

/** The member's side of dues (DUES-4, DUES-5, DUES-10): my months, paying, receipts, paying for another member. */
@ApiTags('dues')
@Controller('dues')
export class DuesMemberController {
  constructor(
    private readonly ctx: DuesContext,
    private readonly bills: DuesBillsService,
    private readonly payments: DuesPaymentsService,
  ) {}

  @Get('me')
  @ApiOperation({ summary: '我的党费（按月）' })
  async me(@CurrentUser() user: AuthUser, @Query() q: YearQueryDto): Promise<MemberDues> {
    return this.bills.memberDues(await this.ctx.self(user), q.year ?? Number(this.ctx.currentMonth().slice(0, 4)));
  }

  @Get('receipts')
  @ApiOperation({ summary: '我的交费记录（收据）' })
  receipts(@CurrentUser() user: AuthUser, @Query() q: PageQuery): Promise<Page<DuesPaymentView>> {
    return this.payments.receipts(user, q);
  }

  @Post('proxy/lookup')
  @HttpCode(200)
  @AuthRateLimit()
  @ApiOperation({ summary: '代缴：按姓名和身份证号查找党员' })
  proxyLookup(@CurrentUser() user: AuthUser, @Body() dto: DuesProxyLookupDto): Promise<DuesProxyLookup> {
    return this.payments.proxyLookup(user, dto);
  }

  @Post('orders')
  @ApiOperation({ summary: '在线交纳党费（下单，返回支付参数）' })
  order(@CurrentUser() user: AuthUser, @Body() dto: DuesOrderDto): Promise<DuesOrderResult> {
    return this.payments.order(user, dto);
  }

  @Get('payments/:id')
  @ApiOperation({ summary: '一笔交纳（付款人、本人或管理员）' })
  payment(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<DuesPaymentView> {
    return this.payments.view(user, id);
  }
}
