import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/config.js';

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

function scryptAsync(pw: string, salt: Buffer, p: typeof SCRYPT): Promise<Buffer> {
  return new Promise((res, rej) =>
    scrypt(pw, salt, p.keylen, { N: p.N, r: p.r, p: p.p, maxmem: 64 * 1024 * 1024 }, (e, k) => (e ? rej(e) : res(k))),
  );
}

/**
 * Personal-data protection (ID-13) and password hashing (ID-4).
 * - ID numbers: AES-256-GCM (authenticated) with a key derived from DATA_KEY, plus an HMAC-SHA256
 *   "blind index" with a second derived key so records can be found by ID number without decrypting.
 * - Passwords: scrypt with a random salt; verification in constant time.
 */
@Injectable()
export class CryptoService {
  private readonly encKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(config: AppConfig) {
    const raw = config.DATA_KEY!;
    const master = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
    this.encKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'dangjian:encrypt:v1', 32));
    this.indexKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'dangjian:lookup:v1', 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return `v1:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(sealed: string): string {
    const buf = Buffer.from(sealed.slice(3), 'base64');
    const d = createDecipheriv('aes-256-gcm', this.encKey, buf.subarray(0, 12));
    d.setAuthTag(buf.subarray(12, 28));
    return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
  }

  /** Keyed hash for lookups (blind index). */
  lookupHash(value: string): string {
    return createHmac('sha256', this.indexKey).update(value).digest('hex');
  }

  async hashPassword(pw: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await scryptAsync(pw, salt, SCRYPT);
    return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
  }

  async verifyPassword(pw: string, stored: string | null): Promise<boolean> {
    if (!stored) return false;
    const [alg, N, r, p, salt, hash] = stored.split('$');
    if (alg !== 'scrypt') return false;
    const expected = Buffer.from(hash, 'base64');
    const key = await scryptAsync(pw, Buffer.from(salt, 'base64'), { N: +N, r: +r, p: +p, keylen: expected.length });
    return timingSafeEqual(key, expected);
  }

  /** An opaque random token (refresh tokens, step tokens) and the hash under which it is stored. */
  randomToken(bytes = 32): string {
    return randomBytes(bytes).toString('base64url');
  }

  sha256(value: string): string {
    return createHash('sha256').update(value).digest('hex');
  }

  /** A one-time password that satisfies the policy: letters of both cases, digits and a symbol. */
  oneTimePassword(): string {
    const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#@%+'];
    const chars = sets.map((s) => s[randomInt(s.length)]);
    const all = sets.join('');
    while (chars.length < 12) chars.push(all[randomInt(all.length)]);
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j], chars[i]];
    }
    return chars.join('');
  }

  digits(n: number): string {
    return Array.from({ length: n }, () => randomInt(10)).join('');
  }
}
