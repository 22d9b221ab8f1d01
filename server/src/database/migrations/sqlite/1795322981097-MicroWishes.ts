import { MigrationInterface, QueryRunner } from "typeorm";

export class MicroWishes1795322981097 implements MigrationInterface {
    name = 'MicroWishes1795322981097'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_d721c4915bc6c2fdc468849eb1"`);
        await queryRunner.query(`DROP INDEX "IDX_3924dc5199c00bb71c19b722a3"`);
        await queryRunner.query(`DROP INDEX "IDX_bda0f4a3e979076642ccfcf338"`);
        await queryRunner.query(`DROP INDEX "IDX_791623dfc77760dfdad072fb20"`);
        await queryRunner.query(`CREATE TABLE "temporary_aid_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "kind" varchar(10) NOT NULL, "org_id" integer NOT NULL, "publisher_member_id" integer NOT NULL, "publisher_name" varchar(50) NOT NULL, "claimer_member_id" integer, "claimer_name" varchar(50), "state" varchar(20) NOT NULL, "title" varchar(100) NOT NULL, "content" text NOT NULL, "category" varchar(30), "images" text NOT NULL, "snapshot_column" varchar(20), "taken_at" datetime, "place" varchar(100), "reject_reason" varchar(500), "state_times" text NOT NULL, "like_count" integer NOT NULL DEFAULT (0), "share_count" integer NOT NULL DEFAULT (0), "created_by_user_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "contact_name" varchar(50), "contact_phone" varchar(20))`);
        await queryRunner.query(`INSERT INTO "temporary_aid_item"("id", "tenant_id", "kind", "org_id", "publisher_member_id", "publisher_name", "claimer_member_id", "claimer_name", "state", "title", "content", "category", "images", "snapshot_column", "taken_at", "place", "reject_reason", "state_times", "like_count", "share_count", "created_by_user_id", "created_at", "updated_at") SELECT "id", "tenant_id", "kind", "org_id", "publisher_member_id", "publisher_name", "claimer_member_id", "claimer_name", "state", "title", "content", "category", "images", "snapshot_column", "taken_at", "place", "reject_reason", "state_times", "like_count", "share_count", "created_by_user_id", "created_at", "updated_at" FROM "aid_item"`);
        await queryRunner.query(`DROP TABLE "aid_item"`);
        await queryRunner.query(`ALTER TABLE "temporary_aid_item" RENAME TO "aid_item"`);
        await queryRunner.query(`CREATE INDEX "IDX_d721c4915bc6c2fdc468849eb1" ON "aid_item" ("tenant_id", "kind", "state") `);
        await queryRunner.query(`CREATE INDEX "IDX_3924dc5199c00bb71c19b722a3" ON "aid_item" ("org_id", "kind", "state") `);
        await queryRunner.query(`CREATE INDEX "IDX_bda0f4a3e979076642ccfcf338" ON "aid_item" ("publisher_member_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_791623dfc77760dfdad072fb20" ON "aid_item" ("claimer_member_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_791623dfc77760dfdad072fb20"`);
        await queryRunner.query(`DROP INDEX "IDX_bda0f4a3e979076642ccfcf338"`);
        await queryRunner.query(`DROP INDEX "IDX_3924dc5199c00bb71c19b722a3"`);
        await queryRunner.query(`DROP INDEX "IDX_d721c4915bc6c2fdc468849eb1"`);
        await queryRunner.query(`ALTER TABLE "aid_item" RENAME TO "temporary_aid_item"`);
        await queryRunner.query(`CREATE TABLE "aid_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "kind" varchar(10) NOT NULL, "org_id" integer NOT NULL, "publisher_member_id" integer NOT NULL, "publisher_name" varchar(50) NOT NULL, "claimer_member_id" integer, "claimer_name" varchar(50), "state" varchar(20) NOT NULL, "title" varchar(100) NOT NULL, "content" text NOT NULL, "category" varchar(30), "images" text NOT NULL, "snapshot_column" varchar(20), "taken_at" datetime, "place" varchar(100), "reject_reason" varchar(500), "state_times" text NOT NULL, "like_count" integer NOT NULL DEFAULT (0), "share_count" integer NOT NULL DEFAULT (0), "created_by_user_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`INSERT INTO "aid_item"("id", "tenant_id", "kind", "org_id", "publisher_member_id", "publisher_name", "claimer_member_id", "claimer_name", "state", "title", "content", "category", "images", "snapshot_column", "taken_at", "place", "reject_reason", "state_times", "like_count", "share_count", "created_by_user_id", "created_at", "updated_at") SELECT "id", "tenant_id", "kind", "org_id", "publisher_member_id", "publisher_name", "claimer_member_id", "claimer_name", "state", "title", "content", "category", "images", "snapshot_column", "taken_at", "place", "reject_reason", "state_times", "like_count", "share_count", "created_by_user_id", "created_at", "updated_at" FROM "temporary_aid_item"`);
        await queryRunner.query(`DROP TABLE "temporary_aid_item"`);
        await queryRunner.query(`CREATE INDEX "IDX_791623dfc77760dfdad072fb20" ON "aid_item" ("claimer_member_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_bda0f4a3e979076642ccfcf338" ON "aid_item" ("publisher_member_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_3924dc5199c00bb71c19b722a3" ON "aid_item" ("org_id", "kind", "state") `);
        await queryRunner.query(`CREATE INDEX "IDX_d721c4915bc6c2fdc468849eb1" ON "aid_item" ("tenant_id", "kind", "state") `);
    }

}
