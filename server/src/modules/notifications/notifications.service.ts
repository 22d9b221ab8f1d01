import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AppMessage, Page } from '@dangjian/shared';
import { IsNull, type EntityManager, type Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { CommonError } from '../../common/errors/error-codes.js';
import { pageArgs, type PageQuery } from '../../common/http/pagination.js';
import { AppMessageRow } from './entities/app-message.entity.js';

export interface OutgoingMessage {
  title: string;
  body: string;
  link?: string;
}

/** In-app messages: other modules send them inside their transactions; members read them. */
@Injectable()
export class NotificationsService {
  constructor(@InjectRepository(AppMessageRow) private readonly messages: Repository<AppMessageRow>) {}

  async send(em: EntityManager, tenantId: number | null, userIds: number[], msg: OutgoingMessage): Promise<void> {
    if (!userIds.length) return;
    const rows = userIds.map((userId) => ({ tenantId, userId, title: msg.title, body: msg.body, link: msg.link ?? null, readAt: null }));
    for (let i = 0; i < rows.length; i += 500) await em.getRepository(AppMessageRow).insert(rows.slice(i, i + 500));
  }

  async list(user: AuthUser, q: PageQuery): Promise<Page<AppMessage>> {
    const [rows, total] = await this.messages.findAndCount({ where: { userId: user.userId }, order: { id: 'DESC' }, ...pageArgs(q) });
    return { items: rows.map(toView), total, page: q.page, pageSize: q.pageSize };
  }

  async unreadCount(user: AuthUser): Promise<{ count: number }> {
    return { count: await this.messages.count({ where: { userId: user.userId, readAt: IsNull() } }) };
  }

  async markRead(user: AuthUser, id: number): Promise<void> {
    const res = await this.messages.update({ id, userId: user.userId, readAt: IsNull() }, { readAt: new Date() });
    if (!res.affected && !(await this.messages.exists({ where: { id, userId: user.userId } }))) throw new AppError(CommonError.NotFound);
  }
}

function toView(m: AppMessageRow): AppMessage {
  return { id: m.id, title: m.title, body: m.body, link: m.link, createdAt: m.createdAt.toISOString(), readAt: m.readAt?.toISOString() ?? null };
}
