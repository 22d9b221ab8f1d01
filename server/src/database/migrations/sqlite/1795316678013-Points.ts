import { MigrationInterface, QueryRunner } from "typeorm";

export class Points1795316678013 implements MigrationInterface {
    name = 'Points1795316678013'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "points_cap" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "member_id" integer NOT NULL, "rule_code" varchar(40) NOT NULL, "period_key" varchar(12) NOT NULL, "earned" integer NOT NULL DEFAULT (0))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_50cbb4804003335b5abdf7d7a6" ON "points_cap" ("member_id", "rule_code", "period_key") `);
        await queryRunner.query(`CREATE TABLE "points_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "member_id" integer NOT NULL, "org_id" integer NOT NULL, "rule_code" varchar(40) NOT NULL, "category" varchar(20) NOT NULL, "points" integer NOT NULL, "period_key" varchar(12) NOT NULL, "source_type" varchar(20) NOT NULL, "source_id" varchar(40) NOT NULL, "created_at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_70c53acf430d85e76d2a0da124" ON "points_entry" ("member_id", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3ce6cf21429a44840ea0b89db5" ON "points_entry" ("tenant_id", "rule_code", "member_id", "source_type", "source_id") `);
        await queryRunner.query(`CREATE TABLE "points_total" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "member_id" integer NOT NULL, "org_id" integer NOT NULL, "period_key" varchar(7) NOT NULL, "category" varchar(20) NOT NULL, "total" integer NOT NULL DEFAULT (0))`);
        await queryRunner.query(`CREATE INDEX "IDX_f9c086b12c334e275c410164eb" ON "points_total" ("org_id", "period_key", "category", "total") `);
        await queryRunner.query(`CREATE INDEX "IDX_41cb8748130e0d6d15cc5041b0" ON "points_total" ("tenant_id", "period_key", "category", "total") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1d048426f272d0568ad86e450a" ON "points_total" ("member_id", "period_key", "category") `);
        await queryRunner.query(`CREATE TABLE "points_rule" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "code" varchar(40) NOT NULL, "category" varchar(20) NOT NULL, "name" varchar(60) NOT NULL, "points" integer NOT NULL, "cap" integer, "cap_period" varchar(10) NOT NULL, "enabled" boolean NOT NULL DEFAULT (1), "builtin" boolean NOT NULL DEFAULT (0), "declared" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1c5cd8565a518e9be94afcf189" ON "points_rule" ("tenant_id", "code") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_1c5cd8565a518e9be94afcf189"`);
        await queryRunner.query(`DROP TABLE "points_rule"`);
        await queryRunner.query(`DROP INDEX "IDX_1d048426f272d0568ad86e450a"`);
        await queryRunner.query(`DROP INDEX "IDX_41cb8748130e0d6d15cc5041b0"`);
        await queryRunner.query(`DROP INDEX "IDX_f9c086b12c334e275c410164eb"`);
        await queryRunner.query(`DROP TABLE "points_total"`);
        await queryRunner.query(`DROP INDEX "IDX_3ce6cf21429a44840ea0b89db5"`);
        await queryRunner.query(`DROP INDEX "IDX_70c53acf430d85e76d2a0da124"`);
        await queryRunner.query(`DROP TABLE "points_entry"`);
        await queryRunner.query(`DROP INDEX "IDX_50cbb4804003335b5abdf7d7a6"`);
        await queryRunner.query(`DROP TABLE "points_cap"`);
    }

}
