import { MigrationInterface, QueryRunner } from "typeorm";

export class Dues1795314201638 implements MigrationInterface {
    name = 'Dues1795314201638'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "dues_account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "org_id" integer NOT NULL, "channel" varchar(10) NOT NULL, "status" varchar(10) NOT NULL, "form" text NOT NULL, "legal_id_cipher" varchar(120) NOT NULL, "legal_id_masked" varchar(20) NOT NULL, "bank_account_cipher" varchar(120) NOT NULL, "bank_account_masked" varchar(30) NOT NULL, "merchant_id" varchar(64), "reject_reason" varchar(200), "reviewed_by_user_id" integer, "reviewed_at" datetime, "created_by_user_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_1bdeeddbfca2370d670488dbb0" ON "dues_account" ("tenant_id", "status") `);
        await queryRunner.query(`CREATE INDEX "IDX_e50d135675c828cf929667a9ac" ON "dues_account" ("org_id", "status") `);
        await queryRunner.query(`CREATE TABLE "dues_bill" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "member_id" integer NOT NULL, "org_id" integer NOT NULL, "month" varchar(7) NOT NULL, "amount_fen" integer NOT NULL, "status" varchar(10) NOT NULL, "prepaid" boolean NOT NULL DEFAULT (0), "payment_id" integer, "hold_payment_id" integer, "paid_via" varchar(10), "paid_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_4d2c4e5bfa255d3f6632807471" ON "dues_bill" ("org_id", "month") `);
        await queryRunner.query(`CREATE INDEX "IDX_4e08099c1ba8d8e1815d3af43a" ON "dues_bill" ("tenant_id", "month", "status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1229d92a26f3fc08e22c0aa43a" ON "dues_bill" ("member_id", "month") `);
        await queryRunner.query(`CREATE TABLE "dues_journal" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "kind" varchar(10) NOT NULL, "payment_id" integer, "transfer_id" integer, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_0559328b8350857fdbc0df19f7" ON "dues_journal" ("tenant_id", "created_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9e40e509f4e144a14e5ddb4bf0" ON "dues_journal" ("kind", "transfer_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ece94176863e78d7b0623e3dab" ON "dues_journal" ("kind", "payment_id") `);
        await queryRunner.query(`CREATE TABLE "dues_ledger_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "journal_id" integer NOT NULL, "tenant_id" integer NOT NULL, "account" varchar(40) NOT NULL, "amount_fen" integer NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_beaa328722a8e36feea4b283eb" ON "dues_ledger_line" ("tenant_id", "account") `);
        await queryRunner.query(`CREATE INDEX "IDX_81dce945f356edb9f02371b1d2" ON "dues_ledger_line" ("journal_id") `);
        await queryRunner.query(`CREATE TABLE "dues_payment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "member_id" integer NOT NULL, "org_id" integer NOT NULL, "payer_user_id" integer, "payer_member_id" integer, "payer_name" varchar(50), "months" text NOT NULL, "dues_fen" integer NOT NULL, "voluntary_fen" integer NOT NULL, "amount_fen" integer NOT NULL, "to_central" boolean NOT NULL DEFAULT (0), "paid_via" varchar(10) NOT NULL, "status" varchar(10) NOT NULL, "idempotency_key" varchar(64), "order_id" integer, "order_no" varchar(32), "channel_tx_id" varchar(64), "account_id" integer, "transfer_id" integer, "receiver_name" varchar(50), "receipt_no" varchar(50), "recorded_by_user_id" integer, "recorded_by_name" varchar(50), "paid_at" datetime, "reversal_reason" varchar(200), "reversed_by_name" varchar(50), "reversed_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_36d7761ad5f49a79845a677ac7" ON "dues_payment" ("account_id", "status", "transfer_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_3eaeb89939c63ec8860988241b" ON "dues_payment" ("org_id", "paid_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_dc866c91b4a582e2f05a2357e8" ON "dues_payment" ("member_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_94b536837b8cf99275ff7b089c" ON "dues_payment" ("tenant_id", "status", "paid_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0f09f85e5b222b424b5a75ad0e" ON "dues_payment" ("payer_user_id", "idempotency_key") `);
        await queryRunner.query(`CREATE TABLE "dues_setting" ("tenant_id" integer PRIMARY KEY NOT NULL, "window_first_day" integer NOT NULL DEFAULT (1), "window_last_day" integer NOT NULL DEFAULT (20), "transfer_from_day" integer NOT NULL DEFAULT (22))`);
        await queryRunner.query(`CREATE TABLE "dues_standard" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "member_id" integer NOT NULL, "year" integer NOT NULL, "category" varchar(20) NOT NULL, "income_fen" integer, "farmer_fen" integer, "standard_fen" integer NOT NULL, "amount_fen" integer NOT NULL, "rule" varchar(200) NOT NULL, "hardship_fen" integer, "hardship_approved_by" varchar(100), "hardship_note" varchar(200), "source" varchar(20) NOT NULL, "locked_at" datetime, "set_by_user_id" integer, "set_by_name" varchar(50), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_47c3c1b0cef7cf5f0f758385ef" ON "dues_standard" ("tenant_id", "year") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_770510c91f8cb7476112ad5496" ON "dues_standard" ("member_id", "year") `);
        await queryRunner.query(`CREATE TABLE "dues_transfer" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "org_id" integer NOT NULL, "account_id" integer NOT NULL, "month" varchar(7) NOT NULL, "channel" varchar(10) NOT NULL, "amount_fen" integer NOT NULL, "payment_count" integer NOT NULL, "status" varchar(12) NOT NULL, "last_error" varchar(300), "created_by_user_id" integer NOT NULL, "created_by_name" varchar(50), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "done_at" datetime)`);
        await queryRunner.query(`CREATE INDEX "IDX_12acc1c0e3d2dd423f25f41779" ON "dues_transfer" ("tenant_id", "status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_245359db5e6761e77b3ee84c57" ON "dues_transfer" ("org_id", "month") `);
        await queryRunner.query(`CREATE TABLE "pay_order" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "out_trade_no" varchar(32) NOT NULL, "channel" varchar(10) NOT NULL, "platform" varchar(10) NOT NULL, "amount_fen" integer NOT NULL, "description" varchar(127) NOT NULL, "status" varchar(10) NOT NULL, "purpose" varchar(20) NOT NULL, "ref_id" integer NOT NULL, "payer_user_id" integer NOT NULL, "payer_external_id" varchar(128) NOT NULL, "pay_params" text, "channel_tx_id" varchar(64), "paid_at" datetime, "expires_at" datetime NOT NULL, "closed_at" datetime, "last_queried_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_e48f52152a53a1d367a1e21179" ON "pay_order" ("purpose", "ref_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_f7a3ae73ba33014a14d16b4c50" ON "pay_order" ("channel", "paid_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_2722b2e6880902fca49b3bd4b4" ON "pay_order" ("status", "expires_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e8db69eaa8f9b0b838c9473a71" ON "pay_order" ("channel_tx_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_356a4f4fa0346c1d00da4764f7" ON "pay_order" ("out_trade_no") `);
        await queryRunner.query(`CREATE TABLE "pay_split" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "batch_ref" integer NOT NULL, "order_id" integer NOT NULL, "out_split_no" varchar(32) NOT NULL, "channel" varchar(10) NOT NULL, "receiver_merchant_id" varchar(64) NOT NULL, "receiver_name" varchar(100) NOT NULL, "amount_fen" integer NOT NULL, "status" varchar(12) NOT NULL, "channel_split_id" varchar(64), "error" varchar(300), "attempts" integer NOT NULL DEFAULT (0), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_e7dc17ff06b177e2c92dd695a9" ON "pay_split" ("batch_ref", "status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d3ad5c6f7eb2f647d5bfedc008" ON "pay_split" ("order_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c2dd9252460c7327bbb7f92410" ON "pay_split" ("out_split_no") `);
        await queryRunner.query(`CREATE TABLE "recon_run" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "channel" varchar(10) NOT NULL, "bill_date" varchar(10) NOT NULL, "status" varchar(12) NOT NULL, "totals" text NOT NULL, "mismatches" text NOT NULL, "error" varchar(300), "ran_at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_bcc76a5c382c619abb1a235362" ON "recon_run" ("channel", "bill_date") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_bcc76a5c382c619abb1a235362"`);
        await queryRunner.query(`DROP TABLE "recon_run"`);
        await queryRunner.query(`DROP INDEX "IDX_c2dd9252460c7327bbb7f92410"`);
        await queryRunner.query(`DROP INDEX "IDX_d3ad5c6f7eb2f647d5bfedc008"`);
        await queryRunner.query(`DROP INDEX "IDX_e7dc17ff06b177e2c92dd695a9"`);
        await queryRunner.query(`DROP TABLE "pay_split"`);
        await queryRunner.query(`DROP INDEX "IDX_356a4f4fa0346c1d00da4764f7"`);
        await queryRunner.query(`DROP INDEX "IDX_e8db69eaa8f9b0b838c9473a71"`);
        await queryRunner.query(`DROP INDEX "IDX_2722b2e6880902fca49b3bd4b4"`);
        await queryRunner.query(`DROP INDEX "IDX_f7a3ae73ba33014a14d16b4c50"`);
        await queryRunner.query(`DROP INDEX "IDX_e48f52152a53a1d367a1e21179"`);
        await queryRunner.query(`DROP TABLE "pay_order"`);
        await queryRunner.query(`DROP INDEX "IDX_245359db5e6761e77b3ee84c57"`);
        await queryRunner.query(`DROP INDEX "IDX_12acc1c0e3d2dd423f25f41779"`);
        await queryRunner.query(`DROP TABLE "dues_transfer"`);
        await queryRunner.query(`DROP INDEX "IDX_770510c91f8cb7476112ad5496"`);
        await queryRunner.query(`DROP INDEX "IDX_47c3c1b0cef7cf5f0f758385ef"`);
        await queryRunner.query(`DROP TABLE "dues_standard"`);
        await queryRunner.query(`DROP TABLE "dues_setting"`);
        await queryRunner.query(`DROP INDEX "IDX_0f09f85e5b222b424b5a75ad0e"`);
        await queryRunner.query(`DROP INDEX "IDX_94b536837b8cf99275ff7b089c"`);
        await queryRunner.query(`DROP INDEX "IDX_dc866c91b4a582e2f05a2357e8"`);
        await queryRunner.query(`DROP INDEX "IDX_3eaeb89939c63ec8860988241b"`);
        await queryRunner.query(`DROP INDEX "IDX_36d7761ad5f49a79845a677ac7"`);
        await queryRunner.query(`DROP TABLE "dues_payment"`);
        await queryRunner.query(`DROP INDEX "IDX_81dce945f356edb9f02371b1d2"`);
        await queryRunner.query(`DROP INDEX "IDX_beaa328722a8e36feea4b283eb"`);
        await queryRunner.query(`DROP TABLE "dues_ledger_line"`);
        await queryRunner.query(`DROP INDEX "IDX_ece94176863e78d7b0623e3dab"`);
        await queryRunner.query(`DROP INDEX "IDX_9e40e509f4e144a14e5ddb4bf0"`);
        await queryRunner.query(`DROP INDEX "IDX_0559328b8350857fdbc0df19f7"`);
        await queryRunner.query(`DROP TABLE "dues_journal"`);
        await queryRunner.query(`DROP INDEX "IDX_1229d92a26f3fc08e22c0aa43a"`);
        await queryRunner.query(`DROP INDEX "IDX_4e08099c1ba8d8e1815d3af43a"`);
        await queryRunner.query(`DROP INDEX "IDX_4d2c4e5bfa255d3f6632807471"`);
        await queryRunner.query(`DROP TABLE "dues_bill"`);
        await queryRunner.query(`DROP INDEX "IDX_e50d135675c828cf929667a9ac"`);
        await queryRunner.query(`DROP INDEX "IDX_1bdeeddbfca2370d670488dbb0"`);
        await queryRunner.query(`DROP TABLE "dues_account"`);
    }

}
