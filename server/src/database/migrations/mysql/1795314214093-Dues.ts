import { MigrationInterface, QueryRunner } from "typeorm";

export class Dues1795314214093 implements MigrationInterface {
    name = 'Dues1795314214093'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`dues_account\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`org_id\` int NOT NULL, \`channel\` varchar(10) NOT NULL, \`status\` varchar(10) NOT NULL, \`form\` text NOT NULL, \`legal_id_cipher\` varchar(120) NOT NULL, \`legal_id_masked\` varchar(20) NOT NULL, \`bank_account_cipher\` varchar(120) NOT NULL, \`bank_account_masked\` varchar(30) NOT NULL, \`merchant_id\` varchar(64) NULL, \`reject_reason\` varchar(200) NULL, \`reviewed_by_user_id\` int NULL, \`reviewed_at\` datetime NULL, \`created_by_user_id\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_1bdeeddbfca2370d670488dbb0\` (\`tenant_id\`, \`status\`), INDEX \`IDX_e50d135675c828cf929667a9ac\` (\`org_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`dues_bill\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`member_id\` int NOT NULL, \`org_id\` int NOT NULL, \`month\` varchar(7) NOT NULL, \`amount_fen\` int NOT NULL, \`status\` varchar(10) NOT NULL, \`prepaid\` tinyint NOT NULL DEFAULT 0, \`payment_id\` int NULL, \`hold_payment_id\` int NULL, \`paid_via\` varchar(10) NULL, \`paid_at\` datetime NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_4d2c4e5bfa255d3f6632807471\` (\`org_id\`, \`month\`), INDEX \`IDX_4e08099c1ba8d8e1815d3af43a\` (\`tenant_id\`, \`month\`, \`status\`), UNIQUE INDEX \`IDX_1229d92a26f3fc08e22c0aa43a\` (\`member_id\`, \`month\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`dues_journal\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`kind\` varchar(10) NOT NULL, \`payment_id\` int NULL, \`transfer_id\` int NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_0559328b8350857fdbc0df19f7\` (\`tenant_id\`, \`created_at\`), UNIQUE INDEX \`IDX_9e40e509f4e144a14e5ddb4bf0\` (\`kind\`, \`transfer_id\`), UNIQUE INDEX \`IDX_ece94176863e78d7b0623e3dab\` (\`kind\`, \`payment_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`dues_ledger_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`journal_id\` int NOT NULL, \`tenant_id\` int NOT NULL, \`account\` varchar(40) NOT NULL, \`amount_fen\` int NOT NULL, INDEX \`IDX_beaa328722a8e36feea4b283eb\` (\`tenant_id\`, \`account\`), INDEX \`IDX_81dce945f356edb9f02371b1d2\` (\`journal_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`dues_payment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`member_id\` int NOT NULL, \`org_id\` int NOT NULL, \`payer_user_id\` int NULL, \`payer_member_id\` int NULL, \`payer_name\` varchar(50) NULL, \`months\` text NOT NULL, \`dues_fen\` int NOT NULL, \`voluntary_fen\` int NOT NULL, \`amount_fen\` int NOT NULL, \`to_central\` tinyint NOT NULL DEFAULT 0, \`paid_via\` varchar(10) NOT NULL, \`status\` varchar(10) NOT NULL, \`idempotency_key\` varchar(64) NULL, \`order_id\` int NULL, \`order_no\` varchar(32) NULL, \`channel_tx_id\` varchar(64) NULL, \`account_id\` int NULL, \`transfer_id\` int NULL, \`receiver_name\` varchar(50) NULL, \`receipt_no\` varchar(50) NULL, \`recorded_by_user_id\` int NULL, \`recorded_by_name\` varchar(50) NULL, \`paid_at\` datetime NULL, \`reversal_reason\` varchar(200) NULL, \`reversed_by_name\` varchar(50) NULL, \`reversed_at\` datetime NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_36d7761ad5f49a79845a677ac7\` (\`account_id\`, \`status\`, \`transfer_id\`), INDEX \`IDX_3eaeb89939c63ec8860988241b\` (\`org_id\`, \`paid_at\`), INDEX \`IDX_dc866c91b4a582e2f05a2357e8\` (\`member_id\`), INDEX \`IDX_94b536837b8cf99275ff7b089c\` (\`tenant_id\`, \`status\`, \`paid_at\`), UNIQUE INDEX \`IDX_0f09f85e5b222b424b5a75ad0e\` (\`payer_user_id\`, \`idempotency_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`dues_setting\` (\`tenant_id\` int NOT NULL, \`window_first_day\` int NOT NULL DEFAULT '1', \`window_last_day\` int NOT NULL DEFAULT '20', \`transfer_from_day\` int NOT NULL DEFAULT '22', PRIMARY KEY (\`tenant_id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`dues_standard\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`member_id\` int NOT NULL, \`year\` int NOT NULL, \`category\` varchar(20) NOT NULL, \`income_fen\` int NULL, \`farmer_fen\` int NULL, \`standard_fen\` int NOT NULL, \`amount_fen\` int NOT NULL, \`rule\` varchar(200) NOT NULL, \`hardship_fen\` int NULL, \`hardship_approved_by\` varchar(100) NULL, \`hardship_note\` varchar(200) NULL, \`source\` varchar(20) NOT NULL, \`locked_at\` datetime NULL, \`set_by_user_id\` int NULL, \`set_by_name\` varchar(50) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_47c3c1b0cef7cf5f0f758385ef\` (\`tenant_id\`, \`year\`), UNIQUE INDEX \`IDX_770510c91f8cb7476112ad5496\` (\`member_id\`, \`year\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`dues_transfer\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`org_id\` int NOT NULL, \`account_id\` int NOT NULL, \`month\` varchar(7) NOT NULL, \`channel\` varchar(10) NOT NULL, \`amount_fen\` int NOT NULL, \`payment_count\` int NOT NULL, \`status\` varchar(12) NOT NULL, \`last_error\` varchar(300) NULL, \`created_by_user_id\` int NOT NULL, \`created_by_name\` varchar(50) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`done_at\` datetime NULL, INDEX \`IDX_12acc1c0e3d2dd423f25f41779\` (\`tenant_id\`, \`status\`), UNIQUE INDEX \`IDX_245359db5e6761e77b3ee84c57\` (\`org_id\`, \`month\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`pay_order\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`out_trade_no\` varchar(32) NOT NULL, \`channel\` varchar(10) NOT NULL, \`platform\` varchar(10) NOT NULL, \`amount_fen\` int NOT NULL, \`description\` varchar(127) NOT NULL, \`status\` varchar(10) NOT NULL, \`purpose\` varchar(20) NOT NULL, \`ref_id\` int NOT NULL, \`payer_user_id\` int NOT NULL, \`payer_external_id\` varchar(128) NOT NULL, \`pay_params\` text NULL, \`channel_tx_id\` varchar(64) NULL, \`paid_at\` datetime NULL, \`expires_at\` datetime NOT NULL, \`closed_at\` datetime NULL, \`last_queried_at\` datetime NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_e48f52152a53a1d367a1e21179\` (\`purpose\`, \`ref_id\`), INDEX \`IDX_f7a3ae73ba33014a14d16b4c50\` (\`channel\`, \`paid_at\`), INDEX \`IDX_2722b2e6880902fca49b3bd4b4\` (\`status\`, \`expires_at\`), UNIQUE INDEX \`IDX_e8db69eaa8f9b0b838c9473a71\` (\`channel_tx_id\`), UNIQUE INDEX \`IDX_356a4f4fa0346c1d00da4764f7\` (\`out_trade_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`pay_split\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`batch_ref\` int NOT NULL, \`order_id\` int NOT NULL, \`out_split_no\` varchar(32) NOT NULL, \`channel\` varchar(10) NOT NULL, \`receiver_merchant_id\` varchar(64) NOT NULL, \`receiver_name\` varchar(100) NOT NULL, \`amount_fen\` int NOT NULL, \`status\` varchar(12) NOT NULL, \`channel_split_id\` varchar(64) NULL, \`error\` varchar(300) NULL, \`attempts\` int NOT NULL DEFAULT '0', \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_e7dc17ff06b177e2c92dd695a9\` (\`batch_ref\`, \`status\`), UNIQUE INDEX \`IDX_d3ad5c6f7eb2f647d5bfedc008\` (\`order_id\`), UNIQUE INDEX \`IDX_c2dd9252460c7327bbb7f92410\` (\`out_split_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`recon_run\` (\`id\` int NOT NULL AUTO_INCREMENT, \`channel\` varchar(10) NOT NULL, \`bill_date\` varchar(10) NOT NULL, \`status\` varchar(12) NOT NULL, \`totals\` text NOT NULL, \`mismatches\` text NOT NULL, \`error\` varchar(300) NULL, \`ran_at\` datetime NOT NULL, UNIQUE INDEX \`IDX_bcc76a5c382c619abb1a235362\` (\`channel\`, \`bill_date\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_bcc76a5c382c619abb1a235362\` ON \`recon_run\``);
        await queryRunner.query(`DROP TABLE \`recon_run\``);
        await queryRunner.query(`DROP INDEX \`IDX_c2dd9252460c7327bbb7f92410\` ON \`pay_split\``);
        await queryRunner.query(`DROP INDEX \`IDX_d3ad5c6f7eb2f647d5bfedc008\` ON \`pay_split\``);
        await queryRunner.query(`DROP INDEX \`IDX_e7dc17ff06b177e2c92dd695a9\` ON \`pay_split\``);
        await queryRunner.query(`DROP TABLE \`pay_split\``);
        await queryRunner.query(`DROP INDEX \`IDX_356a4f4fa0346c1d00da4764f7\` ON \`pay_order\``);
        await queryRunner.query(`DROP INDEX \`IDX_e8db69eaa8f9b0b838c9473a71\` ON \`pay_order\``);
        await queryRunner.query(`DROP INDEX \`IDX_2722b2e6880902fca49b3bd4b4\` ON \`pay_order\``);
        await queryRunner.query(`DROP INDEX \`IDX_f7a3ae73ba33014a14d16b4c50\` ON \`pay_order\``);
        await queryRunner.query(`DROP INDEX \`IDX_e48f52152a53a1d367a1e21179\` ON \`pay_order\``);
        await queryRunner.query(`DROP TABLE \`pay_order\``);
        await queryRunner.query(`DROP INDEX \`IDX_245359db5e6761e77b3ee84c57\` ON \`dues_transfer\``);
        await queryRunner.query(`DROP INDEX \`IDX_12acc1c0e3d2dd423f25f41779\` ON \`dues_transfer\``);
        await queryRunner.query(`DROP TABLE \`dues_transfer\``);
        await queryRunner.query(`DROP INDEX \`IDX_770510c91f8cb7476112ad5496\` ON \`dues_standard\``);
        await queryRunner.query(`DROP INDEX \`IDX_47c3c1b0cef7cf5f0f758385ef\` ON \`dues_standard\``);
        await queryRunner.query(`DROP TABLE \`dues_standard\``);
        await queryRunner.query(`DROP TABLE \`dues_setting\``);
        await queryRunner.query(`DROP INDEX \`IDX_0f09f85e5b222b424b5a75ad0e\` ON \`dues_payment\``);
        await queryRunner.query(`DROP INDEX \`IDX_94b536837b8cf99275ff7b089c\` ON \`dues_payment\``);
        await queryRunner.query(`DROP INDEX \`IDX_dc866c91b4a582e2f05a2357e8\` ON \`dues_payment\``);
        await queryRunner.query(`DROP INDEX \`IDX_3eaeb89939c63ec8860988241b\` ON \`dues_payment\``);
        await queryRunner.query(`DROP INDEX \`IDX_36d7761ad5f49a79845a677ac7\` ON \`dues_payment\``);
        await queryRunner.query(`DROP TABLE \`dues_payment\``);
        await queryRunner.query(`DROP INDEX \`IDX_81dce945f356edb9f02371b1d2\` ON \`dues_ledger_line\``);
        await queryRunner.query(`DROP INDEX \`IDX_beaa328722a8e36feea4b283eb\` ON \`dues_ledger_line\``);
        await queryRunner.query(`DROP TABLE \`dues_ledger_line\``);
        await queryRunner.query(`DROP INDEX \`IDX_ece94176863e78d7b0623e3dab\` ON \`dues_journal\``);
        await queryRunner.query(`DROP INDEX \`IDX_9e40e509f4e144a14e5ddb4bf0\` ON \`dues_journal\``);
        await queryRunner.query(`DROP INDEX \`IDX_0559328b8350857fdbc0df19f7\` ON \`dues_journal\``);
        await queryRunner.query(`DROP TABLE \`dues_journal\``);
        await queryRunner.query(`DROP INDEX \`IDX_1229d92a26f3fc08e22c0aa43a\` ON \`dues_bill\``);
        await queryRunner.query(`DROP INDEX \`IDX_4e08099c1ba8d8e1815d3af43a\` ON \`dues_bill\``);
        await queryRunner.query(`DROP INDEX \`IDX_4d2c4e5bfa255d3f6632807471\` ON \`dues_bill\``);
        await queryRunner.query(`DROP TABLE \`dues_bill\``);
        await queryRunner.query(`DROP INDEX \`IDX_e50d135675c828cf929667a9ac\` ON \`dues_account\``);
        await queryRunner.query(`DROP INDEX \`IDX_1bdeeddbfca2370d670488dbb0\` ON \`dues_account\``);
        await queryRunner.query(`DROP TABLE \`dues_account\``);
    }

}
