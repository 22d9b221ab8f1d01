import { MigrationInterface, QueryRunner } from "typeorm";

export class Mall1795318701215 implements MigrationInterface {
    name = 'Mall1795318701215'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "mall_category" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "name" varchar(30) NOT NULL, "sort_order" integer NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_8be20b4a5971db58dbb5bf213f" ON "mall_category" ("tenant_id", "sort_order") `);
        await queryRunner.query(`CREATE TABLE "mall_goods" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "category_id" integer NOT NULL, "kind" varchar(10) NOT NULL, "name" varchar(60) NOT NULL, "description" varchar(1000) NOT NULL DEFAULT (''), "points_price" integer NOT NULL, "stock" integer NOT NULL, "images" text NOT NULL, "enabled" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_ec829e52d76c9e507fd4a248be" ON "mall_goods" ("tenant_id", "category_id", "enabled") `);
        await queryRunner.query(`CREATE TABLE "mall_wallet" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "member_id" integer NOT NULL, "spent" integer NOT NULL DEFAULT (0))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_32f7250ac70c9b7830cb975fb8" ON "mall_wallet" ("member_id") `);
        await queryRunner.query(`CREATE TABLE "mall_order" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "order_no" varchar(20) NOT NULL, "pickup_code" varchar(6) NOT NULL, "open_code" varchar(6), "member_id" integer NOT NULL, "member_name" varchar(50) NOT NULL, "goods_id" integer NOT NULL, "goods_name" varchar(60) NOT NULL, "unit_points" integer NOT NULL, "quantity" integer NOT NULL, "points" integer NOT NULL, "status" varchar(12) NOT NULL, "picked_up_at" datetime, "picked_up_by_name" varchar(50), "cancelled_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_4a396f35cb1ddf9008b6242015" ON "mall_order" ("member_id", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_f868848dacef93ed0e638c99a0" ON "mall_order" ("tenant_id", "status", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_819319112a7d7b46ef3fecc330" ON "mall_order" ("tenant_id", "pickup_code") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f9408d2edd0099c85b243ecc58" ON "mall_order" ("tenant_id", "open_code") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b14d60c9e98b211368bef2ab13" ON "mall_order" ("order_no") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_b14d60c9e98b211368bef2ab13"`);
        await queryRunner.query(`DROP INDEX "IDX_f9408d2edd0099c85b243ecc58"`);
        await queryRunner.query(`DROP INDEX "IDX_819319112a7d7b46ef3fecc330"`);
        await queryRunner.query(`DROP INDEX "IDX_f868848dacef93ed0e638c99a0"`);
        await queryRunner.query(`DROP INDEX "IDX_4a396f35cb1ddf9008b6242015"`);
        await queryRunner.query(`DROP TABLE "mall_order"`);
        await queryRunner.query(`DROP INDEX "IDX_32f7250ac70c9b7830cb975fb8"`);
        await queryRunner.query(`DROP TABLE "mall_wallet"`);
        await queryRunner.query(`DROP INDEX "IDX_ec829e52d76c9e507fd4a248be"`);
        await queryRunner.query(`DROP TABLE "mall_goods"`);
        await queryRunner.query(`DROP INDEX "IDX_8be20b4a5971db58dbb5bf213f"`);
        await queryRunner.query(`DROP TABLE "mall_category"`);
    }

}
