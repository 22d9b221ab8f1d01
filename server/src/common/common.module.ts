import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/config.js';
import { AuditLog } from './audit/audit-log.entity.js';
import { AuditController } from './audit/audit.controller.js';
import { AuditService } from './audit/audit.service.js';
import { CryptoService } from './crypto/crypto.service.js';
import { KvStore, MemoryKvStore, RedisKvStore } from './kv/kv-store.js';
import { Clock } from './time/clock.js';
import { DevClockController } from './time/dev-clock.controller.js';

/** Cross-cutting services every domain uses: crypto, short-lived state, audit, the clock. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditLog])],
  controllers: [AuditController, DevClockController],
  providers: [
    CryptoService,
    AuditService,
    Clock,
    { provide: KvStore, inject: [AppConfig], useFactory: (c: AppConfig) => (c.REDIS_URL ? new RedisKvStore(c) : new MemoryKvStore()) },
  ],
  exports: [CryptoService, AuditService, KvStore, Clock],
})
export class CommonModule {}
