import { MigrationInterface, QueryRunner } from "typeorm";

export class MutualAid1795317925095 implements MigrationInterface {
    name = 'MutualAid1795317925095'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "aid_comment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "item_id" integer NOT NULL, "user_id" integer NOT NULL, "member_id" integer, "author_name" varchar(50) NOT NULL, "content" varchar(500) NOT NULL, "approved" boolean NOT NULL DEFAULT (0), "approved_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_06206fc488576deaab009f5190" ON "aid_comment" ("item_id", "id") `);
        await queryRunner.query(`CREATE TABLE "aid_like" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "item_id" integer NOT NULL, "user_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2b526416150328d8bbbf3838ec" ON "aid_like" ("item_id", "user_id") `);
        await queryRunner.query(`CREATE TABLE "aid_blacklist" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "member_id" integer NOT NULL, "reason" varchar(200) NOT NULL, "by_user_id" integer NOT NULL, "by_name" varchar(50) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9a6c4644e9614d519bbd2cb12e" ON "aid_blacklist" ("tenant_id", "member_id") `);
        await queryRunner.query(`CREATE TABLE "aid_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "kind" varchar(10) NOT NULL, "org_id" integer NOT NULL, "publisher_member_id" integer NOT NULL, "publisher_name" varchar(50) NOT NULL, "claimer_member_id" integer, "claimer_name" varchar(50), "state" varchar(20) NOT NULL, "title" varchar(100) NOT NULL, "content" text NOT NULL, "category" varchar(30), "images" text NOT NULL, "snapshot_column" varchar(20), "taken_at" datetime, "place" varchar(100), "reject_reason" varchar(500), "state_times" text NOT NULL, "like_count" integer NOT NULL DEFAULT (0), "share_count" integer NOT NULL DEFAULT (0), "created_by_user_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_791623dfc77760dfdad072fb20" ON "aid_item" ("claimer_member_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_bda0f4a3e979076642ccfcf338" ON "aid_item" ("publisher_member_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_3924dc5199c00bb71c19b722a3" ON "aid_item" ("org_id", "kind", "state") `);
        await queryRunner.query(`CREATE INDEX "IDX_d721c4915bc6c2fdc468849eb1" ON "aid_item" ("tenant_id", "kind", "state") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_d721c4915bc6c2fdc468849eb1"`);
        await queryRunner.query(`DROP INDEX "IDX_3924dc5199c00bb71c19b722a3"`);
        await queryRunner.query(`DROP INDEX "IDX_bda0f4a3e979076642ccfcf338"`);
        await queryRunner.query(`DROP INDEX "IDX_791623dfc77760dfdad072fb20"`);
        await queryRunner.query(`DROP TABLE "aid_item"`);
        await queryRunner.query(`DROP INDEX "IDX_9a6c4644e9614d519bbd2cb12e"`);
        await queryRunner.query(`DROP TABLE "aid_blacklist"`);
        await queryRunner.query(`DROP INDEX "IDX_2b526416150328d8bbbf3838ec"`);
        await queryRunner.query(`DROP TABLE "aid_like"`);
        await queryRunner.query(`DROP INDEX "IDX_06206fc488576deaab009f5190"`);
        await queryRunner.query(`DROP TABLE "aid_comment"`);
    }

}
