import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { SmsOutbox } from '../entities/sms-outbox.entity.js';

export interface SmsMessage {
  phone: string;
  purpose: string;
  code: string;
  text: string;
}

/** ID-3: where SMS codes go. A real provider (Aliyun, Tencent Cloud…) implements this interface. */
export abstract class SmsProvider {
  abstract send(msg: SmsMessage): Promise<void>;
}

/** Development and tests: messages are recorded in sms_outbox, readable by tests and the admin page. */
@Injectable()
export class OutboxSmsProvider extends SmsProvider {
  constructor(@InjectRepository(SmsOutbox) private readonly outbox: Repository<SmsOutbox>) {
    super();
  }

  async send(msg: SmsMessage): Promise<void> {
    await this.outbox.insert(msg);
  }

  latest(limit = 50): Promise<SmsOutbox[]> {
    return this.outbox.find({ order: { id: 'DESC' }, take: limit });
  }
}
