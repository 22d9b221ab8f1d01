import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SmsOutboxEntry, SmsPurpose } from '@dangjian/shared';
import { AdminOnly } from '../../common/auth/decorators.js';
import { AppError } from '../../common/errors/app-error.js';
import { CommonError } from '../../common/errors/error-codes.js';
import { AppConfig } from '../../config/config.js';
import { OutboxSmsProvider } from './sms/sms.provider.js';

/** Development only: the SMS outbox for admins (ID-3). In production it does not exist (404). */
@ApiTags('identity')
@AdminOnly()
@Controller('dev')
export class DevController {
  constructor(
    private readonly outbox: OutboxSmsProvider,
    private readonly config: AppConfig,
  ) {}

  @Get('sms-outbox')
  async smsOutbox(): Promise<SmsOutboxEntry[]> {
    if (this.config.NODE_ENV === 'production') throw new AppError(CommonError.NotFound);
    return (await this.outbox.latest()).map((m) => ({ id: m.id, phone: m.phone, code: m.code, purpose: m.purpose as SmsPurpose, createdAt: m.createdAt.toISOString() }));
  }
}
