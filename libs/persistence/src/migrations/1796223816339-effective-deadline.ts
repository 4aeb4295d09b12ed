import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EffectiveDeadline1796223816339 implements MigrationInterface {
  name = 'EffectiveDeadline1796223816339';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "work_points" ADD "effective_deadline" date`);
    // Until a running point's workflow records its next transition, the assigned date stands
    // in for the working-day one (they differ only for a deadline on a non-working day). A
    // draft has none yet: its first one comes with its publication, after the last edit.
    await queryRunner.query(
      `UPDATE "work_points" SET "effective_deadline" = "deadline" WHERE "status" <> 'draft'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "work_points" DROP COLUMN "effective_deadline"`);
  }
}
