import { maskIdNumber, maskName, maskPhone } from './masking.js';

describe('masking (ID-1, ID-13, ID-14)', () => {
  it('masks names the way the activation screen shows them', () => {
    expect(maskName('张小明')).toBe('张*明');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧**明');
    expect(maskName('李')).toBe('李');
  });

  it('keeps only the first and last four characters of an ID number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('keeps the first three and last four digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
