import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { MallWalletView } from '@dangjian/shared';
import type { EntityManager, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { MallError } from '../../common/errors/error-codes.js';
import { Transactions } from '../../database/write-gate.js';
import { PointsService } from '../points/points.service.js';
import { MallWallet } from './entities/mall.entity.js';

/** The caller's member id in the mall; accounts without a member record cannot exchange. */
export function mallMember(user: AuthUser): { tenantId: number; memberId: number } {
  if (user.tenantId == null || user.memberId == null) throw new AppError(MallError.NotMember);
  return { tenantId: user.tenantId, memberId: user.memberId };
}

/**
 * MALL-2: the mall balance = all-time points earned (the points module's total) − points spent in
 * the mall (this wallet). Exchanging and cancelling move `spent` only; points never drop.
 */
@Injectable()
export class MallWalletService {
  constructor(
    @InjectRepository(MallWallet) private readonly wallets: Repository<MallWallet>,
    private readonly points: PointsService,
    private readonly tx: Transactions,
  ) {}

  async view(user: AuthUser): Promise<MallWalletView> {
    const { tenantId, memberId } = mallMember(user);
    const em = this.wallets.manager;
    const [earned, wallet] = await Promise.all([this.points.allTimeTotal(em, tenantId, memberId), this.wallets.findOne({ where: { memberId } })]);
    const spent = wallet?.spent ?? 0;
    return { earned, spent, balance: earned - spent };
  }

  /**
   * The member's wallet, inserted if missing and locked for the rest of the transaction. On MySQL the
   * upsert itself takes the row's exclusive lock (as the points cap counter does); on SQLite the write
   * gate serialises.
   */
  async lock(em: EntityManager, tenantId: number, memberId: number): Promise<MallWallet> {
    const mysql = em.connection.options.type !== 'better-sqlite3';
    const insert = 'INTO mall_wallet (tenant_id, member_id, spent) VALUES (?, ?, 0)';
    await em.query(mysql ? `INSERT ${insert} ON DUPLICATE KEY UPDATE spent = spent` : `INSERT OR IGNORE ${insert}`, [tenantId, memberId]);
    return em.getRepository(MallWallet).findOneOrFail({ where: { memberId }, lock: this.tx.lock });
  }

  earned(em: EntityManager, tenantId: number, memberId: number): Promise<number> {
    return this.points.allTimeTotal(em, tenantId, memberId);
  }
}
