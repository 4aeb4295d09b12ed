import { apiBaseUrl, appEnv, readStackConfig, reachableHost } from './stack-config';

describe('readStackConfig', () => {
  const read = (env: Record<string, string>, isTTY = false) =>
    readStackConfig(env, { repoRoot: '/repo', isTTY });

  it('starts everything embedded when nothing is set', () => {
    const config = read({ PATH: '/usr/bin' });
    expect(config).toMatchObject({
      dataDir: '/repo/.data',
      databaseUrl: undefined,
      redisUrl: undefined,
      temporalAddress: undefined,
      jwtSecret: undefined,
      demoPassword: undefined,
      apiHost: '127.0.0.1',
      apiPort: 3000,
      toolEnv: { PATH: '/usr/bin' },
      color: false,
    });
  });

  it('uses the services it is given and treats blank values as unset', () => {
    const config = read({
      DATABASE_URL: 'postgres://db/x',
      REDIS_URL: 'redis://r:6379',
      TEMPORAL_ADDRESS: 'temporal:7233',
      JWT_SECRET: '  ',
      API_PORT: '3100',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://db/x',
      redisUrl: 'redis://r:6379',
      temporalAddress: 'temporal:7233',
      jwtSecret: undefined,
      apiPort: 3100,
    });
  });

  it('refuses a malformed port or Temporal address', () => {
    expect(() => read({ API_PORT: 'http' })).toThrow(
      'API_PORT must be a port number (1-65535), not "http".',
    );
    expect(() => read({ API_PORT: '70000' })).toThrow(/API_PORT/);
    expect(() => read({ TEMPORAL_ADDRESS: 'http://x' })).toThrow(
      'TEMPORAL_ADDRESS must be host:port, not "http://x".',
    );
  });

  it('colours output on a terminal unless NO_COLOR is set', () => {
    expect(read({}, true).color).toBe(true);
    expect(read({ NO_COLOR: '1' }, true).color).toBe(false);
    expect(read({ FORCE_COLOR: '1' }, false).color).toBe(true);
  });
});

describe('appEnv', () => {
  it('passes the endpoints and the development defaults over the inherited environment', () => {
    const config = readStackConfig(
      { PATH: '/bin', DATABASE_URL: 'postgres://old/x', NODE_ENV: 'production' },
      { repoRoot: '/r', isTTY: false },
    );
    const env = appEnv(config, {
      databaseUrl: 'postgres://new/x',
      redisUrl: 'redis://127.0.0.1:63799',
      temporalAddress: '127.0.0.1:7233',
      jwtSecret: 's'.repeat(64),
    });
    expect(env).toMatchObject({
      PATH: '/bin',
      DATABASE_URL: 'postgres://new/x',
      REDIS_URL: 'redis://127.0.0.1:63799',
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      JWT_SECRET: 's'.repeat(64),
      API_HOST: '127.0.0.1',
      API_PORT: '3000',
      NODE_ENV: 'development',
    });
  });
});

describe('reachableHost', () => {
  it('reaches a wildcard bind through loopback and brackets IPv6', () => {
    expect(reachableHost('0.0.0.0')).toBe('127.0.0.1');
    expect(reachableHost('::')).toBe('127.0.0.1');
    expect(reachableHost('::1')).toBe('[::1]');
    expect(reachableHost('localhost')).toBe('localhost');
    expect(apiBaseUrl({ apiHost: '0.0.0.0', apiPort: 3000 })).toBe('http://127.0.0.1:3000/api');
  });
});
