import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { PointsSettings } from '@dangjian/shared';
import type { Repository } from 'typeorm';
import { isAdmin, type AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { PointsError } from '../../common/errors/error-codes.js';
import { Transactions } from '../../database/write-gate.js';
import { PointsSetting } from './entities/points-setting.entity.js';

/** PTS-5: a tenant's points settings (no row: the defaults, rankings on). */
@Injectable()
export class PointsSettingsService {
  constructor(
    @InjectRepository(PointsSetting) private readonly repo: Repository<PointsSetting>,
    private readonly tx: Transactions,
  ) {}

  async get(tenantId: number): Promise<PointsSettings> {
    const row = await this.repo.findOne({ where: { tenantId } });
    return { rankingsEnabled: row?.rankingsEnabled ?? true };
  }

  async put(tenantId: number, s: PointsSettings): Promise<PointsSettings> {
    await this.tx.run(async (em) => {
      const repo = em.getRepository(PointsSetting);
      await repo.createQueryBuilder().insert().into(PointsSetting).values({ tenantId, rankingsEnabled: true }).orIgnore().execute();
      await repo.update({ tenantId }, { rankingsEnabled: s.rankingsEnabled });
    });
    return this.get(tenantId);
  }

  /** Rankings and averages switched off: members get 403, admins still see them (never for appraisal). */
  async assertRankingsVisible(user: AuthUser): Promise<void> {
    if (isAdmin(user) || !user.tenantId) return;
    if (!(await this.get(user.tenantId)).rankingsEnabled) throw new AppError(PointsError.RankingsOff);
  }
}
