import {
  NO_REDIS_SERVER_HINT,
  findRedisServer,
  isRedisNoise,
  redisServerArgs,
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
