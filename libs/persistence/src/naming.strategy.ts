import { createHash } from 'node:crypto';
import { DefaultNamingStrategy, type NamingStrategyInterface, type Table } from 'typeorm';

/** PostgreSQL truncates identifiers past 63 bytes, which would make two long names collide. */
const MAX_IDENTIFIER = 63;

/**
 * Readable constraint names (`pk_users`, `fk_work_points_plan_id`, `ix_…`, `uq_…`) instead of
 * TypeORM's hashes, so migrations, error messages and `\d` output say what they are about.
 * Column and table names are always given explicitly in the entities; only the names TypeORM
 * would otherwise invent are changed here.
 */
export class WorkpointsNamingStrategy
  extends DefaultNamingStrategy
  implements NamingStrategyInterface
{
  override primaryKeyName(tableOrName: Table | string): string {
    return identifier(`pk_${bareTable(tableOrName)}`);
  }

  override foreignKeyName(tableOrName: Table | string, columnNames: string[]): string {
    return identifier(`fk_${bareTable(tableOrName)}_${columnNames.join('_')}`);
  }

  override uniqueConstraintName(tableOrName: Table | string, columnNames: string[]): string {
    return identifier(`uq_${bareTable(tableOrName)}_${columnNames.join('_')}`);
  }

  override indexName(tableOrName: Table | string, columnNames: string[], where?: string): string {
    const name = `ix_${bareTable(tableOrName)}_${columnNames.join('_')}`;
    return where ? hashed(name, where) : identifier(name);
  }

  override relationConstraintName(
    tableOrName: Table | string,
    columnNames: string[],
    where?: string,
  ): string {
    const name = `uq_${bareTable(tableOrName)}_${columnNames.join('_')}`;
    return where ? hashed(name, where) : identifier(name);
  }

  override checkConstraintName(
    tableOrName: Table | string,
    expression: string,
    isEnum?: boolean,
  ): string {
    return hashed(`ck_${bareTable(tableOrName)}${isEnum ? '_enum' : ''}`, expression);
  }

  override exclusionConstraintName(tableOrName: Table | string, expression: string): string {
    return hashed(`xc_${bareTable(tableOrName)}`, expression);
  }
}

function bareTable(tableOrName: Table | string): string {
  const path = typeof tableOrName === 'string' ? tableOrName : tableOrName.name;
  return path.slice(path.lastIndexOf('.') + 1);
}

function identifier(name: string): string {
  return name.length <= MAX_IDENTIFIER ? name : hashed(name.slice(0, MAX_IDENTIFIER - 9), name);
}

function hashed(name: string, key: string): string {
  const suffix = createHash('sha1').update(key).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_IDENTIFIER - 9)}_${suffix}`;
}
