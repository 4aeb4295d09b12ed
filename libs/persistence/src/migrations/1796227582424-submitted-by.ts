import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SubmittedBy1796227582424 implements MigrationInterface {
  name = 'SubmittedBy1796227582424';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "work_points" ADD "submitted_by_id" uuid`);
    // Completions waiting for sign-off now: their submitter is the last submit on the trail.
    await queryRunner.query(
      `UPDATE "work_points" p SET "submitted_by_id" = (
         SELECT a."actor_id" FROM "audit_events" a
          WHERE a."point_id" = p."id" AND a."event" = 'submit'
          ORDER BY a."at" DESC, a."id" DESC LIMIT 1)
        WHERE p."status" IN ('submitted', 'head_approved')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "work_points" DROP COLUMN "submitted_by_id"`);
  }
}
