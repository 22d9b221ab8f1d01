import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app message to one account (a reminder, a reply); read in the mini-program's 我的消息. */
@Entity('app_message')
@Index(['userId', 'id'])
@Index(['userId', 'readAt'])
export class AppMessageRow {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int', nullable: true }) tenantId: number | null;
  @Column({ type: 'int' }) userId: number;
  @Column({ type: 'varchar', length: 100 }) title: string;
  @Column({ type: 'varchar', length: 500 }) body: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) link: string | null;
  @CreateDateColumn() createdAt: Date;
  @Column({ type: 'datetime', nullable: true }) readAt: Date | null;
}
