import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795294442055 implements MigrationInterface {
    name = 'Init1795294442055'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`audit_log\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NULL, \`actor_user_id\` int NULL, \`actor_name\` varchar(64) NOT NULL, \`action\` varchar(64) NOT NULL, \`target_type\` varchar(32) NOT NULL, \`target_id\` varchar(64) NULL, \`ip\` varchar(64) NULL, \`detail\` json NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_ad217a94f778851d62c38b82d4\` (\`tenant_id\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`platform_identity\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`platform\` varchar(10) NOT NULL, \`app_key\` varchar(64) NOT NULL, \`external_id\` varchar(128) NOT NULL, \`union_id\` varchar(128) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_ba3e7409c68fee8e1ca6bedcd1\` (\`user_id\`), UNIQUE INDEX \`IDX_099a77fd2852d2a6447e99984e\` (\`platform\`, \`app_key\`, \`external_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`user_session\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`refresh_hash\` varchar(64) NOT NULL, \`previous_hash\` varchar(64) NULL, \`client\` varchar(10) NOT NULL, \`expires_at\` datetime NOT NULL, \`last_seen_at\` datetime NOT NULL, \`revoked_at\` datetime NULL, \`ip\` varchar(64) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_81c2e59537b130498d5cff37a8\` (\`refresh_hash\`), INDEX \`IDX_afb2d9679c37fe75d30af81bde\` (\`previous_hash\`), INDEX \`IDX_51fea59e2773198db721f9a885\` (\`user_id\`, \`revoked_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`user_role\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`tenant_id\` int NULL, \`role\` varchar(20) NOT NULL, \`org_id\` int NULL, \`source\` varchar(20) NOT NULL DEFAULT 'assigned', \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_8e955201454d851f6cecad706f\` (\`tenant_id\`, \`org_id\`, \`role\`), INDEX \`IDX_d0e5815877f7395a198a4cb0a4\` (\`user_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`sms_outbox\` (\`id\` int NOT NULL AUTO_INCREMENT, \`phone\` varchar(20) NOT NULL, \`purpose\` varchar(20) NOT NULL, \`code\` varchar(10) NOT NULL, \`text\` varchar(300) NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_1b2ee26dc37ccc0f50fff8aea4\` (\`phone\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`user_account\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NULL, \`member_id\` int NULL, \`username\` varchar(50) NULL, \`phone\` varchar(20) NULL, \`display_name\` varchar(50) NOT NULL, \`password_hash\` varchar(200) NULL, \`must_change_password\` tinyint NOT NULL DEFAULT 0, \`failed_logins\` int NOT NULL DEFAULT '0', \`locked_at\` datetime NULL, \`disabled_at\` datetime NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_3c4d4fae641bf9048ad324ee0d\` (\`username\`), INDEX \`IDX_6896be44825e6dd348fdddd2ab\` (\`phone\`), UNIQUE INDEX \`IDX_b82c5890a6945279a098bc8b10\` (\`member_id\`), UNIQUE INDEX \`IDX_081af695ffa6c205ead4e7de85\` (\`tenant_id\`, \`username\`), UNIQUE INDEX \`IDX_3c5bc7820ce5649f66eaa779bc\` (\`tenant_id\`, \`phone\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`org_post\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`org_id\` int NOT NULL, \`member_id\` int NOT NULL, \`post\` varchar(32) NOT NULL, \`term_start\` date NOT NULL, \`term_end\` date NULL, \`ended_at\` datetime NULL, \`term_id\` int NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_f99a538fad6b161903b981c545\` (\`member_id\`), INDEX \`IDX_b351d0347fa33ca042e16c2657\` (\`tenant_id\`, \`org_id\`, \`ended_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`org_term\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`org_id\` int NOT NULL, \`term_no\` int NOT NULL, \`elected_at\` date NOT NULL, \`term_years\` int NOT NULL, \`note\` varchar(500) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_12cf8184b4b7126c29abb50407\` (\`tenant_id\`, \`org_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`member\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`org_id\` int NOT NULL, \`name\` varchar(50) NOT NULL, \`gender\` varchar(10) NOT NULL, \`ethnicity\` varchar(20) NOT NULL DEFAULT '汉族', \`birth_date\` date NOT NULL, \`education\` varchar(20) NULL, \`member_type\` varchar(20) NOT NULL, \`join_date\` date NOT NULL, \`regular_date\` date NULL, \`phone\` varchar(20) NULL, \`id_cipher\` varchar(120) NOT NULL, \`id_hash\` varchar(64) NOT NULL, \`id_masked\` varchar(20) NOT NULL, \`status\` varchar(20) NOT NULL DEFAULT 'active', \`activated_at\` datetime NULL, \`deleted_at\` datetime NULL, \`deleted_reason\` varchar(200) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_ea6c06cf3573167b8cbc3f64c8\` (\`id_hash\`), INDEX \`IDX_7f1f4192789d9d00a7c57ee6cd\` (\`tenant_id\`, \`phone\`), UNIQUE INDEX \`IDX_006e49580bc3575eaf77a16a4e\` (\`tenant_id\`, \`id_hash\`), INDEX \`IDX_d0477b7fffc07f6987e71fd965\` (\`tenant_id\`, \`status\`, \`org_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`organization\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`name\` varchar(100) NOT NULL, \`type\` varchar(20) NOT NULL, \`sort_order\` int NOT NULL DEFAULT '0', \`parent_id\` int NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_f2bc0a31155aa7f9cbe6684464\` (\`tenant_id\`), INDEX \`IDX_f1cb4cf2c1065484374e2ded1d\` (\`tenant_id\`, \`parent_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`tenant_activation_code\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code_hash\` varchar(64) NOT NULL, \`created_by\` int NULL, \`used_by_tenant_id\` int NULL, \`used_at\` datetime NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_7b03f60d91f9df498b5215865c\` (\`code_hash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`tenant\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(100) NOT NULL, \`dingtalk_corp_id\` varchar(64) NULL, \`settings\` json NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_8fef6b693be8a9f4873fba1bde\` (\`dingtalk_corp_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`organization_closure\` (\`id_ancestor\` int NOT NULL, \`id_descendant\` int NOT NULL, INDEX \`IDX_ea74b7c4a55b7887af4470ea46\` (\`id_ancestor\`), INDEX \`IDX_f51963aac115d526960ac74cf2\` (\`id_descendant\`), PRIMARY KEY (\`id_ancestor\`, \`id_descendant\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`organization\` ADD CONSTRAINT \`FK_15acafd6698ac846c6b6a6a50ec\` FOREIGN KEY (\`parent_id\`) REFERENCES \`organization\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`organization_closure\` ADD CONSTRAINT \`FK_ea74b7c4a55b7887af4470ea468\` FOREIGN KEY (\`id_ancestor\`) REFERENCES \`organization\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`organization_closure\` ADD CONSTRAINT \`FK_f51963aac115d526960ac74cf2f\` FOREIGN KEY (\`id_descendant\`) REFERENCES \`organization\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`organization_closure\` DROP FOREIGN KEY \`FK_f51963aac115d526960ac74cf2f\``);
        await queryRunner.query(`ALTER TABLE \`organization_closure\` DROP FOREIGN KEY \`FK_ea74b7c4a55b7887af4470ea468\``);
        await queryRunner.query(`ALTER TABLE \`organization\` DROP FOREIGN KEY \`FK_15acafd6698ac846c6b6a6a50ec\``);
        await queryRunner.query(`DROP INDEX \`IDX_f51963aac115d526960ac74cf2\` ON \`organization_closure\``);
        await queryRunner.query(`DROP INDEX \`IDX_ea74b7c4a55b7887af4470ea46\` ON \`organization_closure\``);
        await queryRunner.query(`DROP TABLE \`organization_closure\``);
        await queryRunner.query(`DROP INDEX \`IDX_8fef6b693be8a9f4873fba1bde\` ON \`tenant\``);
        await queryRunner.query(`DROP TABLE \`tenant\``);
        await queryRunner.query(`DROP INDEX \`IDX_7b03f60d91f9df498b5215865c\` ON \`tenant_activation_code\``);
        await queryRunner.query(`DROP TABLE \`tenant_activation_code\``);
        await queryRunner.query(`DROP INDEX \`IDX_f1cb4cf2c1065484374e2ded1d\` ON \`organization\``);
        await queryRunner.query(`DROP INDEX \`IDX_f2bc0a31155aa7f9cbe6684464\` ON \`organization\``);
        await queryRunner.query(`DROP TABLE \`organization\``);
        await queryRunner.query(`DROP INDEX \`IDX_d0477b7fffc07f6987e71fd965\` ON \`member\``);
        await queryRunner.query(`DROP INDEX \`IDX_006e49580bc3575eaf77a16a4e\` ON \`member\``);
        await queryRunner.query(`DROP INDEX \`IDX_7f1f4192789d9d00a7c57ee6cd\` ON \`member\``);
        await queryRunner.query(`DROP INDEX \`IDX_ea6c06cf3573167b8cbc3f64c8\` ON \`member\``);
        await queryRunner.query(`DROP TABLE \`member\``);
        await queryRunner.query(`DROP INDEX \`IDX_12cf8184b4b7126c29abb50407\` ON \`org_term\``);
        await queryRunner.query(`DROP TABLE \`org_term\``);
        await queryRunner.query(`DROP INDEX \`IDX_b351d0347fa33ca042e16c2657\` ON \`org_post\``);
        await queryRunner.query(`DROP INDEX \`IDX_f99a538fad6b161903b981c545\` ON \`org_post\``);
        await queryRunner.query(`DROP TABLE \`org_post\``);
        await queryRunner.query(`DROP INDEX \`IDX_3c5bc7820ce5649f66eaa779bc\` ON \`user_account\``);
        await queryRunner.query(`DROP INDEX \`IDX_081af695ffa6c205ead4e7de85\` ON \`user_account\``);
        await queryRunner.query(`DROP INDEX \`IDX_b82c5890a6945279a098bc8b10\` ON \`user_account\``);
        await queryRunner.query(`DROP INDEX \`IDX_6896be44825e6dd348fdddd2ab\` ON \`user_account\``);
        await queryRunner.query(`DROP INDEX \`IDX_3c4d4fae641bf9048ad324ee0d\` ON \`user_account\``);
        await queryRunner.query(`DROP TABLE \`user_account\``);
        await queryRunner.query(`DROP INDEX \`IDX_1b2ee26dc37ccc0f50fff8aea4\` ON \`sms_outbox\``);
        await queryRunner.query(`DROP TABLE \`sms_outbox\``);
        await queryRunner.query(`DROP INDEX \`IDX_d0e5815877f7395a198a4cb0a4\` ON \`user_role\``);
        await queryRunner.query(`DROP INDEX \`IDX_8e955201454d851f6cecad706f\` ON \`user_role\``);
        await queryRunner.query(`DROP TABLE \`user_role\``);
        await queryRunner.query(`DROP INDEX \`IDX_51fea59e2773198db721f9a885\` ON \`user_session\``);
        await queryRunner.query(`DROP INDEX \`IDX_afb2d9679c37fe75d30af81bde\` ON \`user_session\``);
        await queryRunner.query(`DROP INDEX \`IDX_81c2e59537b130498d5cff37a8\` ON \`user_session\``);
        await queryRunner.query(`DROP TABLE \`user_session\``);
        await queryRunner.query(`DROP INDEX \`IDX_099a77fd2852d2a6447e99984e\` ON \`platform_identity\``);
        await queryRunner.query(`DROP INDEX \`IDX_ba3e7409c68fee8e1ca6bedcd1\` ON \`platform_identity\``);
        await queryRunner.query(`DROP TABLE \`platform_identity\``);
        await queryRunner.query(`DROP INDEX \`IDX_ad217a94f778851d62c38b82d4\` ON \`audit_log\``);
        await queryRunner.query(`DROP TABLE \`audit_log\``);
    }

}
