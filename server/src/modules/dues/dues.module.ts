import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module.js';
import { MembersModule } from '../members/members.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { PaymentsModule } from '../payments/payments.module.js';
import { DuesAccountsService } from './dues-accounts.service.js';
import { DuesAdminController } from './dues-admin.controller.js';
import { DuesBillsService } from './dues-bills.service.js';
import { DuesContext } from './dues-context.service.js';
import { DuesExcelService } from './dues-excel.service.js';
import { DuesLedger } from './dues-ledger.service.js';
import { DuesMoneyController } from './dues-money.controller.js';
import { DuesPaymentsService } from './dues-payments.service.js';
import { DuesReconciliationService } from './dues-reconciliation.service.js';
import { DuesStandardsService } from './dues-standards.service.js';
import { DuesTransfersService } from './dues-transfers.service.js';
import { DuesMemberController } from './dues.controller.js';
import { DuesAccount } from './entities/dues-account.entity.js';
import { DuesBill } from './entities/dues-bill.entity.js';
import { DuesJournal, DuesLedgerLine } from './entities/dues-ledger.entity.js';
import { DuesPayment } from './entities/dues-payment.entity.js';
import { DuesSetting } from './entities/dues-setting.entity.js';
import { DuesStandard } from './entities/dues-standard.entity.js';
import { DuesTransfer } from './entities/dues-transfer.entity.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([DuesSetting, DuesStandard, DuesBill, DuesPayment, DuesJournal, DuesLedgerLine, DuesAccount, DuesTransfer]),
    IdentityModule,
    MembersModule,
    NotificationsModule,
    OrganizationsModule,
    PaymentsModule,
  ],
  controllers: [DuesMemberController, DuesAdminController, DuesMoneyController],
  providers: [DuesContext, DuesStandardsService, DuesExcelService, DuesBillsService, DuesLedger, DuesPaymentsService, DuesAccountsService, DuesTransfersService, DuesReconciliationService],
  exports: [DuesContext, DuesAccountsService, DuesBillsService, DuesStandardsService, DuesPaymentsService],
})
export class DuesModule {}
