import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppMessage, Page } from '@dangjian/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/decorators.js';
import { PageQuery } from '../../common/http/pagination.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@Controller('me/messages')
export class NotificationsController {
  constructor(private readonly messages: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: '我的消息' })
  list(@CurrentUser() user: AuthUser, @Query() q: PageQuery): Promise<Page<AppMessage>> {
    return this.messages.list(user, q);
  }

  @Get('unread-count')
  unread(@CurrentUser() user: AuthUser): Promise<{ count: number }> {
    return this.messages.unreadCount(user);
  }

  @Post(':id/read')
  @HttpCode(204)
  async read(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<void> {
    await this.messages.markRead(user, id);
  }
}
