import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An uploaded image: who uploaded it (only they may attach it to a post) and what it is. */
@Entity('stored_file')
@Index(['fileKey'], { unique: true })
@Index(['uploaderUserId', 'createdAt'])
export class StoredFile {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int', nullable: true }) tenantId: number | null;
  @Column({ type: 'int' }) uploaderUserId: number;
  /** Random, unguessable; the storage key and the public address. */
  @Column({ type: 'varchar', length: 64 }) fileKey: string;
  @Column({ type: 'varchar', length: 30 }) mime: string;
  @Column({ type: 'int' }) size: number;
  @Column({ type: 'int' }) width: number;
  @Column({ type: 'int' }) height: number;
  @CreateDateColumn() createdAt: Date;
}
