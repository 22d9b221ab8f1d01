import { Controller, HttpCode, Param, ParseEnumPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { PayChannel } from '@dangjian/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/auth/decorators.js';
import { PaymentsService } from './payments.service.js';

enum ChannelParam {
  wechat = 'wechat',
  alipay = 'alipay',
}

/**
 * The channels' payment notifications (PAY-2). Public (the channel cannot log in) and not rate
 * limited; believed only after the signature over the raw body checks out.
 */
@Controller('payments/notify')
@Public()
@SkipThrottle()
export class PaymentNotifyController {
  constructor(private readonly payments: PaymentsService) {}

  @Post(':channel')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  async notify(@Param('channel', new ParseEnumPipe(ChannelParam)) channel: PayChannel, @Req() req: FastifyRequest & { rawBody?: Buffer }, @Res() res: FastifyReply): Promise<void> {
    const raw = req.rawBody ? req.rawBody.toString('utf8') : '';
    const answer = await this.payments.notify(channel, req.headers, raw);
    await res.status(answer.status).header('content-type', answer.contentType).send(answer.body);
  }
}
