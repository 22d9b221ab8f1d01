import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MallCategory, MallGoods, MallGoodsPage, MallOrder, MallWalletView, Page } from '@dangjian/shared';
import { Audited } from '../../common/audit/audited.interceptor.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../../common/auth/decorators.js';
import { MallCategoryDto, MallCategoryReorderDto, MallGoodsDto, MallGoodsEnableDto, MallGoodsQueryDto, MallMyOrdersQueryDto, MallOrderDto, MallOrderQueryDto } from './dto/mall.dto.js';
import { MallCatalogService } from './mall-catalog.service.js';
import { MallOrdersService } from './mall-orders.service.js';
import { MallWalletService } from './mall-wallet.service.js';

/** 积分商城 (SPEC §9): categories, goods, exchanges, orders and pick-up. Managed by the tenant admin. */
@ApiTags('mall')
@Controller('mall')
export class MallController {
  constructor(
    private readonly catalog: MallCatalogService,
    private readonly orders: MallOrdersService,
    private readonly wallets: MallWalletService,
  ) {}

  @Get('me')
  @ApiOperation({ summary: '我的商城积分：累计获得、商城已用、可用余额（兑换不减少积分）' })
  me(@CurrentUser() user: AuthUser): Promise<MallWalletView> {
    return this.wallets.view(user);
  }

  @Get('categories')
  @ApiOperation({ summary: '商品分类（按排序）' })
  categories(@CurrentUser() user: AuthUser): Promise<MallCategory[]> {
    return this.catalog.listCategories(user);
  }

  @Post('categories')
  @Roles('tenant_admin')
  @Audited('mall.category.create', 'mall_category')
  createCategory(@CurrentUser() user: AuthUser, @Body() dto: MallCategoryDto): Promise<MallCategory> {
    return this.catalog.createCategory(user, dto);
  }

  @Post('categories/reorder')
  @HttpCode(200)
  @Roles('tenant_admin')
  @ApiOperation({ summary: '调整分类顺序（提交全部分类编号）' })
  @Audited('mall.category.reorder', 'mall_category')
  reorder(@CurrentUser() user: AuthUser, @Body() dto: MallCategoryReorderDto): Promise<MallCategory[]> {
    return this.catalog.reorder(user, dto.ids);
  }

  @Put('categories/:id')
  @Roles('tenant_admin')
  @Audited('mall.category.update', 'mall_category')
  updateCategory(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: MallCategoryDto): Promise<MallCategory> {
    return this.catalog.updateCategory(user, id, dto);
  }

  @Delete('categories/:id')
  @HttpCode(204)
  @Roles('tenant_admin')
  @ApiOperation({ summary: '删除分类（分类下没有商品时）' })
  @Audited('mall.category.delete', 'mall_category')
  deleteCategory(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.catalog.deleteCategory(user, id);
  }

  @Get('goods')
  @ApiOperation({ summary: '商品列表（党员看本单位已上架的），附我的商城积分余额' })
  goods(@CurrentUser() user: AuthUser, @Query() q: MallGoodsQueryDto): Promise<MallGoodsPage> {
    return this.catalog.listGoods(user, q);
  }

  @Get('goods/:id')
  goodsDetail(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<MallGoods> {
    return this.catalog.detail(user, id);
  }

  @Post('goods')
  @Roles('tenant_admin')
  @Audited('mall.goods.create', 'mall_goods')
  createGoods(@CurrentUser() user: AuthUser, @Body() dto: MallGoodsDto): Promise<MallGoods> {
    return this.catalog.createGoods(user, dto);
  }

  @Put('goods/:id')
  @Roles('tenant_admin')
  @Audited('mall.goods.update', 'mall_goods')
  updateGoods(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: MallGoodsDto): Promise<MallGoods> {
    return this.catalog.updateGoods(user, id, dto);
  }

  @Put('goods/:id/enabled')
  @Roles('tenant_admin')
  @ApiOperation({ summary: '上架或下架' })
  @Audited('mall.goods.enable', 'mall_goods')
  enable(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: MallGoodsEnableDto): Promise<MallGoods> {
    return this.catalog.setEnabled(user, id, dto.enabled);
  }

  @Post('orders')
  @ApiOperation({ summary: '兑换：扣减库存和商城积分余额（不减少积分），生成订单号和6位取货码' })
  exchange(@CurrentUser() user: AuthUser, @Body() dto: MallOrderDto): Promise<MallOrder> {
    return this.orders.exchange(user, dto);
  }

  @Get('orders/mine')
  @ApiOperation({ summary: '我的订单（可按状态）' })
  mine(@CurrentUser() user: AuthUser, @Query() q: MallMyOrdersQueryDto): Promise<Page<MallOrder>> {
    return this.orders.mine(user, q);
  }

  @Get('orders')
  @Roles('tenant_admin')
  @ApiOperation({ summary: '订单查询：按订单号或取货码、状态' })
  search(@CurrentUser() user: AuthUser, @Query() q: MallOrderQueryDto): Promise<Page<MallOrder>> {
    return this.orders.search(user, q);
  }

  @Post('orders/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: '取消待领取的订单：退回库存和商城积分余额' })
  cancel(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<MallOrder> {
    return this.orders.cancel(user, id);
  }

  @Post('orders/:id/pickup')
  @HttpCode(200)
  @Roles('tenant_admin')
  @ApiOperation({ summary: '核销：标记为已领取' })
  @Audited('mall.order.pickup', 'mall_order')
  pickup(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<MallOrder> {
    return this.orders.pickup(user, id);
  }
}
