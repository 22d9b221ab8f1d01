import { usccCheckChar, usccProblem } from './credit-code.js';

describe('unified social credit code (DUES-8 merchant form)', () => {
  it('accepts a code whose check character matches and refuses one that does not', () => {
    const first17 = '91350100M000100Y4';
    expect(usccCheckChar(first17)).toBe('3');
    expect(usccProblem(`${first17}3`)).toBeNull();
    expect(usccProblem(`${first17}4`)).toBe('统一社会信用代码校验位不正确，请核对');
  });
  it('refuses wrong lengths and letters the standard leaves out', () => {
    expect(usccProblem('9135010')).toBe('统一社会信用代码应为18位');
    expect(usccProblem('91350100M000100YI3')).toMatch(/格式不正确/);
  });
});
