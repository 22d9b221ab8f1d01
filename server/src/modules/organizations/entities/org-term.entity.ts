import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** ORG-5: a term change (换届) of an organisation's leadership. */
@Entity('org_term')
@Index(['tenantId', 'orgId'])
export class OrgTerm {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'int' }) orgId: number;
  @Column({ type: 'int' }) termNo: number;
  @Column({ type: 'date' }) electedAt: string;
  @Column({ type: 'int' }) termYears: number;
  @Column({ type: 'varchar', length: 500, nullable: true }) note: string | null;
  @CreateDateColumn() createdAt: Date;
}
