import { MigrationInterface, QueryRunner } from "typeorm";

export class Points1795316681705 implements MigrationInterface {
    name = 'Points1795316681705'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`points_cap\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`member_id\` int NOT NULL, \`rule_code\` varchar(40) NOT NULL, \`period_key\` varchar(12) NOT NULL, \`earned\` int NOT NULL DEFAULT '0', UNIQUE INDEX \`IDX_50cbb4804003335b5abdf7d7a6\` (\`member_id\`, \`rule_code\`, \`period_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`points_entry\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`member_id\` int NOT NULL, \`org_id\` int NOT NULL, \`rule_code\` varchar(40) NOT NULL, \`category\` varchar(20) NOT NULL, \`points\` int NOT NULL, \`period_key\` varchar(12) NOT NULL, \`source_type\` varchar(20) NOT NULL, \`source_id\` varchar(40) NOT NULL, \`created_at\` datetime NOT NULL, INDEX \`IDX_70c53acf430d85e76d2a0da124\` (\`member_id\`, \`id\`), UNIQUE INDEX \`IDX_3ce6cf21429a44840ea0b89db5\` (\`tenant_id\`, \`rule_code\`, \`member_id\`, \`source_type\`, \`source_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`points_rule\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`code\` varchar(40) NOT NULL, \`category\` varchar(20) NOT NULL, \`name\` varchar(60) NOT NULL, \`points\` int NOT NULL, \`cap\` int NULL, \`cap_period\` varchar(10) NOT NULL, \`enabled\` tinyint NOT NULL DEFAULT 1, \`builtin\` tinyint NOT NULL DEFAULT 0, \`declared\` tinyint NOT NULL DEFAULT 0, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_1c5cd8565a518e9be94afcf189\` (\`tenant_id\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`points_total\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`member_id\` int NOT NULL, \`org_id\` int NOT NULL, \`period_key\` varchar(7) NOT NULL, \`category\` varchar(20) NOT NULL, \`total\` int NOT NULL DEFAULT '0', INDEX \`IDX_f9c086b12c334e275c410164eb\` (\`org_id\`, \`period_key\`, \`category\`, \`total\`), INDEX \`IDX_41cb8748130e0d6d15cc5041b0\` (\`tenant_id\`, \`period_key\`, \`category\`, \`total\`), UNIQUE INDEX \`IDX_1d048426f272d0568ad86e450a\` (\`member_id\`, \`period_key\`, \`category\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_1d048426f272d0568ad86e450a\` ON \`points_total\``);
        await queryRunner.query(`DROP INDEX \`IDX_41cb8748130e0d6d15cc5041b0\` ON \`points_total\``);
        await queryRunner.query(`DROP INDEX \`IDX_f9c086b12c334e275c410164eb\` ON \`points_total\``);
        await queryRunner.query(`DROP TABLE \`points_total\``);
        await queryRunner.query(`DROP INDEX \`IDX_1c5cd8565a518e9be94afcf189\` ON \`points_rule\``);
        await queryRunner.query(`DROP TABLE \`points_rule\``);
        await queryRunner.query(`DROP INDEX \`IDX_3ce6cf21429a44840ea0b89db5\` ON \`points_entry\``);
        await queryRunner.query(`DROP INDEX \`IDX_70c53acf430d85e76d2a0da124\` ON \`points_entry\``);
        await queryRunner.query(`DROP TABLE \`points_entry\``);
        await queryRunner.query(`DROP INDEX \`IDX_50cbb4804003335b5abdf7d7a6\` ON \`points_cap\``);
        await queryRunner.query(`DROP TABLE \`points_cap\``);
    }

}
