import { beijingDate, beijingParts } from './time.js';

describe('Beijing business time', () => {
  it('rolls the day over at 16:00 UTC', () => {
    expect(beijingDate(new Date('2026-11-20T15:59:59Z'))).toBe('2026-11-20');
    expect(beijingDate(new Date('2026-11-20T16:00:00Z'))).toBe('2026-11-21');
  });
  it('gives the Beijing month across a year end', () => {
    expect(beijingParts(new Date('2026-12-31T17:00:00Z'))).toMatchObject({ year: 2027, month: 1, day: 1, hour: 1 });
  });
});
