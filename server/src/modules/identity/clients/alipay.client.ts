import { createPrivateKey, createPublicKey, createVerify, type KeyObject } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AlipayRequestError, AlipaySdk } from 'alipay-sdk';
import { normalisePem } from '../../../common/crypto/pem.js';
import { AppError } from '../../../common/errors/app-error.js';
import { CommonError, IdentityError } from '../../../common/errors/error-codes.js';
import { AppConfig } from '../../../config/config.js';

const METHOD = 'alipay.system.oauth.token';
const RESPONSE_KEY = 'alipay_system_oauth_token_response';
const TIMEOUT_MS = 5000;
/** sub_codes meaning "this auth code cannot be exchanged" (unknown, expired or already used). */
const CODE_INVALID_SUB_CODES = new Set(['isv.code-invalid']);

/**
 * Alipay mini-program login (`alipay.system.oauth.token`) through the real alipay-sdk, public-key
 * mode, with the answer's RSA2 signature checked against ALIPAY_PUBLIC_KEY.
 * Failures become AppError: PlatformCodeInvalid (bad/used code), PlatformNotConfigured (keys
 * missing or unreadable, app in open_id-only mode), UpstreamUnavailable (network, non-2xx, bad
 * answer signature, request signature refused, any other gateway error).
 */
@Injectable()
export class AlipayClient {
  private readonly logger = new Logger(AlipayClient.name);
  private state?: { sdk: AlipaySdk; alipayPublicKey: KeyObject };

  constructor(private readonly config: AppConfig) {}

  /** Exchanges the auth code of `my.getAuthCode` for the user's Alipay user id (2088…) and open_id when present. */
  async oauthToken(code: string): Promise<{ userId: string; openId?: string }> {
    const authCode = typeof code === 'string' ? code.trim() : '';
    if (!authCode || authCode.length > 512) throw new AppError(IdentityError.PlatformCodeInvalid);
    const { sdk, alipayPublicKey } = this.sdk();

    let result: Record<string, any>;
    try {
      result = await sdk.exec(METHOD, { grantType: 'authorization_code', code: authCode }, { validateSign: true });
    } catch (err) {
      result = this.signedErrorResponse(err, alipayPublicKey);
    }

    // A successful answer of this method has no `code`; an error one has code ≠ 10000.
    if (result.code !== undefined && String(result.code) !== '10000') {
      const subCode = String(result.subCode ?? '');
      if (CODE_INVALID_SUB_CODES.has(subCode)) throw new AppError(IdentityError.PlatformCodeInvalid);
      if (subCode === 'isv.invalid-timestamp') {
        // alipay-sdk writes the local time into `timestamp`; the gateway reads it as Beijing time.
        this.logger.error('Alipay refused the request timestamp: run the server with TZ=Asia/Shanghai and a synchronised clock');
        return this.fail(`request refused (${subCode})`);
      }
      if (subCode === 'isv.invalid-signature' || subCode === 'isv.invalid-app-id' || subCode.startsWith('isv.missing-')) {
        this.logger.error(`Alipay refused our request: ${result.code} ${subCode} (check ALIPAY_APPID / ALIPAY_PRIVATE_KEY and the app public key uploaded to Alipay)`);
        return this.fail(`request refused (${subCode})`);
      }
      return this.fail(`gateway error ${result.code} ${subCode}`.trim());
    }
    const userId: unknown = result.userId;
    const openId: unknown = result.openId;
    if (typeof userId !== 'string' || !userId) {
      if (typeof openId === 'string' && openId) {
        this.logger.error('Alipay answered only open_id: set the app to user_id mode in the Alipay console (identities are bound by user id)');
        throw new AppError(IdentityError.PlatformNotConfigured);
      }
      return this.fail('answer without user_id');
    }
    return typeof openId === 'string' && openId ? { userId, openId } : { userId };
  }

  /**
   * alipay-sdk 4.14 checks the signature against `<method>_response` only, so a correctly signed
   * `error_response` (what this method answers for a bad code) makes `exec` throw "验签失败".
   * Recover that case by checking the signature of the `error_response` text ourselves; anything
   * else (network, HTTP ≠ 200, unsigned or badly signed answer) is UpstreamUnavailable.
   */
  private signedErrorResponse(err: unknown, alipayPublicKey: KeyObject): Record<string, any> {
    if (!(err instanceof AlipayRequestError)) return this.fail(`SDK error ${err instanceof Error ? err.name : typeof err}`);
    const raw = err.responseDataRaw;
    const parsed = raw ? parseObject(raw) : null;
    if (!raw || !parsed || typeof parsed.error_response !== 'object' || !parsed.error_response || parsed[RESPONSE_KEY] !== undefined || typeof parsed.sign !== 'string') {
      const reason = !raw ? 'request failed' : err.message.startsWith('验签失败') ? 'answer signature invalid' : 'unexpected answer';
      return this.fail(`${reason}${err.responseHttpStatus ? ` (HTTP ${err.responseHttpStatus})` : ''}`);
    }
    const signed = rawObjectText(raw, 'error_response');
    const ok = signed !== null && createVerify('RSA-SHA256').update(signed, 'utf8').verify(alipayPublicKey, parsed.sign, 'base64');
    if (!ok) return this.fail('error answer signature invalid');
    const e = parsed.error_response as Record<string, unknown>;
    return { code: e.code, msg: e.msg, subCode: e.sub_code, subMsg: e.sub_msg };
  }

  private sdk(): { sdk: AlipaySdk; alipayPublicKey: KeyObject } {
    if (this.state) return this.state;
    const { ALIPAY_APPID: appId, ALIPAY_GATEWAY: gateway, ALIPAY_PRIVATE_KEY: priv, ALIPAY_PUBLIC_KEY: pub } = this.config;
    if (!appId?.trim() || !gateway?.trim() || !priv?.trim() || !pub?.trim()) throw new AppError(IdentityError.PlatformNotConfigured);

    let privateKey: KeyObject;
    let alipayPublicKey: KeyObject;
    try {
      privateKey = readPrivateKey(priv);
      if (privateKey.asymmetricKeyType !== 'rsa') throw new Error('not RSA');
    } catch {
      this.logger.error('ALIPAY_PRIVATE_KEY is not a readable RSA private key (PKCS#8 or PKCS#1, PEM or base64)');
      throw new AppError(IdentityError.PlatformNotConfigured);
    }
    try {
      alipayPublicKey = readPublicKey(pub);
      if (alipayPublicKey.asymmetricKeyType !== 'rsa') throw new Error('not RSA');
    } catch {
      this.logger.error('ALIPAY_PUBLIC_KEY is not a readable RSA public key (PEM or base64)');
      throw new AppError(IdentityError.PlatformNotConfigured);
    }
    // Both keys are handed over re-encoded (PKCS#8 / SPKI PEM), whatever form the configuration used.
    const sdk = new AlipaySdk({
      appId: appId.trim(),
      gateway: gateway.trim(),
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      keyType: 'PKCS8',
      alipayPublicKey: alipayPublicKey.export({ type: 'spki', format: 'pem' }).toString(),
      signType: 'RSA2',
      timeout: TIMEOUT_MS,
    });
    this.state = { sdk, alipayPublicKey };
    return this.state;
  }

  private fail(reason: string): never {
    this.logger.warn(`Alipay unavailable: ${reason}`);
    throw new AppError(CommonError.UpstreamUnavailable);
  }
}

function readPrivateKey(value: string): KeyObject {
  const text = normalisePem(value);
  if (text.includes('-----BEGIN')) return createPrivateKey(text);
  const der = Buffer.from(text.replace(/\s+/g, ''), 'base64');
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs1' });
  }
}

function readPublicKey(value: string): KeyObject {
  const text = normalisePem(value);
  if (text.includes('-----BEGIN')) return createPublicKey(text);
  const der = Buffer.from(text.replace(/\s+/g, ''), 'base64');
  try {
    return createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch {
    return createPublicKey({ key: der, format: 'der', type: 'pkcs1' });
  }
}

function parseObject(text: string): Record<string, any> | null {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, any>) : null;
  } catch {
    return null;
  }
}

/** The exact text of the JSON object that is the value of top-level `"key"` in `raw` (what Alipay signed). */
function rawObjectText(raw: string, key: string): string | null {
  const keyAt = raw.indexOf(`"${key}"`);
  if (keyAt < 0) return null;
  const start = raw.indexOf('{', keyAt + key.length + 2);
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < raw.length; i++) {
    const ch = raw[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return raw.slice(start, i + 1);
  }
  return null;
}
