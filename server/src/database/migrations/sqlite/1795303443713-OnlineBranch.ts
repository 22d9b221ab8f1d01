import { MigrationInterface, QueryRunner } from "typeorm";

export class OnlineBranch1795303443713 implements MigrationInterface {
    name = 'OnlineBranch1795303443713'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "branch_comment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "post_id" integer NOT NULL, "author_user_id" integer NOT NULL, "author_name" varchar(50) NOT NULL, "content" varchar(500) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_c201f35fecb5dd1b1f9ff80aa3" ON "branch_comment" ("post_id", "id") `);
        await queryRunner.query(`CREATE TABLE "branch_like" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "post_id" integer NOT NULL, "user_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_51e506c9a9b7c9adb99221ed02" ON "branch_like" ("post_id", "user_id") `);
        await queryRunner.query(`CREATE TABLE "branch_read" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "post_id" integer NOT NULL, "user_id" integer NOT NULL, "member_id" integer, "seconds" integer NOT NULL DEFAULT (0), "read_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_1590a2e70738567795c48b29fe" ON "branch_read" ("user_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a7b96ac2efcc366187103e6de7" ON "branch_read" ("post_id", "user_id") `);
        await queryRunner.query(`CREATE TABLE "branch_post" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "org_id" integer NOT NULL, "kind" varchar(20) NOT NULL, "author_user_id" integer NOT NULL, "author_member_id" integer, "author_name" varchar(50) NOT NULL, "title" varchar(60), "content" text NOT NULL, "images" text NOT NULL, "held_at" datetime, "starts_at" datetime, "ends_at" datetime, "scope_org_id" integer, "closes_at" datetime, "reply" text, "replier_name" varchar(50), "replied_at" datetime, "like_count" integer NOT NULL DEFAULT (0), "comment_count" integer NOT NULL DEFAULT (0), "last_reminded_at" datetime, "edited_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_c2a996351d3758a4b3446147c7" ON "branch_post" ("author_user_id", "kind") `);
        await queryRunner.query(`CREATE INDEX "IDX_89af8b7d72ef698bc853ae34e7" ON "branch_post" ("org_id", "kind", "id") `);
        await queryRunner.query(`CREATE TABLE "stored_file" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer, "uploader_user_id" integer NOT NULL, "file_key" varchar(64) NOT NULL, "mime" varchar(30) NOT NULL, "size" integer NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_e2da1e1929014506422d5cc583" ON "stored_file" ("uploader_user_id", "created_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ba92e7da086272e81069f79adf" ON "stored_file" ("file_key") `);
        await queryRunner.query(`CREATE TABLE "app_message" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer, "user_id" integer NOT NULL, "title" varchar(100) NOT NULL, "body" varchar(500) NOT NULL, "link" varchar(200), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "read_at" datetime)`);
        await queryRunner.query(`CREATE INDEX "IDX_1c2a713e4c3abf02410207ef2f" ON "app_message" ("user_id", "read_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_6e421b992f7b9cc00815820194" ON "app_message" ("user_id", "id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_6e421b992f7b9cc00815820194"`);
        await queryRunner.query(`DROP INDEX "IDX_1c2a713e4c3abf02410207ef2f"`);
        await queryRunner.query(`DROP TABLE "app_message"`);
        await queryRunner.query(`DROP INDEX "IDX_ba92e7da086272e81069f79adf"`);
        await queryRunner.query(`DROP INDEX "IDX_e2da1e1929014506422d5cc583"`);
        await queryRunner.query(`DROP TABLE "stored_file"`);
        await queryRunner.query(`DROP INDEX "IDX_89af8b7d72ef698bc853ae34e7"`);
        await queryRunner.query(`DROP INDEX "IDX_c2a996351d3758a4b3446147c7"`);
        await queryRunner.query(`DROP TABLE "branch_post"`);
        await queryRunner.query(`DROP INDEX "IDX_a7b96ac2efcc366187103e6de7"`);
        await queryRunner.query(`DROP INDEX "IDX_1590a2e70738567795c48b29fe"`);
        await queryRunner.query(`DROP TABLE "branch_read"`);
        await queryRunner.query(`DROP INDEX "IDX_51e506c9a9b7c9adb99221ed02"`);
        await queryRunner.query(`DROP TABLE "branch_like"`);
        await queryRunner.query(`DROP INDEX "IDX_c201f35fecb5dd1b1f9ff80aa3"`);
        await queryRunner.query(`DROP TABLE "branch_comment"`);
    }

}
