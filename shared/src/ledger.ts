/**
 * The dues ledger's rules (PAY-4, DUES-6, DUES-7), pure so the server posts exactly what is tested
 * here. Every journal's lines sum to zero (debit positive, credit negative); money is integer fen.
 *
 * Accounts:
 * - `held:<via>:<account>` money held: online in the channel for dues account <account>, or cash
 *   with the organisation (`held:cash:<orgId>`).
 * - `dues:<orgId>` dues collected by an organisation (credit side of a payment).
 * - `holder:<account>` money transferred up to the dues account holder (上划).
 */
export type LedgerKind = 'payment' | 'reversal' | 'transfer';
export interface LedgerLine {
  account: string;
  amountFen: number;
}
export type LedgerVia = 'wechat' | 'alipay' | 'cash';

export const heldAccount = (via: LedgerVia, ref: number) => `held:${via}:${ref}`;
export const duesAccount = (orgId: number) => `dues:${orgId}`;
export const holderAccount = (accountId: number) => `holder:${accountId}`;

export class LedgerRuleError extends Error {}

function positive(amountFen: number): void {
  if (!Number.isInteger(amountFen) || amountFen <= 0) throw new LedgerRuleError(`amount must be a positive integer of fen, got ${amountFen}`);
}

/** A payment: money held (in the channel for the account, or as cash by the org) against the org's dues. */
export function paymentLines(p: { via: LedgerVia; accountId: number | null; orgId: number; amountFen: number }): LedgerLine[] {
  positive(p.amountFen);
  const ref = p.via === 'cash' ? p.orgId : p.accountId;
  if (ref == null) throw new LedgerRuleError('an online payment needs its dues account');
  return [
    { account: heldAccount(p.via, ref), amountFen: p.amountFen },
    { account: duesAccount(p.orgId), amountFen: -p.amountFen },
  ];
}

/** A reversal is the original journal negated, line by line; the original stays. */
export function reversalLines(original: LedgerLine[]): LedgerLine[] {
  return original.map((l) => ({ account: l.account, amountFen: -l.amountFen }));
}

/** An upward transfer moves held channel money to the account holder. */
export function transferLines(t: { channel: 'wechat' | 'alipay'; accountId: number; amountFen: number }): LedgerLine[] {
  positive(t.amountFen);
  return [
    { account: holderAccount(t.accountId), amountFen: t.amountFen },
    { account: heldAccount(t.channel, t.accountId), amountFen: -t.amountFen },
  ];
}

export function isBalanced(lines: LedgerLine[]): boolean {
  return lines.length > 0 && lines.every((l) => Number.isInteger(l.amountFen)) && lines.reduce((s, l) => s + l.amountFen, 0) === 0;
}

export function balances(journals: LedgerLine[][]): Map<string, number> {
  const out = new Map<string, number>();
  for (const lines of journals) for (const l of lines) out.set(l.account, (out.get(l.account) ?? 0) + l.amountFen);
  return out;
}

/** Held money can never go below zero: nothing leaves an account that did not come in. */
export function negativeHeld(b: Map<string, number>): string[] {
  return [...b].filter(([a, v]) => a.startsWith('held:') && v < 0).map(([a]) => a);
}

export type PaymentState = 'pending' | 'paid' | 'closed' | 'reversed';

/**
 * What a "paid" report (notification or query) does to a payment: `credit` posts it once; a
 * payment already paid (or reversed after) just acknowledges — the channel's retries and
 * duplicates never post twice. A closed one is credited too: the money did arrive.
 */
export function onPaidReport(state: PaymentState): 'credit' | 'duplicate' {
  return state === 'pending' || state === 'closed' ? 'credit' : 'duplicate';
}

/** Only a paid payment not yet taken by an upward transfer can be reversed. */
export function reversalProblem(p: { state: PaymentState; transferred: boolean }): string | null {
  if (p.state === 'reversed') return '该笔交纳已冲正';
  if (p.state !== 'paid') return '只有已支付的交纳可以冲正';
  if (p.transferred) return '该笔党费已上划，不能冲正';
  return null;
}

/** The online payments an upward transfer may take: paid, into this account, not yet transferred. */
export function transferable<T extends { state: PaymentState; via: LedgerVia; accountId: number | null; transferred: boolean; amountFen: number }>(
  payments: T[],
  accountId: number,
): { take: T[]; amountFen: number } {
  const take = payments.filter((p) => p.state === 'paid' && p.via !== 'cash' && p.accountId === accountId && !p.transferred);
  return { take, amountFen: take.reduce((s, p) => s + p.amountFen, 0) };
}
