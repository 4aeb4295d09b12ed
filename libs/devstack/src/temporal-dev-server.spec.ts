import { temporalDevServerArgs } from './temporal-dev-server';

describe('temporalDevServerArgs', () => {
  it('binds to loopback on the given ports with a persistent SQLite file and quiet logs', () => {
    // prettier-ignore
    expect(temporalDevServerArgs({ port: 7233, uiPort: 8233, dbFile: '/repo/.data/temporal.db' })).toEqual([
      'server', 'start-dev',
      '--ip', '127.0.0.1',
      '--port', '7233',
      '--ui-port', '8233',
      '--db-filename', '/repo/.data/temporal.db',
      '--log-level', 'warn',
    ]);
  });

  it('makes a relative db file absolute', () => {
    const args = temporalDevServerArgs({
      port: 1,
      uiPort: 2,
      dbFile: '.data/t.db',
      host: '0.0.0.0',
    });
    expect(args[args.indexOf('--db-filename') + 1]).toBe(`${process.cwd()}/.data/t.db`);
    expect(args[args.indexOf('--ip') + 1]).toBe('0.0.0.0');
  });
});
