import { Injectable } from '@nestjs/common';
import { beijingDayRange, type PayChannel, type ReconRunView } from '@dangjian/shared';
import { And, LessThan, MoreThanOrEqual } from 'typeorm';
import { hasRole, type AuthUser } from '../../common/auth/auth-user.js';
import type { ReconRun } from '../payments/entities/recon-run.entity.js';
import { ReconciliationService } from '../payments/reconciliation.service.js';
import { DuesContext } from './dues-context.service.js';
import { DuesPayment } from './entities/dues-payment.entity.js';

/**
 * Reconciliation as admins see it (DUES-9): the platform sees every tenant's figures; a tenant
 * admin sees its own tenant's orders and mismatches, next to the day's cash entries.
 */
@Injectable()
export class DuesReconciliationService {
  constructor(
    private readonly recon: ReconciliationService,
    private readonly ctx: DuesContext,
  ) {}

  async list(user: AuthUser, channel: PayChannel | undefined, from: string, to: string): Promise<ReconRunView[]> {
    const runs = await this.recon.list(channel, from, to);
    return Promise.all(runs.map((r) => this.view(user, r)));
  }

  async run(user: AuthUser, channel: PayChannel, billDate: string): Promise<ReconRunView> {
    return this.view(user, await this.recon.run(channel, billDate));
  }

  private async view(user: AuthUser, r: ReconRun): Promise<ReconRunView> {
    const platform = hasRole(user, 'platform_admin') && user.tenantId === null;
    const mine = (t: string) => platform || t === String(user.tenantId);
    const totals = Object.entries(r.totals).filter(([t]) => mine(t));
    const sum = (k: 'theirCount' | 'theirFen' | 'ourCount' | 'ourFen') => totals.reduce((s, [, v]) => s + v[k], 0);
    const { from, to } = beijingDayRange(r.billDate);
    const cash = await this.ctx.ds.getRepository(DuesPayment).find({
      select: { id: true, amountFen: true },
      where: { paidVia: 'cash', status: 'paid', paidAt: And(MoreThanOrEqual(from), LessThan(to)), ...(platform ? {} : { tenantId: user.tenantId ?? -1 }) },
    });
    const mismatches = r.mismatches.filter((m) => platform || m.tenantId === user.tenantId).map(({ tenantId: _t, ...m }) => m);
    return {
      id: r.id,
      channel: r.channel,
      billDate: r.billDate,
      status: r.status === 'failed' ? 'failed' : mismatches.length ? 'mismatched' : 'matched',
      theirCount: sum('theirCount'),
      theirFen: sum('theirFen'),
      ourCount: sum('ourCount'),
      ourFen: sum('ourFen'),
      cashCount: cash.length,
      cashFen: cash.reduce((s, p) => s + p.amountFen, 0),
      mismatches,
      error: r.error,
      ranAt: r.ranAt.toISOString(),
    };
  }
}
