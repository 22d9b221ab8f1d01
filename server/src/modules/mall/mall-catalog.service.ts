import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { MallCategory as MallCategoryView, MallGoods as MallGoodsView, MallGoodsPage } from '@dangjian/shared';
import type { Repository } from 'typeorm';
import { hasRole, type AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { MallError } from '../../common/errors/error-codes.js';
import { pageArgs } from '../../common/http/pagination.js';
import { Transactions } from '../../database/write-gate.js';
import { FilesService, imageUrl } from '../files/files.service.js';
import type { MallCategoryDto, MallGoodsDto, MallGoodsQueryDto } from './dto/mall.dto.js';
import { MallCategory, MallGoods } from './entities/mall.entity.js';
import { MallWalletService } from './mall-wallet.service.js';

/** The mall's tenant: platform accounts have none, so the mall does not exist for them. */
export function mallTenant(user: AuthUser): number {
  if (user.tenantId == null) throw new AppError(MallError.NotMember);
  return user.tenantId;
}

export const isMallAdmin = (user: AuthUser) => hasRole(user, 'tenant_admin');

/**
 * MALL-1: categories and goods. Tenant admins manage them and see disabled goods; everyone else
 * sees the enabled goods of their own tenant (anything else answers 404).
 */
@Injectable()
export class MallCatalogService {
  constructor(
    @InjectRepository(MallCategory) private readonly categories: Repository<MallCategory>,
    @InjectRepository(MallGoods) private readonly goods: Repository<MallGoods>,
    private readonly files: FilesService,
    private readonly wallets: MallWalletService,
    private readonly tx: Transactions,
  ) {}

  async listCategories(user: AuthUser): Promise<MallCategoryView[]> {
    const rows = await this.categories.find({ where: { tenantId: mallTenant(user) }, order: { sortOrder: 'ASC', id: 'ASC' } });
    return rows.map(categoryView);
  }

  createCategory(user: AuthUser, dto: MallCategoryDto): Promise<MallCategoryView> {
    const tenantId = mallTenant(user);
    return this.tx.run(async (em) => {
      const last = await em.getRepository(MallCategory).findOne({ select: { sortOrder: true }, where: { tenantId }, order: { sortOrder: 'DESC' } });
      const row = await em.getRepository(MallCategory).save(em.getRepository(MallCategory).create({ tenantId, name: dto.name, sortOrder: (last?.sortOrder ?? 0) + 1 }));
      return categoryView(row);
    });
  }

  async updateCategory(user: AuthUser, id: number, dto: MallCategoryDto): Promise<MallCategoryView> {
    const row = await this.category(user, id);
    row.name = dto.name;
    await this.categories.update({ id: row.id }, { name: dto.name });
    return categoryView(row);
  }

  /** The new order must name every category of the tenant exactly once. */
  reorder(user: AuthUser, ids: number[]): Promise<MallCategoryView[]> {
    const tenantId = mallTenant(user);
    return this.tx.run(async (em) => {
      const repo = em.getRepository(MallCategory);
      const rows = await repo.find({ where: { tenantId }, lock: this.tx.lock });
      const known = new Set(rows.map((r) => r.id));
      if (new Set(ids).size !== ids.length || ids.length !== rows.length || ids.some((id) => !known.has(id))) throw new AppError(MallError.CategoryOrderInvalid);
      for (const [i, id] of ids.entries()) await repo.update({ id, tenantId }, { sortOrder: i + 1 });
      return ids.map((id, i) => ({ id, name: rows.find((r) => r.id === id)!.name, sortOrder: i + 1 }));
    });
  }

  deleteCategory(user: AuthUser, id: number): Promise<void> {
    const tenantId = mallTenant(user);
    return this.tx.run(async (em) => {
      const row = await em.getRepository(MallCategory).findOne({ where: { id, tenantId }, lock: this.tx.lock });
      if (!row) throw new AppError(MallError.CategoryNotFound);
      if (await em.getRepository(MallGoods).exists({ where: { tenantId, categoryId: id } })) throw new AppError(MallError.CategoryNotEmpty);
      await em.getRepository(MallCategory).delete({ id });
    });
  }

  /** Goods by category; members see enabled goods only, with their mall balance. */
  async listGoods(user: AuthUser, q: MallGoodsQueryDto): Promise<MallGoodsPage> {
    const tenantId = mallTenant(user);
    const where = { tenantId, ...(q.categoryId ? { categoryId: q.categoryId } : {}), ...(isMallAdmin(user) ? {} : { enabled: true }) };
    const [rows, total] = await this.goods.findAndCount({ where, order: { id: 'DESC' }, ...pageArgs(q) });
    const balance = user.memberId ? (await this.wallets.view(user)).balance : null;
    return { items: rows.map(goodsView), total, page: q.page, pageSize: q.pageSize, balance };
  }

  async detail(user: AuthUser, id: number): Promise<MallGoodsView> {
    const row = await this.goods.findOne({ where: { id, tenantId: mallTenant(user), ...(isMallAdmin(user) ? {} : { enabled: true }) } });
    if (!row) throw new AppError(MallError.GoodsNotFound);
    return goodsView(row);
  }

  async createGoods(user: AuthUser, dto: MallGoodsDto): Promise<MallGoodsView> {
    const tenantId = mallTenant(user);
    await this.category(user, dto.categoryId);
    const images = await this.files.claim(user, [...new Set(dto.images ?? [])], MallError.ImageInvalid);
    const row = await this.goods.save(
      this.goods.create({ tenantId, categoryId: dto.categoryId, kind: dto.kind, name: dto.name, description: dto.description ?? '', pointsPrice: dto.pointsPrice, stock: dto.stock, images, enabled: dto.enabled ?? false }),
    );
    return goodsView(row);
  }

  /** Edits under the goods row's lock, so a stock change never interleaves with an exchange. */
  async updateGoods(user: AuthUser, id: number, dto: MallGoodsDto): Promise<MallGoodsView> {
    const tenantId = mallTenant(user);
    await this.category(user, dto.categoryId);
    // Images are checked before the transaction: no second pooled connection while the row is locked.
    const current = await this.goods.findOne({ select: { id: true, images: true }, where: { id, tenantId } });
    if (!current) throw new AppError(MallError.GoodsNotFound);
    const images = await this.files.claim(user, [...new Set(dto.images ?? [])], MallError.ImageInvalid, current.images.map((i) => i.key));
    return this.tx.run(async (em) => {
      const repo = em.getRepository(MallGoods);
      const row = await repo.findOne({ where: { id, tenantId }, lock: this.tx.lock });
      if (!row) throw new AppError(MallError.GoodsNotFound);
      Object.assign(row, { categoryId: dto.categoryId, kind: dto.kind, name: dto.name, description: dto.description ?? '', pointsPrice: dto.pointsPrice, stock: dto.stock, images, enabled: dto.enabled ?? row.enabled });
      await repo.save(row);
      return goodsView(row);
    });
  }

  async setEnabled(user: AuthUser, id: number, enabled: boolean): Promise<MallGoodsView> {
    const tenantId = mallTenant(user);
    const row = await this.goods.findOne({ where: { id, tenantId } });
    if (!row) throw new AppError(MallError.GoodsNotFound);
    await this.goods.update({ id, tenantId }, { enabled });
    return goodsView({ ...row, enabled });
  }

  private async category(user: AuthUser, id: number): Promise<MallCategory> {
    const row = await this.categories.findOne({ where: { id, tenantId: mallTenant(user) } });
    if (!row) throw new AppError(MallError.CategoryNotFound);
    return row;
  }
}

function categoryView(r: MallCategory): MallCategoryView {
  return { id: r.id, name: r.name, sortOrder: r.sortOrder };
}

export function goodsView(r: MallGoods): MallGoodsView {
  return {
    id: r.id,
    categoryId: r.categoryId,
    kind: r.kind,
    name: r.name,
    description: r.description,
    pointsPrice: r.pointsPrice,
    stock: r.stock,
    images: r.images.map((x) => ({ ...x, url: imageUrl(x.key) })),
    enabled: r.enabled,
  };
}
