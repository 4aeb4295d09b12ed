import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Attachments1795257472091 implements MigrationInterface {
  name = 'Attachments1795257472091';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "point_id" uuid NOT NULL, "uploaded_by" uuid NOT NULL, "department_id" uuid, "filename" character varying NOT NULL, "content_type" character varying NOT NULL, "size" integer NOT NULL, "sha256" character(64) NOT NULL, "content" bytea NOT NULL, "request_id" character varying, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_attachments_size" CHECK ("size" > 0), CONSTRAINT "pk_attachments" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_attachments_point_request" ON "attachments"  ("point_id", "request_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "attachments" ADD CONSTRAINT "fk_attachments_point_id" FOREIGN KEY ("point_id") REFERENCES "work_points"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attachments" ADD CONSTRAINT "fk_attachments_uploaded_by" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attachments" ADD CONSTRAINT "fk_attachments_department_id" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "attachments" DROP CONSTRAINT "fk_attachments_department_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "attachments" DROP CONSTRAINT "fk_attachments_uploaded_by"`,
    );
    await queryRunner.query(`ALTER TABLE "attachments" DROP CONSTRAINT "fk_attachments_point_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_attachments_point_request"`);
    await queryRunner.query(`DROP TABLE "attachments"`);
  }
}
