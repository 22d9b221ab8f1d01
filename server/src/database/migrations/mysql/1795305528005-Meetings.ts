import { MigrationInterface, QueryRunner } from "typeorm";

export class Meetings1795305528005 implements MigrationInterface {
    name = 'Meetings1795305528005'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`meeting_evaluation\` (\`id\` int NOT NULL AUTO_INCREMENT, \`meeting_id\` int NOT NULL, \`member_id\` int NOT NULL, \`self_text\` text NULL, \`grade\` varchar(30) NULL, UNIQUE INDEX \`IDX_8b00c0244358b75dcb1b3076a6\` (\`meeting_id\`, \`member_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`meeting_mutual_rating\` (\`id\` int NOT NULL AUTO_INCREMENT, \`meeting_id\` int NOT NULL, \`rater_member_id\` int NOT NULL, \`ratee_member_id\` int NOT NULL, \`grade\` varchar(30) NOT NULL, UNIQUE INDEX \`IDX_bce63fa0b10d90a451abb6196d\` (\`meeting_id\`, \`rater_member_id\`, \`ratee_member_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`meeting_supervision\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`org_id\` int NOT NULL, \`type\` varchar(30) NOT NULL, \`period_key\` varchar(10) NOT NULL, \`held\` int NOT NULL, \`computed_at\` datetime NOT NULL, INDEX \`IDX_a8f9e657b930d7ace91b3d09b2\` (\`tenant_id\`), UNIQUE INDEX \`IDX_53dbfb08005abe8ab6fae4d6b1\` (\`org_id\`, \`type\`, \`period_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`meeting_invitee\` (\`id\` int NOT NULL AUTO_INCREMENT, \`meeting_id\` int NOT NULL, \`member_id\` int NOT NULL, \`name\` varchar(50) NOT NULL, \`probationary\` tinyint NOT NULL, \`feedback\` varchar(10) NULL, \`leave_reason\` varchar(200) NULL, \`feedback_at\` datetime NULL, \`checked_in_at\` datetime NULL, \`checkin_method\` varchar(10) NULL, \`present\` tinyint NOT NULL DEFAULT 0, \`outline\` text NULL, \`note\` text NULL, INDEX \`IDX_5334f93673ff95a78e6ac7681f\` (\`member_id\`), UNIQUE INDEX \`IDX_7305ef24ba95f125371ed003de\` (\`meeting_id\`, \`member_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`meeting_type_setting\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`type\` varchar(30) NOT NULL, \`enabled\` tinyint NOT NULL, UNIQUE INDEX \`IDX_3b505bbf5fd19040963b7b4520\` (\`tenant_id\`, \`type\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`meeting_vote\` (\`id\` int NOT NULL AUTO_INCREMENT, \`meeting_id\` int NOT NULL, \`title\` varchar(100) NOT NULL, \`options\` text NOT NULL, \`open\` tinyint NOT NULL DEFAULT 1, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`closed_at\` datetime NULL, INDEX \`IDX_83c1fa75154dfbb3ef756ebb93\` (\`meeting_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`meeting_ballot\` (\`id\` int NOT NULL AUTO_INCREMENT, \`vote_id\` int NOT NULL, \`member_id\` int NOT NULL, \`choice\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_f37746421e6f3aa120ad9de96c\` (\`vote_id\`, \`member_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`meeting\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tenant_id\` int NOT NULL, \`org_id\` int NOT NULL, \`group_id\` int NULL, \`type\` varchar(30) NOT NULL, \`title\` varchar(100) NOT NULL, \`state\` varchar(30) NOT NULL, \`state_times\` text NOT NULL, \`starts_at\` datetime NOT NULL, \`ends_at\` datetime NOT NULL, \`duration_half_days\` int NOT NULL, \`feedback_deadline\` datetime NOT NULL, \`host_member_id\` int NOT NULL, \`host_name\` varchar(50) NOT NULL, \`venue\` varchar(200) NOT NULL, \`online\` tinyint NOT NULL DEFAULT 0, \`latitude\` double NULL, \`longitude\` double NULL, \`radius_meters\` int NULL, \`required_ratio\` int NULL, \`agenda\` text NULL, \`minutes\` text NULL, \`summary\` text NULL, \`followup\` text NULL, \`resolution\` text NULL, \`images\` text NOT NULL, \`reject_reason\` varchar(500) NULL, \`checkin_open\` tinyint NOT NULL DEFAULT 0, \`checkin_secret\` varchar(64) NOT NULL, \`created_by_user_id\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_fbb64b8ee550b04084a6b6a587\` (\`tenant_id\`, \`state\`), INDEX \`IDX_89005eaeb9cd4b966f69171f0d\` (\`org_id\`, \`starts_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`IDX_89005eaeb9cd4b966f69171f0d\` ON \`meeting\``);
        await queryRunner.query(`DROP INDEX \`IDX_fbb64b8ee550b04084a6b6a587\` ON \`meeting\``);
        await queryRunner.query(`DROP TABLE \`meeting\``);
        await queryRunner.query(`DROP INDEX \`IDX_f37746421e6f3aa120ad9de96c\` ON \`meeting_ballot\``);
        await queryRunner.query(`DROP TABLE \`meeting_ballot\``);
        await queryRunner.query(`DROP INDEX \`IDX_83c1fa75154dfbb3ef756ebb93\` ON \`meeting_vote\``);
        await queryRunner.query(`DROP TABLE \`meeting_vote\``);
        await queryRunner.query(`DROP INDEX \`IDX_3b505bbf5fd19040963b7b4520\` ON \`meeting_type_setting\``);
        await queryRunner.query(`DROP TABLE \`meeting_type_setting\``);
        await queryRunner.query(`DROP INDEX \`IDX_7305ef24ba95f125371ed003de\` ON \`meeting_invitee\``);
        await queryRunner.query(`DROP INDEX \`IDX_5334f93673ff95a78e6ac7681f\` ON \`meeting_invitee\``);
        await queryRunner.query(`DROP TABLE \`meeting_invitee\``);
        await queryRunner.query(`DROP INDEX \`IDX_53dbfb08005abe8ab6fae4d6b1\` ON \`meeting_supervision\``);
        await queryRunner.query(`DROP INDEX \`IDX_a8f9e657b930d7ace91b3d09b2\` ON \`meeting_supervision\``);
        await queryRunner.query(`DROP TABLE \`meeting_supervision\``);
        await queryRunner.query(`DROP INDEX \`IDX_bce63fa0b10d90a451abb6196d\` ON \`meeting_mutual_rating\``);
        await queryRunner.query(`DROP TABLE \`meeting_mutual_rating\``);
        await queryRunner.query(`DROP INDEX \`IDX_8b00c0244358b75dcb1b3076a6\` ON \`meeting_evaluation\``);
        await queryRunner.query(`DROP TABLE \`meeting_evaluation\``);
    }

}
