import type { AppConfig } from '../../config/config.js';
import { AlipayPaySimulator } from './alipay.simulator.js';
import { WechatPaySimulator } from './wechatpay.simulator.js';

export interface PaySimulators {
  wechat: WechatPaySimulator;
  alipay: AlipayPaySimulator;
  close(): Promise<void>;
}

/**
 * PAYMENTS_MODE=simulator: starts the local WeChat Pay and Alipay gateways on 127.0.0.1 and points
 * the payment settings at them — only the channels the configuration leaves unset (a WeChat
 * merchant id, an Alipay private key), so a real merchant configured beside them is kept.
 * Notifications are retried on their own in development; tests flush retries themselves.
 */
export async function startPaySimulators(config: AppConfig): Promise<PaySimulators> {
  const test = config.NODE_ENV === 'test';
  const wechat = new WechatPaySimulator({ autoRetry: !test, merchantName: '党建云（模拟商户）' });
  const alipay = new AlipayPaySimulator({ autoRetry: !test, sellerName: '党建云（模拟商户）' });
  await wechat.start();
  await alipay.start();
  if (!config.WECHATPAY_MCHID) Object.assign(config, wechat.configFor());
  if (!config.ALIPAY_PRIVATE_KEY) Object.assign(config, alipay.configFor());
  return {
    wechat,
    alipay,
    close: async () => {
      await Promise.all([wechat.close(), alipay.close()]);
    },
  };
}
