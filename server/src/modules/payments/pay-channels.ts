import { Injectable } from '@nestjs/common';
import type { PayChannel } from '@dangjian/shared';
import { AlipayChannel } from './channels/alipay.channel.js';
import type { PayChannelClient } from './channels/pay-channel.js';
import { WechatPayChannel } from './channels/wechatpay.channel.js';

/** The channel clients by name. */
@Injectable()
export class PayChannels {
  constructor(
    private readonly wechat: WechatPayChannel,
    private readonly alipay: AlipayChannel,
  ) {}

  get(channel: PayChannel): PayChannelClient {
    return channel === 'wechat' ? this.wechat : this.alipay;
  }
}
