import { checkIdNumber, idNumberCheckChar, idNumberFacts, isValidIdNumber, normalizeIdNumber } from './id-number.js';

describe('ID number (GB 11643, ID-1)', () => {
  it('computes the published check characters', () => {
    // Example from GB 11643-1999 Appendix: 11010519491231002X
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
  });

  it('accepts a valid number, also with a lower-case x and spaces', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber(' 11010519491231002x ')).toBe(true);
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it('says what is wrong with a bad number', () => {
    expect(checkIdNumber('1101051949123100')).toBe('format');
    expect(checkIdNumber('11010519491231002A')).toBe('format');
    expect(checkIdNumber('110105194902300029')).toBe('birth_date'); // 30 February
    expect(checkIdNumber('110105194912310021')).toBe('check_digit');
  });

  it('rejects birth dates in the future', () => {
    const y = new Date().getUTCFullYear() + 1;
    const first17 = `110105${y}0101001`;
    expect(checkIdNumber(first17 + idNumberCheckChar(first17))).toBe('birth_date');
  });

  it('reads birth date and gender', () => {
    expect(idNumberFacts('11010519491231002X')).toEqual({ birthDate: '1949-12-31', gender: 'female' });
    expect(idNumberFacts('440524188001010014')).toEqual({ birthDate: '1880-01-01', gender: 'male' });
  });
});
