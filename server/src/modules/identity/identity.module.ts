import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/config.js';
import { MembersModule } from '../members/members.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { AccountsController, BranchAdminsController } from './accounts.controller.js';
import { AccountsService } from './accounts.service.js';
import { ActivationService } from './activation.service.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { CaptchaService } from './captcha.service.js';
import { AlipayClient } from './clients/alipay.client.js';
import { DingtalkClient } from './clients/dingtalk.client.js';
import { WechatClient } from './clients/wechat.client.js';
import { DevController } from './dev.controller.js';
import { PlatformIdentity } from './entities/platform-identity.entity.js';
import { UserSession } from './entities/session.entity.js';
import { SmsOutbox } from './entities/sms-outbox.entity.js';
import { UserAccount } from './entities/user.entity.js';
import { UserRole } from './entities/user-role.entity.js';
import { RolesService } from './roles.service.js';
import { OutboxSmsProvider, SmsProvider } from './sms/sms.provider.js';
import { SmsService } from './sms/sms.service.js';
import { TokensService } from './tokens.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserAccount, UserRole, UserSession, PlatformIdentity, SmsOutbox]),
    JwtModule.registerAsync({ inject: [AppConfig], useFactory: (c: AppConfig) => ({ secret: c.JWT_SECRET, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }) }),
    MembersModule,
    OrganizationsModule,
    TenancyModule,
  ],
  controllers: [AuthController, AccountsController, BranchAdminsController, DevController],
  providers: [
    AccountsService,
    ActivationService,
    AuthService,
    CaptchaService,
    RolesService,
    SmsService,
    TokensService,
    OutboxSmsProvider,
    { provide: SmsProvider, useExisting: OutboxSmsProvider },
    WechatClient,
    AlipayClient,
    DingtalkClient,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AccountsService, RolesService, AuthService, WechatClient, SmsProvider],
})
export class IdentityModule {}
