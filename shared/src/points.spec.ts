import { BUILTIN_POINTS_RULES, cappedAward, periodKey } from './points.js';

describe('points periods in Beijing time (PTS-1)', () => {
  it('cuts days, months, quarters and years at Beijing midnight', () => {
    const lastSecond = new Date('2026-03-31T15:59:59Z'); // 31 Mar 23:59:59 Beijing
    const next = new Date('2026-03-31T16:00:00Z'); // 1 Apr 00:00 Beijing
    expect([periodKey('day', lastSecond), periodKey('day', next)]).toEqual(['2026-03-31', '2026-04-01']);
    expect([periodKey('month', lastSecond), periodKey('month', next)]).toEqual(['2026-03', '2026-04']);
    expect([periodKey('quarter', lastSecond), periodKey('quarter', next)]).toEqual(['2026-Q1', '2026-Q2']);
    const newYear = new Date('2026-12-31T16:00:00Z');
    expect([periodKey('year', new Date('2026-12-31T15:59:59Z')), periodKey('year', newYear)]).toEqual(['2026', '2027']);
    expect(periodKey('quarter', newYear)).toBe('2027-Q1');
  });
});

describe('caps (PTS-1)', () => {
  it('never exceeds the cap and cuts the last award to what is left', () => {
    expect(cappedAward(2, 4, 0)).toBe(2);
    expect(cappedAward(2, 4, 2)).toBe(2);
    expect(cappedAward(2, 4, 4)).toBe(0);
    expect(cappedAward(2, 5, 4)).toBe(1);
    expect(cappedAward(2, 4, 9)).toBe(0);
    expect(cappedAward(10, null, 1000)).toBe(10);
  });

  it('awards 20 racing comments at most the daily cap in total', () => {
    let earned = 0;
    for (let i = 0; i < 20; i++) earned += cappedAward(2, 4, earned);
    expect(earned).toBe(4);
  });

  it('has the SPEC §7 table: learning caps per day, meeting caps by the meeting frequency', () => {
    const rule = (code: string) => BUILTIN_POINTS_RULES.find((r) => r.code === code)!;
    expect(rule('learning.comment')).toMatchObject({ points: 2, cap: 4, capPeriod: 'day', category: 'learning' });
    expect(rule('meeting.general_assembly')).toMatchObject({ points: 30, cap: 30, capPeriod: 'quarter', category: 'org_life' });
    expect(rule('meeting.life_and_review')).toMatchObject({ points: 30, cap: 30, capPeriod: 'year' });
    expect(rule('aid.snapshot_approved')).toMatchObject({ points: 2, cap: 6, capPeriod: 'day', category: 'vanguard' });
    expect(new Set(BUILTIN_POINTS_RULES.map((r) => r.code)).size).toBe(BUILTIN_POINTS_RULES.length);
  });
});
