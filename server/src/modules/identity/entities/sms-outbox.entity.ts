import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Messages the outbox SMS provider "sent" (development and tests; ID-3). */
@Entity('sms_outbox')
@Index(['phone', 'createdAt'])
export class SmsOutbox {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 20 }) phone: string;
  @Column({ type: 'varchar', length: 20 }) purpose: string;
  @Column({ type: 'varchar', length: 10 }) code: string;
  @Column({ type: 'varchar', length: 300 }) text: string;
  @CreateDateColumn() createdAt: Date;
}
