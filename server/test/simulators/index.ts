import { AlipaySimulator, type AlipaySimulatorOptions } from './alipay.simulator.js';
import { DingtalkSimulator, type DingtalkSimulatorOptions } from './dingtalk.simulator.js';
import { WechatSimulator, type WechatSimulatorOptions } from './wechat.simulator.js';

export * from '../../src/dev/http-simulator.js';
export * from './png.js';
export * from './wechat.simulator.js';
export * from './alipay.simulator.js';
export * from './dingtalk.simulator.js';

/** The AppConfig settings that point the server's platform clients at the simulators. */
export interface PlatformSimulatorEnv {
  WECHAT_API_BASE: string;
  WECHAT_APPID: string;
  WECHAT_SECRET: string;
  ALIPAY_GATEWAY: string;
  ALIPAY_APPID: string;
  ALIPAY_PRIVATE_KEY: string;
  ALIPAY_PUBLIC_KEY: string;
  DINGTALK_API_BASE: string;
  DINGTALK_APP_KEY: string;
  DINGTALK_APP_SECRET: string;
}

export interface PlatformSimulators {
  wechat: WechatSimulator;
  alipay: AlipaySimulator;
  dingtalk: DingtalkSimulator;
  /** Merge into the env given to parseConfig / process.env, or `Object.assign(new AppConfig(), env)`. */
  env: PlatformSimulatorEnv;
  /** Stops all three. */
  close(): Promise<void>;
}

/**
 * Starts the WeChat, Alipay and DingTalk simulators on random local ports.
 *
 *   const sims = await startPlatformSimulators();
 *   const config = Object.assign(new AppConfig(), sims.env);
 *   sims.wechat.addCode('c1', { openId: 'o1' });
 *   …
 *   await sims.close();
 */
export async function startPlatformSimulators(
  opts: { wechat?: WechatSimulatorOptions; alipay?: AlipaySimulatorOptions; dingtalk?: DingtalkSimulatorOptions } = {},
): Promise<PlatformSimulators> {
  const wechat = new WechatSimulator(opts.wechat);
  const alipay = new AlipaySimulator(opts.alipay);
  const dingtalk = new DingtalkSimulator(opts.dingtalk);
  const started: Array<{ close(): Promise<void> }> = [];
  try {
    for (const sim of [wechat, alipay, dingtalk]) {
      await sim.start();
      started.push(sim);
    }
  } catch (err) {
    await Promise.all(started.map((s) => s.close()));
    throw err;
  }
  return {
    wechat,
    alipay,
    dingtalk,
    env: {
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_APPID: wechat.appId,
      WECHAT_SECRET: wechat.appSecret,
      ALIPAY_GATEWAY: alipay.gatewayUrl,
      ALIPAY_APPID: alipay.appId,
      ALIPAY_PRIVATE_KEY: alipay.keys.appPrivateKey,
      ALIPAY_PUBLIC_KEY: alipay.keys.alipayPublicKey,
      DINGTALK_API_BASE: dingtalk.baseUrl,
      DINGTALK_APP_KEY: dingtalk.appKey,
      DINGTALK_APP_SECRET: dingtalk.appSecret,
    },
    close: async () => {
      await Promise.all([wechat.close(), alipay.close(), dingtalk.close()]);
    },
  };
}
