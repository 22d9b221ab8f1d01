import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A tenant's dues calendar (DUES-7): the online window and the first day of upward transfer. */
@Entity('dues_setting')
export class DuesSetting {
  @PrimaryColumn({ type: 'int' }) tenantId: number;
  @Column({ type: 'int', default: 1 }) windowFirstDay: number;
  @Column({ type: 'int', default: 20 }) windowLastDay: number;
  @Column({ type: 'int', default: 22 }) transferFromDay: number;
}
