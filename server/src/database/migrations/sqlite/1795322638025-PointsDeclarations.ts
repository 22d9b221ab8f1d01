import { MigrationInterface, QueryRunner } from "typeorm";

export class PointsDeclarations1795322638025 implements MigrationInterface {
    name = 'PointsDeclarations1795322638025'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "points_declaration" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "member_id" integer NOT NULL, "member_name" varchar(50) NOT NULL, "org_id" integer NOT NULL, "rule_code" varchar(40) NOT NULL, "rule_name" varchar(60) NOT NULL, "category" varchar(20) NOT NULL, "points" integer NOT NULL, "awarded" integer NOT NULL DEFAULT (0), "content" text NOT NULL, "images" text NOT NULL, "state" varchar(10) NOT NULL, "reviewer_user_id" integer, "reviewer_name" varchar(50), "reviewed_at" datetime, "reason" varchar(500), "overturned" boolean NOT NULL DEFAULT (0), "created_by_user_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_6e55d26ad96fe841727cc0fb2f" ON "points_declaration" ("member_id", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_8613371da1bfec4713506fe03b" ON "points_declaration" ("org_id", "state", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_462cd9a4e1b1cebfde7577cad7" ON "points_declaration" ("tenant_id", "state", "id") `);
        await queryRunner.query(`CREATE TABLE "points_org_average" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "org_id" integer NOT NULL, "period_key" varchar(7) NOT NULL, "member_count" integer NOT NULL DEFAULT (0), "total" bigint NOT NULL DEFAULT (0), "average_tenths" integer NOT NULL DEFAULT (0), "computed_at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_9025e2883a2844fdd80fd0b2ec" ON "points_org_average" ("tenant_id", "period_key") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_623f70e0cb8e82173737a4a30e" ON "points_org_average" ("org_id", "period_key") `);
        await queryRunner.query(`CREATE TABLE "points_setting" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "rankings_enabled" boolean NOT NULL DEFAULT (1), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2b52c356453b646b8d114f6ed8" ON "points_setting" ("tenant_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_2b52c356453b646b8d114f6ed8"`);
        await queryRunner.query(`DROP TABLE "points_setting"`);
        await queryRunner.query(`DROP INDEX "IDX_623f70e0cb8e82173737a4a30e"`);
        await queryRunner.query(`DROP INDEX "IDX_9025e2883a2844fdd80fd0b2ec"`);
        await queryRunner.query(`DROP TABLE "points_org_average"`);
        await queryRunner.query(`DROP INDEX "IDX_462cd9a4e1b1cebfde7577cad7"`);
        await queryRunner.query(`DROP INDEX "IDX_8613371da1bfec4713506fe03b"`);
        await queryRunner.query(`DROP INDEX "IDX_6e55d26ad96fe841727cc0fb2f"`);
        await queryRunner.query(`DROP TABLE "points_declaration"`);
    }

}
