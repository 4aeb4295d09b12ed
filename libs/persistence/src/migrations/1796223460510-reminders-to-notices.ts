import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The table of notices (a point's planned chase events, one row per recipient) was called
 * `reminders`; it and the constraints named after it take the glossary's word. Written by hand:
 * TypeORM generates a rename as a drop and a create, which would lose the rows. Renaming a
 * primary-key or unique constraint renames its index too.
 */
const RENAMES = [
  ['pk_reminders', 'pk_notices'],
  ['uq_reminders_once', 'uq_notices_once'],
  ['fk_reminders_point_id', 'fk_notices_point_id'],
  ['fk_reminders_department_id', 'fk_notices_department_id'],
  ['fk_reminders_user_id', 'fk_notices_user_id'],
] as const;

export class RemindersToNotices1796223460510 implements MigrationInterface {
  name = 'RemindersToNotices1796223460510';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reminders" RENAME TO "notices"`);
    for (const [from, to] of RENAMES)
      await queryRunner.query(`ALTER TABLE "notices" RENAME CONSTRAINT "${from}" TO "${to}"`);
    await queryRunner.query(
      `ALTER INDEX "ix_reminders_point_notice_date" RENAME TO "ix_notices_point_notice_date"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER INDEX "ix_notices_point_notice_date" RENAME TO "ix_reminders_point_notice_date"`,
    );
    for (const [from, to] of RENAMES)
      await queryRunner.query(`ALTER TABLE "notices" RENAME CONSTRAINT "${to}" TO "${from}"`);
    await queryRunner.query(`ALTER TABLE "notices" RENAME TO "reminders"`);
  }
}
