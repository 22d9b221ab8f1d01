import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilesModule } from '../files/files.module.js';
import { PointsModule } from '../points/points.module.js';
import { MallCategory, MallGoods, MallOrder, MallWallet } from './entities/mall.entity.js';
import { MallCatalogService } from './mall-catalog.service.js';
import { MallController } from './mall.controller.js';
import { MallOrdersService } from './mall-orders.service.js';
import { MallWalletService } from './mall-wallet.service.js';

/** 积分商城 points mall (SPEC §9 MALL-1…MALL-4). */
@Module({
  imports: [TypeOrmModule.forFeature([MallCategory, MallGoods, MallOrder, MallWallet]), FilesModule, PointsModule],
  controllers: [MallController],
  providers: [MallCatalogService, MallOrdersService, MallWalletService],
})
export class MallModule {}
