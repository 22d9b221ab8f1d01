import { BRANCH_KINDS, BRANCH_SPACES, publicityPeriodOk, publicityStatus, topicOpen } from './branch.js';

const bj = (s: string) => new Date(`${s}+08:00`);

describe('publicity period (BR-3)', () => {
  it('allows up to the same wall-clock time one calendar month later, Beijing time', () => {
    expect(publicityPeriodOk(bj('2026-03-10T09:00:00'), bj('2026-04-10T09:00:00'))).toBe(true);
    expect(publicityPeriodOk(bj('2026-03-10T09:00:00'), bj('2026-04-10T09:00:01'))).toBe(false);
  });
  it('clamps a day the next month lacks to its last day', () => {
    expect(publicityPeriodOk(bj('2026-01-31T00:00:00'), bj('2026-02-28T00:00:00'))).toBe(true);
    expect(publicityPeriodOk(bj('2026-01-31T00:00:00'), bj('2026-03-01T00:00:00'))).toBe(false);
  });
  it('crosses the year and refuses an end before the start', () => {
    expect(publicityPeriodOk(bj('2026-12-15T20:00:00'), bj('2027-01-15T20:00:00'))).toBe(true);
    expect(publicityPeriodOk(bj('2026-12-15T20:00:00'), bj('2026-12-15T19:00:00'))).toBe(false);
  });
  it('reports 待公示 / 公示中 / 已结束', () => {
    const s = bj('2026-05-01T00:00:00');
    const e = bj('2026-05-20T00:00:00');
    expect(publicityStatus(s, e, bj('2026-04-30T23:59:59'))).toBe('upcoming');
    expect(publicityStatus(s, e, bj('2026-05-20T00:00:00'))).toBe('active');
    expect(publicityStatus(s, e, bj('2026-05-20T00:00:01'))).toBe('ended');
  });
});

describe('branch spaces', () => {
  it('lets only admins publish notices, publicity, organisational life and topics', () => {
    expect(BRANCH_KINDS.filter((k) => BRANCH_SPACES[k].publisher === 'admin')).toEqual(['notice', 'publicity', 'org_life', 'topic']);
  });
  it('requires a photo for organisational-life posts (BR-4) and keeps letters from upper admins (BR-10)', () => {
    expect(BRANCH_SPACES.org_life.minImages).toBe(1);
    expect(BRANCH_SPACES.letter.upperAdminsRead).toBe(false);
  });
  it('closes a topic at its closing time (BR-5)', () => {
    const at = bj('2026-06-01T12:00:00');
    expect(topicOpen(null, at)).toBe(true);
    expect(topicOpen(at, bj('2026-06-01T11:59:59'))).toBe(true);
    expect(topicOpen(at, at)).toBe(false);
  });
});
