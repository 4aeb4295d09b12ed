import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SecurityEvents1796227081498 implements MigrationInterface {
  name = 'SecurityEvents1796227081498';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "security_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" character varying NOT NULL, "actor_id" uuid, "actor_name" character varying, "username" character varying, "subject_user_id" uuid, "ip" character varying, "user_agent" text, "method" character varying, "path" text, "status" integer, "code" character varying, "reason" text, "details" jsonb, CONSTRAINT "pk_security_events" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_security_events_subject_at" ON "security_events"  ("subject_user_id", "at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_security_events_actor_at" ON "security_events"  ("actor_id", "at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_security_events_kind_at" ON "security_events"  ("kind", "at") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_security_events_at" ON "security_events"  ("at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_security_events_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_security_events_kind_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_security_events_actor_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_security_events_subject_at"`);
    await queryRunner.query(`DROP TABLE "security_events"`);
  }
}
