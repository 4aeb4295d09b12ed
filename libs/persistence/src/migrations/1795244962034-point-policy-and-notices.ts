import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PointPolicyAndNotices1795244962034 implements MigrationInterface {
  name = 'PointPolicyAndNotices1795244962034';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "work_points" ADD "suspended" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "work_points" ADD "policy" jsonb`);
    await queryRunner.query(`ALTER TABLE "work_points" ADD "pending_extension" jsonb`);
    await queryRunner.query(`ALTER TABLE "plans" ADD "policy" jsonb`);
    await queryRunner.query(`ALTER TABLE "progress_reports" ADD "attached_to_id" uuid`);
    // Rows written before notices existed were the one overdue reminder, sent to the lead
    // department on the day they were created.
    await queryRunner.query(`ALTER TABLE "reminders" ADD "notice_date" date`);
    await queryRunner.query(
      `UPDATE "reminders" SET "notice_date" = ("created_at" AT TIME ZONE 'Asia/Shanghai')::date`,
    );
    await queryRunner.query(`ALTER TABLE "reminders" ALTER COLUMN "notice_date" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "reminders" ADD "recipient" character varying NOT NULL DEFAULT 'lead'`,
    );
    await queryRunner.query(`ALTER TABLE "reminders" ADD "recipient_key" character varying`);
    await queryRunner.query(`UPDATE "reminders" SET "recipient_key" = 'lead:' || "department_id"`);
    await queryRunner.query(`ALTER TABLE "reminders" ALTER COLUMN "recipient_key" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "progress_reports" DROP CONSTRAINT "ck_progress_reports_kind"`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_reports" ADD CONSTRAINT "ck_progress_reports_kind" CHECK ("kind" IN ('progress', 'completion', 'contribution'))`,
    );
    await queryRunner.query(`ALTER TABLE "reminders" ADD "user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "fk_reminders_department_id"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "uq_reminders_once"`);
    await queryRunner.query(`ALTER TABLE "reminders" ALTER COLUMN "department_id" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "ix_reminders_point_notice_date" ON "reminders"  ("point_id", "notice_date") `,
    );
    await queryRunner.query(
      `ALTER TABLE "reminders" ADD CONSTRAINT "uq_reminders_once" UNIQUE ("point_id", "kind", "due_date", "notice_date", "recipient_key")`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_reports" ADD CONSTRAINT "fk_progress_reports_attached_to_id" FOREIGN KEY ("attached_to_id") REFERENCES "progress_reports"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reminders" ADD CONSTRAINT "fk_reminders_department_id" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reminders" ADD CONSTRAINT "fk_reminders_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "fk_reminders_user_id"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "fk_reminders_department_id"`);
    await queryRunner.query(
      `ALTER TABLE "progress_reports" DROP CONSTRAINT "fk_progress_reports_attached_to_id"`,
    );
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "uq_reminders_once"`);
    await queryRunner.query(`DROP INDEX "public"."ix_reminders_point_notice_date"`);
    await queryRunner.query(`DELETE FROM "reminders" WHERE "department_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "reminders" ALTER COLUMN "department_id" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "reminders" ADD CONSTRAINT "uq_reminders_once" UNIQUE ("point_id", "kind", "due_date", "department_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "reminders" ADD CONSTRAINT "fk_reminders_department_id" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "reminders" DROP COLUMN "user_id"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP COLUMN "recipient_key"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP COLUMN "recipient"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP COLUMN "notice_date"`);
    await queryRunner.query(`DELETE FROM "progress_reports" WHERE "kind" = 'contribution'`);
    await queryRunner.query(
      `ALTER TABLE "progress_reports" DROP CONSTRAINT "ck_progress_reports_kind"`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_reports" ADD CONSTRAINT "ck_progress_reports_kind" CHECK ("kind" IN ('progress', 'completion'))`,
    );
    await queryRunner.query(`ALTER TABLE "progress_reports" DROP COLUMN "attached_to_id"`);
    await queryRunner.query(`ALTER TABLE "plans" DROP COLUMN "policy"`);
    await queryRunner.query(`ALTER TABLE "work_points" DROP COLUMN "pending_extension"`);
    await queryRunner.query(`ALTER TABLE "work_points" DROP COLUMN "policy"`);
    await queryRunner.query(`ALTER TABLE "work_points" DROP COLUMN "suspended"`);
  }
}
