import { MigrationInterface, QueryRunner } from "typeorm";

export class OnlineBranch1795303449609 implements MigrationInterface {
    name = 'OnlineBranch1795303449609'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`branch_comment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`post_id\` int NOT NULL, \`author_user_id\` int NOT NULL, \`author_name\` varchar(50) NOT NULL, \`content\` varchar(500) NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_c201f35fecb5dd1b1f9ff80aa3\` (\`post_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`branch_like\` (\`id\` int NOT NULL AUTO_INCREMENT, \`post_id\` int NOT NULL, \`user_id\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_51e506c9a9b7c9adb99221ed02\` (\`post_id\`, \`user_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`branch_read\` (\`id\` int NOT NULL AUTO_INCREMENT, \`post_id\` int NOT NULL, \`user_id\` int NOT NULL, \`member_id\` int NULL, \`seconds\` int NOT NULL DEFAULT '0', \`read_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_1590a2e70738567795c48b29fe\` (\`user_id\`), UNIQUE INDEX \`IDX_a7b96ac2efcc366187103e6de7\` (\`post_id\`, \`user_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`branch_post\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`org_id\` int NOT NULL, \`kind\` varchar(20) NOT NULL, \`author_user_id\` int NOT NULL, \`author_member_id\` int NULL, \`author_name\` varchar(50) NOT NULL, \`title\` varchar(60) NULL, \`content\` text NOT NULL, \`images\` text NOT NULL, \`held_at\` datetime NULL, \`starts_at\` datetime NULL, \`ends_at\` datetime NULL, \`scope_org_id\` int NULL, \`closes_at\` datetime NULL, \`reply\` text NULL, \`replier_name\` varchar(50) NULL, \`replied_at\` datetime NULL, \`like_count\` int NOT NULL DEFAULT '0', \`comment_count\` int NOT NULL DEFAULT '0', \`last_reminded_at\` datetime NULL, \`edited_at\` datetime NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_c2a996351d3758a4b3446147c7\` (\`author_user_id\`, \`kind\`), INDEX \`IDX_89af8b7d72ef698bc853ae34e7\` (\`org_id\`, \`kind\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`stored_file\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NULL, \`uploader_user_id\` int NOT NULL, \`file_key\` varchar(64) NOT NULL, \`mime\` varchar(30) NOT NULL, \`size\` int NOT NULL, \`width\` int NOT NULL, \`height\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_e2da1e1929014506422d5cc583\` (\`uploader_user_id\`, \`created_at\`), UNIQUE INDEX \`IDX_ba92e7da086272e81069f79adf\` (\`file_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`app_message\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NULL, \`user_id\` int NOT NULL, \`title\` varchar(100) NOT NULL, \`body\` varchar(500) NOT NULL, \`link\` varchar(200) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`read_at\` datetime NULL, INDEX \`IDX_1c2a713e4c3abf02410207ef2f\` (\`user_id\`, \`read_at\`), INDEX \`IDX_6e421b992f7b9cc00815820194\` (\`user_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_6e421b992f7b9cc00815820194\` ON \`app_message\``);
        await queryRunner.query(`DROP INDEX \`IDX_1c2a713e4c3abf02410207ef2f\` ON \`app_message\``);
        await queryRunner.query(`DROP TABLE \`app_message\``);
        await queryRunner.query(`DROP INDEX \`IDX_ba92e7da086272e81069f79adf\` ON \`stored_file\``);
        await queryRunner.query(`DROP INDEX \`IDX_e2da1e1929014506422d5cc583\` ON \`stored_file\``);
        await queryRunner.query(`DROP TABLE \`stored_file\``);
        await queryRunner.query(`DROP INDEX \`IDX_89af8b7d72ef698bc853ae34e7\` ON \`branch_post\``);
        await queryRunner.query(`DROP INDEX \`IDX_c2a996351d3758a4b3446147c7\` ON \`branch_post\``);
        await queryRunner.query(`DROP TABLE \`branch_post\``);
        await queryRunner.query(`DROP INDEX \`IDX_a7b96ac2efcc366187103e6de7\` ON \`branch_read\``);
        await queryRunner.query(`DROP INDEX \`IDX_1590a2e70738567795c48b29fe\` ON \`branch_read\``);
        await queryRunner.query(`DROP TABLE \`branch_read\``);
        await queryRunner.query(`DROP INDEX \`IDX_51e506c9a9b7c9adb99221ed02\` ON \`branch_like\``);
        await queryRunner.query(`DROP TABLE \`branch_like\``);
        await queryRunner.query(`DROP INDEX \`IDX_c201f35fecb5dd1b1f9ff80aa3\` ON \`branch_comment\``);
        await queryRunner.query(`DROP TABLE \`branch_comment\``);
    }

}
