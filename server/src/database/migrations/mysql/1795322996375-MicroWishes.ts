import { MigrationInterface, QueryRunner } from "typeorm";

export class MicroWishes1795322996375 implements MigrationInterface {
    name = 'MicroWishes1795322996375'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`aid_item\` ADD \`contact_name\` varchar(50) NULL`);
        await queryRunner.query(`ALTER TABLE \`aid_item\` ADD \`contact_phone\` varchar(20) NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`aid_item\` DROP COLUMN \`contact_phone\``);
        await queryRunner.query(`ALTER TABLE \`aid_item\` DROP COLUMN \`contact_name\``);
    }

}
