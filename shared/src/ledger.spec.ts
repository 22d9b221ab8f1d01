import fc from 'fast-check';
import {
  balances,
  isBalanced,
  negativeHeld,
  onPaidReport,
  paymentLines,
  reversalLines,
  reversalProblem,
  transferable,
  transferLines,
  type LedgerLine,
  type LedgerVia,
  type PaymentState,
} from './ledger.js';

/**
 * Property tests of the dues ledger (PAY-4): whatever order orders, duplicated notifications,
 * reversals and transfers come in, every journal balances, a payment is credited once, an
 * idempotency key makes one order, and held money never goes below zero.
 */
interface Payment { key: string; via: LedgerVia; accountId: number | null; orgId: number; amountFen: number; state: PaymentState; transferred: boolean; lines: LedgerLine[] | null }
type Op =
  | { t: 'order'; key: string; via: LedgerVia; amountFen: number }
  | { t: 'report'; i: number; times: number }
  | { t: 'reverse'; i: number }
  | { t: 'transfer' };

const ACCOUNT = 7;
const ORG = 3;

function run(ops: Op[]) {
  const payments: Payment[] = [];
  const journals: Array<{ kind: string; ref: number; lines: LedgerLine[] }> = [];
  const byKey = new Map<string, number>();
  for (const op of ops) {
    if (op.t === 'order') {
      // An idempotency key seen before returns the same payment.
      if (byKey.has(op.key)) continue;
      byKey.set(op.key, payments.length);
      payments.push({ key: op.key, via: op.via, accountId: op.via === 'cash' ? null : ACCOUNT, orgId: ORG, amountFen: op.amountFen, state: op.via === 'cash' ? 'paid' : 'pending', transferred: false, lines: null });
      const p = payments[payments.length - 1];
      if (op.via === 'cash') {
        p.lines = paymentLines(p);
        journals.push({ kind: 'payment', ref: payments.length - 1, lines: p.lines });
      }
    } else if (op.t === 'report') {
      const p = payments[op.i % Math.max(payments.length, 1)];
      if (!p || p.via === 'cash') continue;
      for (let n = 0; n < op.times; n++) {
        if (onPaidReport(p.state) === 'credit') {
          p.state = 'paid';
          p.lines = paymentLines(p);
          journals.push({ kind: 'payment', ref: payments.indexOf(p), lines: p.lines });
        }
      }
    } else if (op.t === 'reverse') {
      const p = payments[op.i % Math.max(payments.length, 1)];
      if (!p || reversalProblem(p) !== null) continue;
      p.state = 'reversed';
      journals.push({ kind: 'reversal', ref: payments.indexOf(p), lines: reversalLines(p.lines!) });
    } else {
      for (const channel of ['wechat', 'alipay'] as const) {
        const { take, amountFen } = transferable(payments.filter((p) => p.via === channel), ACCOUNT);
        if (!amountFen) continue;
        take.forEach((p) => (p.transferred = true));
        journals.push({ kind: 'transfer', ref: -1, lines: transferLines({ channel, accountId: ACCOUNT, amountFen }) });
      }
    }
  }
  return { payments, journals, byKey };
}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('order' as const), key: fc.constantFrom('k1', 'k2', 'k3', 'k4', 'k5', 'k6'), via: fc.constantFrom<LedgerVia>('wechat', 'alipay', 'cash'), amountFen: fc.integer({ min: 1, max: 200_000 }) }),
  fc.record({ t: fc.constant('report' as const), i: fc.nat(), times: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ t: fc.constant('reverse' as const), i: fc.nat() }),
  fc.record({ t: fc.constant('transfer' as const) }),
);

describe('dues ledger properties', () => {
  it('every journal balances and held money never goes below zero', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const { journals } = run(ops);
        for (const j of journals) expect(isBalanced(j.lines)).toBe(true);
        expect(negativeHeld(balances(journals.map((j) => j.lines)))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('a payment is credited at most once however often the channel reports it, and reversed at most once', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const { journals, payments } = run(ops);
        payments.forEach((_, i) => {
          expect(journals.filter((j) => j.kind === 'payment' && j.ref === i).length).toBeLessThanOrEqual(1);
          expect(journals.filter((j) => j.kind === 'reversal' && j.ref === i).length).toBeLessThanOrEqual(1);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('an idempotency key makes one order; the ledger total equals what was paid minus what was reversed', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const { payments, byKey, journals } = run(ops);
        expect(payments.length).toBe(new Set(ops.filter((o) => o.t === 'order').map((o) => (o as { key: string }).key)).size);
        expect(byKey.size).toBe(payments.length);
        const b = balances(journals.map((j) => j.lines));
        const held = [...b].filter(([a]) => a.startsWith('held:') || a.startsWith('holder:')).reduce((s, [, v]) => s + v, 0);
        const paid = payments.filter((p) => p.state === 'paid').reduce((s, p) => s + p.amountFen, 0);
        expect(held).toBe(paid);
        expect((b.get(`dues:${ORG}`) ?? 0) + paid).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('money taken by a transfer cannot be reversed or transferred again', () => {
    const { payments, journals } = run([
      { t: 'order', key: 'a', via: 'wechat', amountFen: 500 },
      { t: 'report', i: 0, times: 3 },
      { t: 'transfer' },
      { t: 'transfer' },
      { t: 'reverse', i: 0 },
    ]);
    expect(journals.filter((j) => j.kind === 'transfer')).toHaveLength(1);
    expect(payments[0].state).toBe('paid');
    expect(reversalProblem(payments[0])).toBe('该笔党费已上划，不能冲正');
  });

  it('refuses amounts that are not a positive number of fen', () => {
    expect(() => paymentLines({ via: 'cash', accountId: null, orgId: 1, amountFen: 0 })).toThrow();
    expect(() => paymentLines({ via: 'wechat', accountId: 1, orgId: 1, amountFen: 1.5 })).toThrow();
    expect(() => paymentLines({ via: 'wechat', accountId: null, orgId: 1, amountFen: 100 })).toThrow();
  });
});
