import { createDataSource } from './data-source';

/**
 * Entry for the TypeORM CLI on the built output, e.g.
 * `DATABASE_URL=… npx typeorm -d dist/libs/persistence/src/cli-data-source.js migration:show`.
 * The CLI loads a file, not the app's configuration, hence the direct read of DATABASE_URL.
 */
const url = process.env['DATABASE_URL'];
if (!url)
  throw new Error('DATABASE_URL is not set: the TypeORM CLI needs the database to work on.');

export default createDataSource(url);
