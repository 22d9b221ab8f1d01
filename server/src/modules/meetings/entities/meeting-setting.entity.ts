import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MeetingType } from '@dangjian/shared';

/** MEET-10: a tenant switches meeting types off for its organisations (no row = on). */
@Entity('meeting_type_setting')
@Index(['tenantId', 'type'], { unique: true })
export class MeetingTypeSettingRow {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'varchar', length: 30 }) type: MeetingType;
  @Column({ type: 'boolean' }) enabled: boolean;
}
