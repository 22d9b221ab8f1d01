import { randomBytes } from 'node:crypto';
import { isPasswordAcceptable } from '@dangjian/shared';
import { AppConfig } from '../../config/config.js';
import { describe, expect, it } from '../../../test/support.js';
import { CryptoService } from './crypto.service.js';

const service = (key = randomBytes(32).toString('base64')) => new CryptoService(Object.assign(new AppConfig(), { DATA_KEY: key }));

describe('personal data protection (ID-13) and passwords (ID-4)', () => {
  const id = '11010519491231002X';

  it('encrypts ID numbers so the stored text reveals nothing and differs every time', () => {
    const c = service();
    const a = c.encrypt(id);
    const b = c.encrypt(id);
    expect(a).not.toContain(id);
    expect(a).not.toBe(b);
    expect(c.decrypt(a)).toBe(id);
  });

  it('refuses a tampered ciphertext (authenticated encryption)', () => {
    const c = service();
    const sealed = Buffer.from(c.encrypt(id).slice(3), 'base64');
    sealed[sealed.length - 1] ^= 1;
    expect(() => c.decrypt(`v1:${sealed.toString('base64')}`)).toThrow();
  });

  it('cannot be decrypted or looked up with another key', () => {
    const a = service();
    const b = service();
    expect(() => b.decrypt(a.encrypt(id))).toThrow();
    expect(a.lookupHash(id)).not.toBe(b.lookupHash(id));
    expect(a.lookupHash(id)).toBe(a.lookupHash(id));
  });

  it('hashes passwords with a salt and verifies only the right one', async () => {
    const c = service();
    const h1 = await c.hashPassword('Dangjian2026');
    const h2 = await c.hashPassword('Dangjian2026');
    expect(h1).not.toBe(h2);
    expect(h1.startsWith('scrypt$')).toBe(true);
    expect(await c.verifyPassword('Dangjian2026', h1)).toBe(true);
    expect(await c.verifyPassword('Dangjian2027', h1)).toBe(false);
    expect(await c.verifyPassword('Dangjian2026', null)).toBe(false);
  });

  it('makes one-time passwords that meet the policy and are not repeated', () => {
    const c = service();
    const seen = new Set(Array.from({ length: 200 }, () => c.oneTimePassword()));
    expect(seen.size).toBe(200);
    for (const p of seen) expect(isPasswordAcceptable(p)).toBe(true);
  });
});
