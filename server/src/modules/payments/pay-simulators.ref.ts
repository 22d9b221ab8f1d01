import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { PayChannel } from '@dangjian/shared';
import type { PaySimulators } from '../../dev/pay-sim/index.js';

/**
 * The local gateway simulators when PAYMENTS_MODE=simulator (started by createApp before the app,
 * see src/dev/pay-sim): the H5 pay page lives there, and tests drive them through this reference.
 */
@Injectable()
export class PaySimulatorsRef implements OnApplicationShutdown {
  current: PaySimulators | null = null;

  async onApplicationShutdown(): Promise<void> {
    await this.current?.close();
    this.current = null;
  }

  payPageUrl(channel: PayChannel, ref: string, returnUrl: string): string {
    if (!this.current) throw new Error('payment simulators are not running');
    return channel === 'wechat' ? this.current.wechat.payPageUrl(ref, returnUrl) : this.current.alipay.payPageUrl(ref, returnUrl);
  }
}
