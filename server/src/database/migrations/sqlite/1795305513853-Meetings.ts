import { MigrationInterface, QueryRunner } from "typeorm";

export class Meetings1795305513853 implements MigrationInterface {
    name = 'Meetings1795305513853'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "meeting_evaluation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meeting_id" integer NOT NULL, "member_id" integer NOT NULL, "self_text" text, "grade" varchar(30))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8b00c0244358b75dcb1b3076a6" ON "meeting_evaluation" ("meeting_id", "member_id") `);
        await queryRunner.query(`CREATE TABLE "meeting_mutual_rating" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meeting_id" integer NOT NULL, "rater_member_id" integer NOT NULL, "ratee_member_id" integer NOT NULL, "grade" varchar(30) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_bce63fa0b10d90a451abb6196d" ON "meeting_mutual_rating" ("meeting_id", "rater_member_id", "ratee_member_id") `);
        await queryRunner.query(`CREATE TABLE "meeting_supervision" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "org_id" integer NOT NULL, "type" varchar(30) NOT NULL, "period_key" varchar(10) NOT NULL, "held" integer NOT NULL, "computed_at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_a8f9e657b930d7ace91b3d09b2" ON "meeting_supervision" ("tenant_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_53dbfb08005abe8ab6fae4d6b1" ON "meeting_supervision" ("org_id", "type", "period_key") `);
        await queryRunner.query(`CREATE TABLE "meeting_invitee" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meeting_id" integer NOT NULL, "member_id" integer NOT NULL, "name" varchar(50) NOT NULL, "probationary" boolean NOT NULL, "feedback" varchar(10), "leave_reason" varchar(200), "feedback_at" datetime, "checked_in_at" datetime, "checkin_method" varchar(10), "present" boolean NOT NULL DEFAULT (0), "outline" text, "note" text)`);
        await queryRunner.query(`CREATE INDEX "IDX_5334f93673ff95a78e6ac7681f" ON "meeting_invitee" ("member_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7305ef24ba95f125371ed003de" ON "meeting_invitee" ("meeting_id", "member_id") `);
        await queryRunner.query(`CREATE TABLE "meeting_type_setting" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "type" varchar(30) NOT NULL, "enabled" boolean NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3b505bbf5fd19040963b7b4520" ON "meeting_type_setting" ("tenant_id", "type") `);
        await queryRunner.query(`CREATE TABLE "meeting_vote" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meeting_id" integer NOT NULL, "title" varchar(100) NOT NULL, "options" text NOT NULL, "open" boolean NOT NULL DEFAULT (1), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "closed_at" datetime)`);
        await queryRunner.query(`CREATE INDEX "IDX_83c1fa75154dfbb3ef756ebb93" ON "meeting_vote" ("meeting_id") `);
        await queryRunner.query(`CREATE TABLE "meeting_ballot" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "vote_id" integer NOT NULL, "member_id" integer NOT NULL, "choice" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f37746421e6f3aa120ad9de96c" ON "meeting_ballot" ("vote_id", "member_id") `);
        await queryRunner.query(`CREATE TABLE "meeting" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tenant_id" integer NOT NULL, "org_id" integer NOT NULL, "group_id" integer, "type" varchar(30) NOT NULL, "title" varchar(100) NOT NULL, "state" varchar(30) NOT NULL, "state_times" text NOT NULL, "starts_at" datetime NOT NULL, "ends_at" datetime NOT NULL, "duration_half_days" integer NOT NULL, "feedback_deadline" datetime NOT NULL, "host_member_id" integer NOT NULL, "host_name" varchar(50) NOT NULL, "venue" varchar(200) NOT NULL, "online" boolean NOT NULL DEFAULT (0), "latitude" double, "longitude" double, "radius_meters" integer, "required_ratio" integer, "agenda" text, "minutes" text, "summary" text, "followup" text, "resolution" text, "images" text NOT NULL, "reject_reason" varchar(500), "checkin_open" boolean NOT NULL DEFAULT (0), "checkin_secret" varchar(64) NOT NULL, "created_by_user_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_fbb64b8ee550b04084a6b6a587" ON "meeting" ("tenant_id", "state") `);
        await queryRunner.query(`CREATE INDEX "IDX_89005eaeb9cd4b966f69171f0d" ON "meeting" ("org_id", "starts_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_89005eaeb9cd4b966f69171f0d"`);
        await queryRunner.query(`DROP INDEX "IDX_fbb64b8ee550b04084a6b6a587"`);
        await queryRunner.query(`DROP TABLE "meeting"`);
        await queryRunner.query(`DROP INDEX "IDX_f37746421e6f3aa120ad9de96c"`);
        await queryRunner.query(`DROP TABLE "meeting_ballot"`);
        await queryRunner.query(`DROP INDEX "IDX_83c1fa75154dfbb3ef756ebb93"`);
        await queryRunner.query(`DROP TABLE "meeting_vote"`);
        await queryRunner.query(`DROP INDEX "IDX_3b505bbf5fd19040963b7b4520"`);
        await queryRunner.query(`DROP TABLE "meeting_type_setting"`);
        await queryRunner.query(`DROP INDEX "IDX_7305ef24ba95f125371ed003de"`);
        await queryRunner.query(`DROP INDEX "IDX_5334f93673ff95a78e6ac7681f"`);
        await queryRunner.query(`DROP TABLE "meeting_invitee"`);
        await queryRunner.query(`DROP INDEX "IDX_53dbfb08005abe8ab6fae4d6b1"`);
        await queryRunner.query(`DROP INDEX "IDX_a8f9e657b930d7ace91b3d09b2"`);
        await queryRunner.query(`DROP TABLE "meeting_supervision"`);
        await queryRunner.query(`DROP INDEX "IDX_bce63fa0b10d90a451abb6196d"`);
        await queryRunner.query(`DROP TABLE "meeting_mutual_rating"`);
        await queryRunner.query(`DROP INDEX "IDX_8b00c0244358b75dcb1b3076a6"`);
        await queryRunner.query(`DROP TABLE "meeting_evaluation"`);
    }

}
