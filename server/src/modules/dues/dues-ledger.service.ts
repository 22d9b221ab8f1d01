import { Injectable } from '@nestjs/common';
import { isBalanced, paymentLines, reversalLines, transferLines, type LedgerKind, type LedgerLine } from '@dangjian/shared';
import type { EntityManager } from 'typeorm';
import { DuesJournal, DuesLedgerLine } from './entities/dues-ledger.entity.js';
import type { DuesPayment } from './entities/dues-payment.entity.js';
import type { DuesTransfer } from './entities/dues-transfer.entity.js';

/**
 * Posts to the append-only dues ledger (PAY-4) inside the caller's transaction, with the lines the
 * pure rules in shared/ledger.ts give. Nothing here updates or deletes a posted row.
 */
@Injectable()
export class DuesLedger {
  async postPayment(em: EntityManager, p: DuesPayment): Promise<void> {
    await this.post(em, p.tenantId, 'payment', { paymentId: p.id }, paymentLines({ via: p.paidVia, accountId: p.accountId, orgId: p.orgId, amountFen: p.amountFen }));
  }

  /** The original payment journal negated line by line. */
  async postReversal(em: EntityManager, p: DuesPayment): Promise<void> {
    const original = await em.getRepository(DuesJournal).findOneOrFail({ where: { kind: 'payment', paymentId: p.id } });
    const lines = await em.getRepository(DuesLedgerLine).find({ where: { journalId: original.id }, order: { id: 'ASC' } });
    await this.post(em, p.tenantId, 'reversal', { paymentId: p.id }, reversalLines(lines.map((l) => ({ account: l.account, amountFen: l.amountFen }))));
  }

  async postTransfer(em: EntityManager, t: DuesTransfer): Promise<void> {
    await this.post(em, t.tenantId, 'transfer', { transferId: t.id }, transferLines({ channel: t.channel, accountId: t.accountId, amountFen: t.amountFen }));
  }

  private async post(em: EntityManager, tenantId: number, kind: LedgerKind, ref: { paymentId?: number; transferId?: number }, lines: LedgerLine[]): Promise<void> {
    if (!isBalanced(lines)) throw new Error(`unbalanced ${kind} journal`);
    // The unique (kind, paymentId) / (kind, transferId) keys refuse a second posting of the same thing.
    const journal = await em.getRepository(DuesJournal).save(em.getRepository(DuesJournal).create({ tenantId, kind, paymentId: ref.paymentId ?? null, transferId: ref.transferId ?? null }));
    await em.getRepository(DuesLedgerLine).insert(lines.map((l) => ({ journalId: journal.id, tenantId, account: l.account, amountFen: l.amountFen })));
  }
}
