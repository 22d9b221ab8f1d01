import { checkPassword, isPasswordAcceptable, passwordKinds } from './password.js';

describe('password policy (ID-4)', () => {
  it('needs at least 8 characters', () => {
    expect(isPasswordAcceptable('Ab1')).toBe(false);
    expect(checkPassword('Ab1').find((c) => c.key === 'length')?.ok).toBe(false);
  });

  it('needs two kinds of characters', () => {
    expect(isPasswordAcceptable('abcdefgh')).toBe(false);
    expect(isPasswordAcceptable('12345678')).toBe(false);
    expect(isPasswordAcceptable('abcd1234')).toBe(true);
    expect(isPasswordAcceptable('ABCD#$%^')).toBe(true);
  });

  it('counts kinds of characters', () => {
    expect(passwordKinds('aA1#')).toBe(4);
    expect(passwordKinds('汉字汉字')).toBe(1);
  });

  it('rejects absurdly long passwords', () => {
    expect(isPasswordAcceptable('aA1'.repeat(30))).toBe(false);
  });
});
