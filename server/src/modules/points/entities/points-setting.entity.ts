import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** PTS-5: a tenant's points settings; no row means the defaults (rankings on). */
@Entity('points_setting')
@Index(['tenantId'], { unique: true })
export class PointsSetting {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'boolean', default: true }) rankingsEnabled: boolean;
  @UpdateDateColumn() updatedAt: Date;
}
