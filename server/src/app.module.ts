import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, Reflector } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ScheduleModule } from '@nestjs/schedule';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuditedInterceptor } from './common/audit/audited.interceptor.js';
import { AUTH_RATE_LIMIT_KEY } from './common/auth/decorators.js';
import { CommonModule } from './common/common.module.js';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter.js';
import { createValidationPipe } from './common/http/validation.js';
import { loggerOptions } from './common/http/logging.js';
import { KvStore } from './common/kv/kv-store.js';
import { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { databaseUrl, dataSourceOptions } from './database/database.options.js';
import { WriteGateInterceptor } from './database/write-gate.js';
import { BranchModule } from './modules/branch/branch.module.js';
import { EntryModule } from './modules/entry/entry.module.js';
import { DuesModule } from './modules/dues/dues.module.js';
import { PaymentsModule } from './modules/payments/payments.module.js';
import { PointsModule } from './modules/points/points.module.js';
import { MutualAidModule } from './modules/mutual-aid/mutual-aid.module.js';
import { MallModule } from './modules/mall/mall.module.js';
import { MeetingsModule } from './modules/meetings/meetings.module.js';
import { FilesModule } from './modules/files/files.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { IdentityModule } from './modules/identity/identity.module.js';
import { MembersModule } from './modules/members/members.module.js';
import { OrganizationsModule } from './modules/organizations/organizations.module.js';
import { OnboardingModule } from './modules/tenancy/onboarding.module.js';
import { TenancyModule } from './modules/tenancy/tenancy.module.js';
import { SeedModule } from './seed/seed.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl(config)), migrationsRun: true }),
        EventEmitterModule.forRoot({ wildcard: false }),
        ThrottlerModule.forRootAsync({
          inject: [AppConfig, KvStore, Reflector],
          useFactory: (c: AppConfig, kv: KvStore, reflector: Reflector) => ({
            storage: kv,
            errorMessage: '操作过于频繁，请稍后再试',
            throttlers: [
              { name: 'default', ttl: 60_000, limit: c.RATE_LIMIT_PER_MINUTE },
              { name: 'auth', ttl: 60_000, limit: c.AUTH_RATE_LIMIT_PER_MINUTE, skipIf: (ctx) => !reflector.get<boolean>(AUTH_RATE_LIMIT_KEY, ctx.getHandler()) },
            ],
          }),
        }),
        DatabaseModule,
        CommonModule,
        HealthModule,
        TenancyModule,
        MembersModule,
        OrganizationsModule,
        IdentityModule,
        OnboardingModule,
        EntryModule,
        FilesModule,
        NotificationsModule,
        BranchModule,
        MeetingsModule,
        PaymentsModule,
        DuesModule,
        PointsModule,
        MutualAidModule,
        MallModule,
        // Timed jobs (meetings reaching their start, daily supervision); tests call them directly.
        ...(config.NODE_ENV === 'test' ? [] : [ScheduleModule.forRoot()]),
        SeedModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_INTERCEPTOR, useClass: WriteGateInterceptor },
        { provide: APP_INTERCEPTOR, useClass: AuditedInterceptor },
      ],
    };
  }
}
