import { ConfigError, loadConfig } from './app-config';

const base = {
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'x'.repeat(32),
};

describe('loadConfig', () => {
  it('fills defaults', () => {
    const c = loadConfig(base);
    expect(c.temporal).toEqual({ address: '127.0.0.1:7233', namespace: 'default', taskQueue: 'work-points' });
    expect(c.api.port).toBe(3000);
  });

  it('names every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ ...base, DATABASE_URL: 'mysql://x', API_PORT: 'eighty', JWT_SECRET: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('DATABASE_URL');
    expect(problems).toContain('API_PORT');
    expect(problems).toContain('JWT_SECRET');
  });
});
