import { backPayable, duesMonth, goesToCentral, inPaymentWindow, monthlyDues, shiftMonth, transferOpensOn, yuanToFen } from './dues.js';

const fen = (yuan: number) => Math.round(yuan * 100);
const amount = (input: Parameters<typeof monthlyDues>[0]) => {
  const r = monthlyDues(input);
  if (!r.ok) throw new Error(r.problem);
  return r.amountFen;
};

describe('dues standards (DUES-1, 中组发〔2008〕3号)', () => {
  it('takes the employed brackets on the whole income, boundaries inclusive', () => {
    expect(amount({ category: 'employed', incomeFen: fen(3000) })).toBe(fen(15)); // 0.5 %
    expect(amount({ category: 'employed', incomeFen: fen(3000.01) })).toBe(fen(30)); // 1 % of 3000.01 = 30.0001 → 30.00
    expect(amount({ category: 'employed', incomeFen: fen(5000) })).toBe(fen(50));
    expect(amount({ category: 'employed', incomeFen: fen(5000.01) })).toBe(fen(75)); // 1.5 %: 75.00015 → 75.00
    expect(amount({ category: 'employed', incomeFen: fen(10000) })).toBe(fen(150));
    expect(amount({ category: 'employed', incomeFen: fen(10000.01) })).toBe(fen(200)); // 2 %: 200.0002 → 200.00
    expect(amount({ category: 'employed', incomeFen: fen(2999.99) })).toBe(fen(15)); // 14.99995 → 15.00
    expect(amount({ category: 'employed', incomeFen: 0 })).toBe(0);
    expect(amount({ category: 'employed', incomeFen: fen(12345.67) })).toBe(fen(246.91)); // 2 %: 246.9134
  });

  it('rounds to the fen, half up', () => {
    expect(amount({ category: 'employed', incomeFen: fen(3456.78) })).toBe(fen(34.57)); // 34.5678
    expect(amount({ category: 'employed', incomeFen: fen(2001) })).toBe(fen(10.01)); // 10.005 → 10.01
    expect(amount({ category: 'employed', incomeFen: fen(2000.99) })).toBe(fen(10)); // 10.00495 → 10.00
  });

  it('takes the retiree brackets', () => {
    expect(amount({ category: 'retired', incomeFen: fen(5000) })).toBe(fen(25));
    expect(amount({ category: 'retired', incomeFen: fen(4999.99) })).toBe(fen(25)); // 24.99995 → 25.00
    expect(amount({ category: 'retired', incomeFen: fen(5000.01) })).toBe(fen(50)); // 1 %: 50.0001 → 50.00
    expect(amount({ category: 'retired', incomeFen: fen(6200) })).toBe(fen(62));
  });

  it('charges students, the unemployed and those on relief 0.2 yuan; farmers 0.2 to 1 yuan', () => {
    for (const category of ['student', 'unemployed', 'relief'] as const) expect(amount({ category })).toBe(20);
    expect(amount({ category: 'farmer' })).toBe(20);
    expect(amount({ category: 'farmer', farmerFen: 100 })).toBe(100);
    expect(monthlyDues({ category: 'farmer', farmerFen: 150 })).toEqual({ ok: false, problem: '农民党员每月交纳0.20元至1.00元' });
  });

  it('explains the amount and refuses a missing or broken income', () => {
    expect(monthlyDues({ category: 'employed', incomeFen: fen(4000) })).toEqual({ ok: true, amountFen: 4000, rateBp: 100, rule: '在职党员：月收入4000.00元 × 1% = 40.00元' });
    expect(monthlyDues({ category: 'employed' })).toMatchObject({ ok: false });
    expect(monthlyDues({ category: 'retired', incomeFen: 12.5 })).toMatchObject({ ok: false, problem: '请填写每月离退休费（元，精确到分）' });
  });
});

describe('dues months and windows (DUES-3, DUES-4, DUES-7)', () => {
  it('counts months and the 1st–20th window in Beijing time', () => {
    expect(duesMonth(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(shiftMonth('2026-02', -3)).toBe('2025-11');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(inPaymentWindow(new Date('2026-11-20T15:59:59Z'))).toBe(true); // 20th, 23:59:59 Beijing
    expect(inPaymentWindow(new Date('2026-11-20T16:00:00Z'))).toBe(false); // the 21st
    expect(inPaymentWindow(new Date('2026-11-21T16:00:00Z'), 1, 25)).toBe(true);
  });

  it('lets members pay back at most six months', () => {
    const at = new Date('2026-11-05T02:00:00Z');
    expect(backPayable(['2026-11', '2026-05', '2026-04', '2026-10'], at)).toEqual({ payable: ['2026-05', '2026-10', '2026-11'], tooOld: ['2026-04'] });
  });

  it('flags voluntary payments of 1000 yuan or more for the Central Committee', () => {
    expect(goesToCentral(99_999)).toBe(false);
    expect(goesToCentral(100_000)).toBe(true);
  });
});

describe('yuanToFen', () => {
  it('converts decimal yuan to whole fen without float error', () => {
    expect(yuanToFen('3456.78')).toBe(345678);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('12.3')).toBe(1230);
    expect(yuanToFen('1,000')).toBe(100000);
  });
  it('refuses what is not an amount', () => {
    for (const bad of ['', '-1', '1.234', 'abc', '1e3', '.5']) expect(yuanToFen(bad)).toBeNull();
  });
});

describe('transferOpensOn (DUES-7)', () => {
  it('opens after the window in the same month by default', () => {
    expect(transferOpensOn('2026-11', { windowLastDay: 20, transferFromDay: 22 })).toBe('2026-11-22');
  });
  it('opens in the next month when the window runs to the month end', () => {
    expect(transferOpensOn('2026-12', { windowLastDay: 31, transferFromDay: 1 })).toBe('2027-01-01');
    expect(transferOpensOn('2027-01', { windowLastDay: 31, transferFromDay: 30 })).toBe('2027-02-28');
  });
});
