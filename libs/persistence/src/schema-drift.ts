import type { DataSource } from 'typeorm';

export interface SchemaDrift {
  /** SQL that would bring the database to the entities; empty when they agree. */
  up: string[];
  /** SQL that would undo `up`. */
  down: string[];
}

/**
 * What the schema builder would still change in the connected database: the same diff
 * `typeorm migration:generate` writes into a migration. Empty after all migrations ran
 * means the migrations and the entities agree.
 */
export async function schemaDrift(dataSource: DataSource): Promise<SchemaDrift> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return { up: log.upQueries.map((q) => q.query), down: log.downQueries.map((q) => q.query) };
}
