import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CapPeriod, PointsCategory } from '@dangjian/shared';

/**
 * A tenant's points rule (PTS-2). The built-in rules (BUILTIN_POINTS_RULES) are copied in on the
 * tenant's first look at its rules; until then an award uses the shared defaults. Built-in rules
 * keep code, category and name; custom "declared" rules (自定义申报规则) are added by the tenant.
 */
@Entity('points_rule')
@Index(['tenantId', 'code'], { unique: true })
export class PointsRule {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'varchar', length: 40 }) code: string;
  @Column({ type: 'varchar', length: 20 }) category: PointsCategory;
  @Column({ type: 'varchar', length: 60 }) name: string;
  @Column({ type: 'int' }) points: number;
  @Column({ type: 'int', nullable: true }) cap: number | null;
  @Column({ type: 'varchar', length: 10 }) capPeriod: CapPeriod;
  @Column({ type: 'boolean', default: true }) enabled: boolean;
  @Column({ type: 'boolean', default: false }) builtin: boolean;
  @Column({ type: 'boolean', default: false }) declared: boolean;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
