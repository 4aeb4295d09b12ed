import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Bulletins1795254350081 implements MigrationInterface {
  name = 'Bulletins1795254350081';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "bulletins" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "month" character varying NOT NULL, "trigger" character varying NOT NULL, "produced_by_id" uuid, "produced_at" TIMESTAMP WITH TIME ZONE NOT NULL, "rules" jsonb NOT NULL, "ranking" jsonb NOT NULL, "completed" jsonb NOT NULL, "overdue" jsonb NOT NULL, "document" bytea NOT NULL, CONSTRAINT "uq_bulletins_plan_month" UNIQUE ("plan_id", "month"), CONSTRAINT "ck_bulletins_trigger" CHECK ("trigger" IN ('schedule', 'manual')), CONSTRAINT "pk_bulletins" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "plans" ADD "score_rules" jsonb`);
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_point_id"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_point"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "uq_notifications_once"`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "point_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "inbox_items" DROP CONSTRAINT "fk_inbox_items_point_id"`);
    await queryRunner.query(`ALTER TABLE "inbox_items" ALTER COLUMN "point_id" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "ix_notifications_point" ON "notifications"  ("point_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_notifications_plan_once" ON "notifications"  ("kind", "occasion", "recipient_key", "channel") WHERE "point_id" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "uq_notifications_once" UNIQUE ("point_id", "kind", "occasion", "recipient_key", "channel")`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_point_id" FOREIGN KEY ("point_id") REFERENCES "work_points"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inbox_items" ADD CONSTRAINT "fk_inbox_items_point_id" FOREIGN KEY ("point_id") REFERENCES "work_points"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bulletins" ADD CONSTRAINT "fk_bulletins_plan_id" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bulletins" ADD CONSTRAINT "fk_bulletins_produced_by_id" FOREIGN KEY ("produced_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "bulletins" DROP CONSTRAINT "fk_bulletins_produced_by_id"`,
    );
    await queryRunner.query(`ALTER TABLE "bulletins" DROP CONSTRAINT "fk_bulletins_plan_id"`);
    await queryRunner.query(`ALTER TABLE "inbox_items" DROP CONSTRAINT "fk_inbox_items_point_id"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_point_id"`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "uq_notifications_once"`);
    await queryRunner.query(`DROP INDEX "public"."uq_notifications_plan_once"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_point"`);
    await queryRunner.query(`ALTER TABLE "inbox_items" ALTER COLUMN "point_id" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "inbox_items" ADD CONSTRAINT "fk_inbox_items_point_id" FOREIGN KEY ("point_id") REFERENCES "work_points"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "point_id" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "uq_notifications_once" UNIQUE ("point_id", "kind", "occasion", "recipient_key", "channel")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notifications_point" ON "notifications" USING btree ("point_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_point_id" FOREIGN KEY ("point_id") REFERENCES "work_points"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "plans" DROP COLUMN "score_rules"`);
    await queryRunner.query(`DROP TABLE "bulletins"`);
  }
}
