import { beijingDate, beijingDateTime, beijingParts, beijingYearRange } from './time.js';

describe('Beijing business time', () => {
  it('rolls the day over at 16:00 UTC', () => {
    expect(beijingDate(new Date('2026-11-20T15:59:59Z'))).toBe('2026-11-20');
    expect(beijingDate(new Date('2026-11-20T16:00:00Z'))).toBe('2026-11-21');
  });
  it('gives the Beijing month across a year end', () => {
    expect(beijingParts(new Date('2026-12-31T17:02:03Z'))).toEqual({ year: 2027, month: 1, day: 1, hour: 1, minute: 2, second: 3 });
  });
  it('writes date and time as Alipay and the bills do', () => {
    expect(beijingDateTime(new Date('2026-12-31T16:00:05Z'))).toBe('2027-01-01 00:00:05');
  });
  it('starts a Beijing year at 16:00 UTC of the last day before', () => {
    expect(beijingYearRange(2027)).toEqual({ from: new Date('2026-12-31T16:00:00Z'), to: new Date('2027-12-31T16:00:00Z') });
  });
});
