import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module.js';
import { AlipayChannel } from './channels/alipay.channel.js';
import { WechatPayChannel } from './channels/wechatpay.channel.js';
import { PayOrder } from './entities/pay-order.entity.js';
import { PaySplit } from './entities/pay-split.entity.js';
import { ReconRun } from './entities/recon-run.entity.js';
import { PayChannels } from './pay-channels.js';
import { PaySimulatorsRef } from './pay-simulators.ref.js';
import { PaySplitsService } from './pay-splits.service.js';
import { PaymentNotifyController } from './payments.controller.js';
import { PaymentsService } from './payments.service.js';
import { ReconciliationService } from './reconciliation.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([PayOrder, PaySplit, ReconRun]), IdentityModule],
  controllers: [PaymentNotifyController],
  providers: [WechatPayChannel, AlipayChannel, PayChannels, PaySimulatorsRef, PaymentsService, PaySplitsService, ReconciliationService],
  exports: [PaymentsService, PaySplitsService, ReconciliationService, PaySimulatorsRef],
})
export class PaymentsModule {}
