import type { MallGoodsKind, MallOrderStatus } from '@dangjian/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export interface StoredMallImage {
  key: string;
  width: number;
  height: number;
}

/** MALL-1: a category of the tenant's mall, shown in `sortOrder`. */
@Entity('mall_category')
@Index(['tenantId', 'sortOrder'])
export class MallCategory {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'varchar', length: 30 }) name: string;
  @Column({ type: 'int', default: 0 }) sortOrder: number;
  @CreateDateColumn() createdAt: Date;
}

/** MALL-1: goods or a service priced in points, with its stock (never below zero, MALL-4). */
@Entity('mall_goods')
@Index(['tenantId', 'categoryId', 'enabled'])
export class MallGoods {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'int' }) categoryId: number;
  @Column({ type: 'varchar', length: 10 }) kind: MallGoodsKind;
  @Column({ type: 'varchar', length: 60 }) name: string;
  @Column({ type: 'varchar', length: 1000, default: '' }) description: string;
  @Column({ type: 'int' }) pointsPrice: number;
  @Column({ type: 'int' }) stock: number;
  @Column({ type: 'simple-json' }) images: StoredMallImage[];
  @Column({ type: 'boolean', default: false }) enabled: boolean;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}

/**
 * MALL-2: what a member has spent in the mall. The balance is the member's all-time points minus
 * `spent`; exchanging never touches the points themselves. Locked during an exchange or a cancel.
 */
@Entity('mall_wallet')
@Index(['memberId'], { unique: true })
export class MallWallet {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'int' }) memberId: number;
  @Column({ type: 'int', default: 0 }) spent: number;
}

/** MALL-3: an exchange. `openCode` repeats the pick-up code while the order awaits pick-up, so it is unique among the tenant's open orders. */
@Entity('mall_order')
@Index(['orderNo'], { unique: true })
@Index(['tenantId', 'openCode'], { unique: true })
@Index(['tenantId', 'pickupCode'])
@Index(['tenantId', 'status', 'id'])
@Index(['memberId', 'id'])
export class MallOrder {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'varchar', length: 20 }) orderNo: string;
  @Column({ type: 'varchar', length: 6 }) pickupCode: string;
  @Column({ type: 'varchar', length: 6, nullable: true }) openCode: string | null;
  @Column({ type: 'int' }) memberId: number;
  @Column({ type: 'varchar', length: 50 }) memberName: string;
  @Column({ type: 'int' }) goodsId: number;
  @Column({ type: 'varchar', length: 60 }) goodsName: string;
  @Column({ type: 'int' }) unitPoints: number;
  @Column({ type: 'int' }) quantity: number;
  @Column({ type: 'int' }) points: number;
  @Column({ type: 'varchar', length: 12 }) status: MallOrderStatus;
  @Column({ type: 'datetime', nullable: true }) pickedUpAt: Date | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) pickedUpByName: string | null;
  @Column({ type: 'datetime', nullable: true }) cancelledAt: Date | null;
  @CreateDateColumn() createdAt: Date;
}
