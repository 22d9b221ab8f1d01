import { MigrationInterface, QueryRunner } from "typeorm";

export class PointsDeclarations1795322646322 implements MigrationInterface {
    name = 'PointsDeclarations1795322646322'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`points_declaration\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`member_id\` int NOT NULL, \`member_name\` varchar(50) NOT NULL, \`org_id\` int NOT NULL, \`rule_code\` varchar(40) NOT NULL, \`rule_name\` varchar(60) NOT NULL, \`category\` varchar(20) NOT NULL, \`points\` int NOT NULL, \`awarded\` int NOT NULL DEFAULT '0', \`content\` text NOT NULL, \`images\` text NOT NULL, \`state\` varchar(10) NOT NULL, \`reviewer_user_id\` int NULL, \`reviewer_name\` varchar(50) NULL, \`reviewed_at\` datetime NULL, \`reason\` varchar(500) NULL, \`overturned\` tinyint NOT NULL DEFAULT 0, \`created_by_user_id\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_6e55d26ad96fe841727cc0fb2f\` (\`member_id\`, \`id\`), INDEX \`IDX_8613371da1bfec4713506fe03b\` (\`org_id\`, \`state\`, \`id\`), INDEX \`IDX_462cd9a4e1b1cebfde7577cad7\` (\`tenant_id\`, \`state\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`points_org_average\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`org_id\` int NOT NULL, \`period_key\` varchar(7) NOT NULL, \`member_count\` int NOT NULL DEFAULT '0', \`total\` bigint NOT NULL DEFAULT '0', \`average_tenths\` int NOT NULL DEFAULT '0', \`computed_at\` datetime NOT NULL, INDEX \`IDX_9025e2883a2844fdd80fd0b2ec\` (\`tenant_id\`, \`period_key\`), UNIQUE INDEX \`IDX_623f70e0cb8e82173737a4a30e\` (\`org_id\`, \`period_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`points_setting\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`rankings_enabled\` tinyint NOT NULL DEFAULT 1, \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_2b52c356453b646b8d114f6ed8\` (\`tenant_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_2b52c356453b646b8d114f6ed8\` ON \`points_setting\``);
        await queryRunner.query(`DROP TABLE \`points_setting\``);
        await queryRunner.query(`DROP INDEX \`IDX_623f70e0cb8e82173737a4a30e\` ON \`points_org_average\``);
        await queryRunner.query(`DROP INDEX \`IDX_9025e2883a2844fdd80fd0b2ec\` ON \`points_org_average\``);
        await queryRunner.query(`DROP TABLE \`points_org_average\``);
        await queryRunner.query(`DROP INDEX \`IDX_462cd9a4e1b1cebfde7577cad7\` ON \`points_declaration\``);
        await queryRunner.query(`DROP INDEX \`IDX_8613371da1bfec4713506fe03b\` ON \`points_declaration\``);
        await queryRunner.query(`DROP INDEX \`IDX_6e55d26ad96fe841727cc0fb2f\` ON \`points_declaration\``);
        await queryRunner.query(`DROP TABLE \`points_declaration\``);
    }

}
