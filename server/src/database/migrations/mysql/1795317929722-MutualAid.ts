import { MigrationInterface, QueryRunner } from "typeorm";

export class MutualAid1795317929722 implements MigrationInterface {
    name = 'MutualAid1795317929722'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`aid_item\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`kind\` varchar(10) NOT NULL, \`org_id\` int NOT NULL, \`publisher_member_id\` int NOT NULL, \`publisher_name\` varchar(50) NOT NULL, \`claimer_member_id\` int NULL, \`claimer_name\` varchar(50) NULL, \`state\` varchar(20) NOT NULL, \`title\` varchar(100) NOT NULL, \`content\` text NOT NULL, \`category\` varchar(30) NULL, \`images\` text NOT NULL, \`snapshot_column\` varchar(20) NULL, \`taken_at\` datetime NULL, \`place\` varchar(100) NULL, \`reject_reason\` varchar(500) NULL, \`state_times\` text NOT NULL, \`like_count\` int NOT NULL DEFAULT '0', \`share_count\` int NOT NULL DEFAULT '0', \`created_by_user_id\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_791623dfc77760dfdad072fb20\` (\`claimer_member_id\`), INDEX \`IDX_bda0f4a3e979076642ccfcf338\` (\`publisher_member_id\`), INDEX \`IDX_3924dc5199c00bb71c19b722a3\` (\`org_id\`, \`kind\`, \`state\`), INDEX \`IDX_d721c4915bc6c2fdc468849eb1\` (\`tenant_id\`, \`kind\`, \`state\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`aid_comment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`item_id\` int NOT NULL, \`user_id\` int NOT NULL, \`member_id\` int NULL, \`author_name\` varchar(50) NOT NULL, \`content\` varchar(500) NOT NULL, \`approved\` tinyint NOT NULL DEFAULT 0, \`approved_at\` datetime NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_06206fc488576deaab009f5190\` (\`item_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`aid_like\` (\`id\` int NOT NULL AUTO_INCREMENT, \`item_id\` int NOT NULL, \`user_id\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_2b526416150328d8bbbf3838ec\` (\`item_id\`, \`user_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`aid_blacklist\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`member_id\` int NOT NULL, \`reason\` varchar(200) NOT NULL, \`by_user_id\` int NOT NULL, \`by_name\` varchar(50) NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_9a6c4644e9614d519bbd2cb12e\` (\`tenant_id\`, \`member_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_9a6c4644e9614d519bbd2cb12e\` ON \`aid_blacklist\``);
        await queryRunner.query(`DROP TABLE \`aid_blacklist\``);
        await queryRunner.query(`DROP INDEX \`IDX_2b526416150328d8bbbf3838ec\` ON \`aid_like\``);
        await queryRunner.query(`DROP TABLE \`aid_like\``);
        await queryRunner.query(`DROP INDEX \`IDX_06206fc488576deaab009f5190\` ON \`aid_comment\``);
        await queryRunner.query(`DROP TABLE \`aid_comment\``);
        await queryRunner.query(`DROP INDEX \`IDX_d721c4915bc6c2fdc468849eb1\` ON \`aid_item\``);
        await queryRunner.query(`DROP INDEX \`IDX_3924dc5199c00bb71c19b722a3\` ON \`aid_item\``);
        await queryRunner.query(`DROP INDEX \`IDX_bda0f4a3e979076642ccfcf338\` ON \`aid_item\``);
        await queryRunner.query(`DROP INDEX \`IDX_791623dfc77760dfdad072fb20\` ON \`aid_item\``);
        await queryRunner.query(`DROP TABLE \`aid_item\``);
    }

}
