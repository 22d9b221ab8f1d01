import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { beijingDate, type MallOrder as MallOrderView, type Page } from '@dangjian/shared';
import { QueryFailedError, type EntityManager, type FindOptionsWhere, type Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { MallError } from '../../common/errors/error-codes.js';
import { pageArgs } from '../../common/http/pagination.js';
import { Clock } from '../../common/time/clock.js';
import { Transactions } from '../../database/write-gate.js';
import type { MallMyOrdersQueryDto, MallOrderDto, MallOrderQueryDto } from './dto/mall.dto.js';
import { MallGoods, MallOrder, MallWallet } from './entities/mall.entity.js';
import { mallTenant } from './mall-catalog.service.js';
import { mallMember, MallWalletService } from './mall-wallet.service.js';

/**
 * MALL-3, MALL-4: exchanges, cancels and pick-ups. Each runs in one transaction that locks, in this
 * order, the order (cancel, pick-up), the goods row and the member's wallet, so stock and balance are
 * checked and changed on rows nobody else can change meanwhile and never go below zero.
 */
@Injectable()
export class MallOrdersService {
  constructor(
    @InjectRepository(MallOrder) private readonly orders: Repository<MallOrder>,
    private readonly wallets: MallWalletService,
    private readonly tx: Transactions,
    private readonly clock: Clock,
  ) {}

  exchange(user: AuthUser, dto: MallOrderDto): Promise<MallOrderView> {
    const { tenantId, memberId } = mallMember(user);
    return this.tx.run(async (em) => {
      const goods = await em.getRepository(MallGoods).findOne({ where: { id: dto.goodsId, tenantId }, lock: this.tx.lock });
      if (!goods) throw new AppError(MallError.GoodsNotFound);
      if (!goods.enabled) throw new AppError(MallError.GoodsDisabled);
      if (goods.stock < dto.quantity) throw new AppError(MallError.OutOfStock);
      const points = goods.pointsPrice * dto.quantity;
      const wallet = await this.wallets.lock(em, tenantId, memberId);
      const earned = await this.wallets.earned(em, tenantId, memberId);
      if (earned - wallet.spent < points) throw new AppError(MallError.InsufficientBalance);
      await em.getRepository(MallGoods).update({ id: goods.id }, { stock: goods.stock - dto.quantity });
      await em.getRepository(MallWallet).update({ id: wallet.id }, { spent: wallet.spent + points });
      const order = await this.insertOrder(em, {
        tenantId,
        memberId,
        memberName: user.displayName.slice(0, 50),
        goodsId: goods.id,
        goodsName: goods.name,
        unitPoints: goods.pointsPrice,
        quantity: dto.quantity,
        points,
        status: 'awaiting',
        pickedUpAt: null,
        pickedUpByName: null,
        cancelledAt: null,
      });
      return orderView(order);
    });
  }

  /**
   * A random order number and a random 6-digit pick-up code; the unique indexes (order number, and
   * the code among the tenant's open orders) decide, and a rare clash draws again.
   */
  private async insertOrder(em: EntityManager, fields: Omit<MallOrder, 'id' | 'orderNo' | 'pickupCode' | 'openCode' | 'createdAt'>): Promise<MallOrder> {
    const repo = em.getRepository(MallOrder);
    for (let attempt = 0; ; attempt++) {
      const pickupCode = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const orderNo = `${beijingDate(this.clock.now()).replaceAll('-', '')}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
      if (await repo.exists({ where: { tenantId: fields.tenantId, openCode: pickupCode } })) continue;
      try {
        return await repo.save(repo.create({ ...fields, orderNo, pickupCode, openCode: pickupCode }));
      } catch (e) {
        if (attempt >= 5 || !isDuplicate(e)) throw e;
      }
    }
  }

  async mine(user: AuthUser, q: MallMyOrdersQueryDto): Promise<Page<MallOrderView>> {
    const { tenantId, memberId } = mallMember(user);
    const [rows, total] = await this.orders.findAndCount({ where: { tenantId, memberId, ...(q.status ? { status: q.status } : {}) }, order: { id: 'DESC' }, ...pageArgs(q) });
    return { items: rows.map(orderView), total, page: q.page, pageSize: q.pageSize };
  }

  /** Tenant admins: by order number or pick-up code, and by status. */
  async search(user: AuthUser, q: MallOrderQueryDto): Promise<Page<MallOrderView>> {
    const tenantId = mallTenant(user);
    const base: FindOptionsWhere<MallOrder> = { tenantId, ...(q.status ? { status: q.status } : {}) };
    const where = q.q ? [{ ...base, orderNo: q.q }, { ...base, pickupCode: q.q }] : base;
    const [rows, total] = await this.orders.findAndCount({ where, order: { id: 'DESC' }, ...pageArgs(q) });
    return { items: rows.map(orderView), total, page: q.page, pageSize: q.pageSize };
  }

  /** The member cancels an order awaiting pick-up: stock and balance come back in the same transaction. */
  cancel(user: AuthUser, id: number): Promise<MallOrderView> {
    const { tenantId, memberId } = mallMember(user);
    return this.tx.run(async (em) => {
      const order = await em.getRepository(MallOrder).findOne({ where: { id, tenantId, memberId }, lock: this.tx.lock });
      if (!order) throw new AppError(MallError.OrderNotFound);
      if (order.status !== 'awaiting') throw new AppError(MallError.OrderNotAwaiting);
      const goods = await em.getRepository(MallGoods).findOne({ where: { id: order.goodsId }, lock: this.tx.lock });
      if (goods) await em.getRepository(MallGoods).update({ id: goods.id }, { stock: goods.stock + order.quantity });
      const wallet = await this.wallets.lock(em, tenantId, memberId);
      await em.getRepository(MallWallet).update({ id: wallet.id }, { spent: Math.max(0, wallet.spent - order.points) });
      Object.assign(order, { status: 'cancelled', openCode: null, cancelledAt: this.clock.now() });
      await em.getRepository(MallOrder).update({ id: order.id }, { status: order.status, openCode: null, cancelledAt: order.cancelledAt });
      return orderView(order);
    });
  }

  /** Tenant admins hand the goods over and mark the order picked up. */
  pickup(user: AuthUser, id: number): Promise<MallOrderView> {
    const tenantId = mallTenant(user);
    return this.tx.run(async (em) => {
      const order = await em.getRepository(MallOrder).findOne({ where: { id, tenantId }, lock: this.tx.lock });
      if (!order) throw new AppError(MallError.OrderNotFound);
      if (order.status !== 'awaiting') throw new AppError(MallError.OrderNotAwaiting);
      Object.assign(order, { status: 'picked_up', openCode: null, pickedUpAt: this.clock.now(), pickedUpByName: user.displayName.slice(0, 50) });
      await em.getRepository(MallOrder).update({ id: order.id }, { status: order.status, openCode: null, pickedUpAt: order.pickedUpAt, pickedUpByName: order.pickedUpByName });
      return orderView(order);
    });
  }
}

function isDuplicate(e: unknown): boolean {
  if (!(e instanceof QueryFailedError)) return false;
  const code = String((e.driverError as { code?: string } | undefined)?.code ?? '');
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT');
}

function orderView(o: MallOrder): MallOrderView {
  return {
    id: o.id,
    orderNo: o.orderNo,
    pickupCode: o.pickupCode,
    memberId: o.memberId,
    memberName: o.memberName,
    goodsId: o.goodsId,
    goodsName: o.goodsName,
    unitPoints: o.unitPoints,
    quantity: o.quantity,
    points: o.points,
    status: o.status,
    createdAt: o.createdAt.toISOString(),
    pickedUpAt: o.pickedUpAt ? o.pickedUpAt.toISOString() : null,
    cancelledAt: o.cancelledAt ? o.cancelledAt.toISOString() : null,
  };
}
