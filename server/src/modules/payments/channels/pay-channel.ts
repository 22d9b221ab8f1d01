import type { PayChannel, PayParams } from '@dangjian/shared';

/**
 * What the payments service needs from a channel (PAY-1…PAY-3). One implementation per channel,
 * each over the real SDK (`wechatpay-node-v3`, `alipay-sdk`) with every base URL from configuration,
 * so development and tests run them against the local gateway simulators (src/dev/pay-sim).
 *
 * Failures are typed: `ChannelError` for calls (transient → retry later; rejected → the channel said
 * no; config → our settings are wrong), `NotificationRejected` for a notification that must not be
 * believed (bad signature, old timestamp, tampered ciphertext, foreign app id / merchant).
 */
export interface ChannelOrderInput {
  /** Our order number (unique, ≤ 32 chars, letters and digits). */
  outTradeNo: string;
  amountFen: number;
  description: string;
  /** WeChat: the payer's openid for WECHATPAY_APPID; Alipay: the buyer's user id (2088…); unused for appPay. */
  payerId: string;
  notifyUrl: string;
  expiresAt: Date;
  /** WeChat: settle_info.profit_sharing = true, so the money can be split up to the account holder later (DUES-7). */
  profitSharing: boolean;
  /** Alipay from DingTalk: no trade is created now; the client gets a signed app-payment order string for dd.pay. */
  appPay?: boolean;
}

export type ChannelTradeState = 'paid' | 'pending' | 'closed' | 'not_found';

/** A trade as the channel knows it (query, or a verified notification). */
export interface ChannelTrade {
  outTradeNo: string;
  state: ChannelTradeState;
  channelTxId: string | null;
  amountFen: number | null;
  paidAt: Date | null;
}

/** A notification whose signature (and for WeChat: timestamp, GCM tag) checked out. */
export interface VerifiedNotification extends ChannelTrade {
  /** App id / merchant / seller the notification names, already compared with ours. */
  channelAccount: string;
}

/** One line of a channel's daily bill (successful payments only; refunds are not offered). */
export interface BillLine {
  outTradeNo: string;
  channelTxId: string;
  amountFen: number;
  paidAt: Date;
}

/** The account holder's merchant the money is split to (DUES-7 upward transfer). */
export interface SplitReceiver {
  merchantId: string;
  name: string;
}

export interface SplitInput {
  /** Our split number (unique per split). */
  outSplitNo: string;
  outTradeNo: string;
  channelTxId: string;
  amountFen: number;
  receiver: SplitReceiver;
  description: string;
}

export interface SplitResult {
  state: 'done' | 'processing' | 'failed';
  channelSplitId: string | null;
  /** Why it failed (channel's code and message). */
  error: string | null;
}

/** What to answer the channel after handling a notification. */
export interface NotificationAnswer {
  status: number;
  contentType: string;
  body: string;
}

export abstract class PayChannelClient {
  abstract readonly channel: PayChannel;
  /** Creates the channel's order and returns what the client passes to its pay call. */
  abstract createOrder(input: ChannelOrderInput): Promise<PayParams>;
  abstract queryOrder(outTradeNo: string): Promise<ChannelTrade>;
  abstract closeOrder(outTradeNo: string): Promise<void>;
  /**
   * Verifies a notification over the raw body exactly as received (never a re-serialised object)
   * and returns the trade it reports. Throws NotificationRejected when it must not be believed.
   */
  abstract verifyNotification(headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<VerifiedNotification>;
  /** The answer the channel expects: success stops its retries; failure makes it retry later. */
  abstract answer(ok: boolean, message?: string): NotificationAnswer;
  /** Registers the receiver before the first split to it (WeChat: profitsharing/receivers/add; Alipay: royalty relation bind). Idempotent. */
  abstract ensureReceiver(receiver: SplitReceiver): Promise<void>;
  abstract split(input: SplitInput): Promise<SplitResult>;
  abstract querySplit(input: SplitInput): Promise<SplitResult>;
  /** The day's bill (Beijing date `YYYY-MM-DD`): successful payments. */
  abstract downloadBill(billDate: string): Promise<BillLine[]>;
}

export type ChannelErrorKind = 'transient' | 'rejected' | 'config';

export class ChannelError extends Error {
  constructor(
    readonly kind: ChannelErrorKind,
    message: string,
    /** The channel's own code when it gave one (e.g. ORDERPAID, ACQ.TRADE_HAS_SUCCESS). */
    readonly channelCode: string | null = null,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

export class NotificationRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'NotificationRejected';
  }
}
