import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TargetActuals1795255000000 implements MigrationInterface {
  name = 'TargetActuals1795255000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "target_actuals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "point_id" uuid NOT NULL, "report_id" uuid NOT NULL, "target_index" integer NOT NULL, "value" numeric NOT NULL, "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_target_actuals_target_index" CHECK ("target_index" >= 0), CONSTRAINT "pk_target_actuals" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_target_actuals_point_target_reported" ON "target_actuals"  ("point_id", "target_index", "reported_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_target_actuals_report_target" ON "target_actuals"  ("report_id", "target_index") `,
    );
    await queryRunner.query(
      `ALTER TABLE "target_actuals" ADD CONSTRAINT "fk_target_actuals_point_id" FOREIGN KEY ("point_id") REFERENCES "work_points"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "target_actuals" ADD CONSTRAINT "fk_target_actuals_report_id" FOREIGN KEY ("report_id") REFERENCES "progress_reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "target_actuals" DROP CONSTRAINT "fk_target_actuals_report_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "target_actuals" DROP CONSTRAINT "fk_target_actuals_point_id"`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_target_actuals_report_target"`);
    await queryRunner.query(`DROP INDEX "public"."ix_target_actuals_point_target_reported"`);
    await queryRunner.query(`DROP TABLE "target_actuals"`);
  }
}
