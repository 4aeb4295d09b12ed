import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsOutbox1795247029451 implements MigrationInterface {
  name = 'NotificationsOutbox1795247029451';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "point_id" uuid NOT NULL, "kind" character varying NOT NULL, "occasion" character varying NOT NULL, "recipient_key" character varying NOT NULL, "user_id" uuid, "department_id" uuid, "channel" character varying NOT NULL, "context" jsonb NOT NULL, "urgent" boolean NOT NULL DEFAULT false, "digest" boolean NOT NULL DEFAULT false, "not_before" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "queued_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_notifications_once" UNIQUE ("point_id", "kind", "occasion", "recipient_key", "channel"), CONSTRAINT "ck_notifications_channel" CHECK ("channel" IN ('inbox', 'email', 'wecom', 'dingtalk', 'feishu')), CONSTRAINT "ck_notifications_status" CHECK ("status" IN ('pending', 'queued', 'sent', 'dead')), CONSTRAINT "pk_notifications" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notifications_user" ON "notifications"  ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notifications_point" ON "notifications"  ("point_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notifications_due" ON "notifications"  ("status", "not_before") `,
    );
    await queryRunner.query(
      `CREATE TABLE "inbox_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "notification_id" uuid NOT NULL, "user_id" uuid NOT NULL, "point_id" uuid NOT NULL, "kind" character varying NOT NULL, "title" text NOT NULL, "text" text NOT NULL, "link" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_inbox_items" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_inbox_items_user_unread" ON "inbox_items"  ("user_id", "read_at", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_inbox_items_notification" ON "inbox_items"  ("notification_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "department_robots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "department_id" uuid NOT NULL, "channel" character varying NOT NULL, "webhook_url" text NOT NULL, "secret" text, "enabled" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_department_robots_channel" CHECK ("channel" IN ('wecom', 'dingtalk', 'feishu')), CONSTRAINT "pk_department_robots" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_department_robots_channel" ON "department_robots"  ("department_id", "channel") `,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "email" character varying`);
    await queryRunner.query(`ALTER TABLE "users" ADD "notification_preferences" jsonb`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_point_id" FOREIGN KEY ("point_id") REFERENCES "work_points"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_department_id" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inbox_items" ADD CONSTRAINT "fk_inbox_items_notification_id" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inbox_items" ADD CONSTRAINT "fk_inbox_items_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inbox_items" ADD CONSTRAINT "fk_inbox_items_point_id" FOREIGN KEY ("point_id") REFERENCES "work_points"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_robots" ADD CONSTRAINT "fk_department_robots_department_id" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "department_robots" DROP CONSTRAINT "fk_department_robots_department_id"`,
    );
    await queryRunner.query(`ALTER TABLE "inbox_items" DROP CONSTRAINT "fk_inbox_items_point_id"`);
    await queryRunner.query(`ALTER TABLE "inbox_items" DROP CONSTRAINT "fk_inbox_items_user_id"`);
    await queryRunner.query(
      `ALTER TABLE "inbox_items" DROP CONSTRAINT "fk_inbox_items_notification_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_department_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_user_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_point_id"`,
    );
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "notification_preferences"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email"`);
    await queryRunner.query(`DROP INDEX "public"."uq_department_robots_channel"`);
    await queryRunner.query(`DROP TABLE "department_robots"`);
    await queryRunner.query(`DROP INDEX "public"."uq_inbox_items_notification"`);
    await queryRunner.query(`DROP INDEX "public"."ix_inbox_items_user_unread"`);
    await queryRunner.query(`DROP TABLE "inbox_items"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_point"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_user"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
  }
}
