import { MigrationInterface, QueryRunner } from "typeorm";

export class Mall1795318704837 implements MigrationInterface {
    name = 'Mall1795318704837'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`mall_category\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`name\` varchar(30) NOT NULL, \`sort_order\` int NOT NULL DEFAULT '0', \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_8be20b4a5971db58dbb5bf213f\` (\`tenant_id\`, \`sort_order\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`mall_goods\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`category_id\` int NOT NULL, \`kind\` varchar(10) NOT NULL, \`name\` varchar(60) NOT NULL, \`description\` varchar(1000) NOT NULL DEFAULT '', \`points_price\` int NOT NULL, \`stock\` int NOT NULL, \`images\` text NOT NULL, \`enabled\` tinyint NOT NULL DEFAULT 0, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_ec829e52d76c9e507fd4a248be\` (\`tenant_id\`, \`category_id\`, \`enabled\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`mall_wallet\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`member_id\` int NOT NULL, \`spent\` int NOT NULL DEFAULT '0', UNIQUE INDEX \`IDX_32f7250ac70c9b7830cb975fb8\` (\`member_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`mall_order\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`order_no\` varchar(20) NOT NULL, \`pickup_code\` varchar(6) NOT NULL, \`open_code\` varchar(6) NULL, \`member_id\` int NOT NULL, \`member_name\` varchar(50) NOT NULL, \`goods_id\` int NOT NULL, \`goods_name\` varchar(60) NOT NULL, \`unit_points\` int NOT NULL, \`quantity\` int NOT NULL, \`points\` int NOT NULL, \`status\` varchar(12) NOT NULL, \`picked_up_at\` datetime NULL, \`picked_up_by_name\` varchar(50) NULL, \`cancelled_at\` datetime NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_4a396f35cb1ddf9008b6242015\` (\`member_id\`, \`id\`), INDEX \`IDX_f868848dacef93ed0e638c99a0\` (\`tenant_id\`, \`status\`, \`id\`), INDEX \`IDX_819319112a7d7b46ef3fecc330\` (\`tenant_id\`, \`pickup_code\`), UNIQUE INDEX \`IDX_f9408d2edd0099c85b243ecc58\` (\`tenant_id\`, \`open_code\`), UNIQUE INDEX \`IDX_b14d60c9e98b211368bef2ab13\` (\`order_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_b14d60c9e98b211368bef2ab13\` ON \`mall_order\``);
        await queryRunner.query(`DROP INDEX \`IDX_f9408d2edd0099c85b243ecc58\` ON \`mall_order\``);
        await queryRunner.query(`DROP INDEX \`IDX_819319112a7d7b46ef3fecc330\` ON \`mall_order\``);
        await queryRunner.query(`DROP INDEX \`IDX_f868848dacef93ed0e638c99a0\` ON \`mall_order\``);
        await queryRunner.query(`DROP INDEX \`IDX_4a396f35cb1ddf9008b6242015\` ON \`mall_order\``);
        await queryRunner.query(`DROP TABLE \`mall_order\``);
        await queryRunner.query(`DROP INDEX \`IDX_32f7250ac70c9b7830cb975fb8\` ON \`mall_wallet\``);
        await queryRunner.query(`DROP TABLE \`mall_wallet\``);
        await queryRunner.query(`DROP INDEX \`IDX_ec829e52d76c9e507fd4a248be\` ON \`mall_goods\``);
        await queryRunner.query(`DROP TABLE \`mall_goods\``);
        await queryRunner.query(`DROP INDEX \`IDX_8be20b4a5971db58dbb5bf213f\` ON \`mall_category\``);
        await queryRunner.query(`DROP TABLE \`mall_category\``);
    }

}
