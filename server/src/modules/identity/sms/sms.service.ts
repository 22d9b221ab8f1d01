import { Injectable } from '@nestjs/common';
import { beijingDate, type SmsPurpose } from '@dangjian/shared';
import { AppConfig } from '../../../config/config.js';
import { CryptoService } from '../../../common/crypto/crypto.service.js';
import { AppError } from '../../../common/errors/app-error.js';
import { IdentityError } from '../../../common/errors/error-codes.js';
import { KvStore } from '../../../common/kv/kv-store.js';
import { CaptchaService } from '../captcha.service.js';
import { SmsProvider } from './sms.provider.js';

const CODE_TTL = 300;
const MAX_TRIES = 5;

const TEXTS: Record<SmsPurpose, string> = {
  activate: '您正在激活党建云账号',
  login: '您正在登录党建云',
  register: '您正在注册党建云账号',
  change_phone: '您正在更换党建云绑定手机号',
};

/**
 * ID-3: 4-digit SMS codes, valid 5 minutes, single use, at most 5 wrong tries; sending needs a
 * passed slider captcha (ID-2) and is limited per phone (cooldown, daily cap) and per IP.
 */
@Injectable()
export class SmsService {
  constructor(
    private readonly kv: KvStore,
    private readonly provider: SmsProvider,
    private readonly captcha: CaptchaService,
    private readonly crypto: CryptoService,
    private readonly config: AppConfig,
  ) {}

  private key(purpose: SmsPurpose, phone: string) {
    return `sms:code:${purpose}:${phone}`;
  }

  /** `deliver` false: answer as if sent without sending (e.g. login SMS to an unknown phone). */
  async send(phone: string, purpose: SmsPurpose, captchaToken: string, ip: string, deliver = true): Promise<{ cooldownSeconds: number }> {
    await this.captcha.consumeToken(captchaToken);
    const day = beijingDate();
    const cool = await this.kv.incr(`sms:cool:${phone}`, this.config.SMS_COOLDOWN_SECONDS);
    if (cool.count > 1) throw new AppError(IdentityError.SmsTooFrequent, `验证码发送过于频繁，请${cool.ttl}秒后再试`);
    if ((await this.kv.incr(`sms:day:${phone}:${day}`, 86400)).count > this.config.SMS_PER_PHONE_DAY) throw new AppError(IdentityError.SmsDailyLimit);
    if ((await this.kv.incr(`sms:ip:${ip}:${day}`, 86400)).count > this.config.SMS_PER_IP_DAY) throw new AppError(IdentityError.SmsDailyLimit);
    if (deliver) {
      const code = this.crypto.digits(4);
      await this.kv.set(this.key(purpose, phone), JSON.stringify({ hash: this.crypto.sha256(code), tries: 0 }), CODE_TTL);
      await this.provider.send({ phone, purpose, code, text: `【党建云】${TEXTS[purpose]}，验证码${code}，5分钟内有效。如非本人操作请忽略。` });
    }
    return { cooldownSeconds: this.config.SMS_COOLDOWN_SECONDS };
  }

  /** Checks a code; a right code is used up, five wrong ones void it. */
  async verify(phone: string, purpose: SmsPurpose, code: string): Promise<void> {
    const key = this.key(purpose, phone);
    const raw = await this.kv.get(key);
    if (!raw) throw new AppError(IdentityError.SmsCodeExpired);
    const state = JSON.parse(raw) as { hash: string; tries: number };
    if (state.hash !== this.crypto.sha256(code)) {
      state.tries += 1;
      if (state.tries >= MAX_TRIES) {
        await this.kv.del(key);
        throw new AppError(IdentityError.SmsCodeExpired, '验证码错误次数过多，请重新获取');
      }
      await this.kv.set(key, JSON.stringify(state), CODE_TTL);
      throw new AppError(IdentityError.SmsCodeInvalid);
    }
    // take() so two parallel requests with the same code cannot both pass.
    if (!(await this.kv.take(key))) throw new AppError(IdentityError.SmsCodeExpired);
  }
}
