import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** ID-5: a mini-program identity (WeChat openid, Alipay user id, DingTalk userid) bound to an account. */
@Entity('platform_identity')
@Index(['platform', 'appKey', 'externalId'], { unique: true })
@Index(['userId'])
export class PlatformIdentity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int' }) userId: number;
  @Column({ type: 'varchar', length: 10 }) platform: 'weapp' | 'alipay' | 'dd';
  /** WeChat appid / Alipay appid / DingTalk corpId: identities are unique only within these. */
  @Column({ type: 'varchar', length: 64 }) appKey: string;
  @Column({ type: 'varchar', length: 128 }) externalId: string;
  @Column({ type: 'varchar', length: 128, nullable: true }) unionId: string | null;
  @CreateDateColumn() createdAt: Date;
}
