import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Tree, TreeChildren, TreeParent, UpdateDateColumn, type DataSource, type Relation } from 'typeorm';
import type { OrgType } from '@dangjian/shared';

/**
 * ORG-4: the organisation tree of a tenant (党委 › 党总支 › 党支部 › 党小组) as a closure table, so
 * "everything under X" is one indexed join on organization_closure.
 */
@Entity('organization')
@Tree('closure-table')
@Index(['tenantId', 'parentId'])
export class Organization {
  @PrimaryGeneratedColumn() id: number;
  @Index() @Column({ type: 'int' }) tenantId: number;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'varchar', length: 20 }) type: OrgType;
  @Column({ type: 'int', default: 0 }) sortOrder: number;
  /** Denormalised parent id for cheap child listings; the closure table is the source for subtrees. */
  @Column({ type: 'int', nullable: true }) parentId: number | null;
  @TreeParent({ onDelete: 'RESTRICT' }) parent: Relation<Organization> | null;
  @TreeChildren() children: Relation<Organization>[];
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}

/** The closure table's name and its ancestor / descendant columns, as TypeORM names them, for raw SQL. */
export interface OrgClosure {
  table: string;
  ancestor: string;
  descendant: string;
}

export function orgClosure(ds: DataSource): OrgClosure {
  const meta = ds.getMetadata(Organization).closureJunctionTable;
  return { table: meta.tableName, ancestor: meta.ancestorColumns[0].databaseName, descendant: meta.descendantColumns[0].databaseName };
}
