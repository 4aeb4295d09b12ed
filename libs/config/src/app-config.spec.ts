import { ConfigError, loadConfig } from './app-config';

const base = {
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'x'.repeat(32),
};

describe('loadConfig', () => {
  it('fills defaults', () => {
    const c = loadConfig(base);
    expect(c.temporal).toEqual({
      address: '127.0.0.1:7233',
      namespace: 'default',
      taskQueue: 'work-points',
    });
    expect(c.api.port).toBe(3000);
    expect(c.redis).toMatchObject({ host: '127.0.0.1', port: 6379, db: 0 });
    expect(c.exports).toEqual({ inlineLimit: 2000 });
  });

  it('reads the export limit, and refuses one that is not a whole number', () => {
    expect(loadConfig({ ...base, EXPORT_INLINE_LIMIT: '2' }).exports.inlineLimit).toBe(2);
    expect(() => loadConfig({ ...base, EXPORT_INLINE_LIMIT: '-1' })).toThrow('EXPORT_INLINE_LIMIT');
    expect(() => loadConfig({ ...base, EXPORT_INLINE_LIMIT: 'many' })).toThrow(
      'EXPORT_INLINE_LIMIT',
    );
  });

  it('reads credentials and database from the Redis URL', () => {
    const c = loadConfig({ ...base, REDIS_URL: 'redis://:s%40cret@cache:6380/2' });
    expect(c.redis).toMatchObject({ host: 'cache', port: 6380, password: 's@cret', db: 2 });
  });

  it('reads the notification settings: no email without SMTP_URL, an empty one included', () => {
    expect(loadConfig(base).notify).toEqual({
      publicUrl: 'http://localhost:3000',
      smtp: null,
      from: 'workpoints <noreply@workpoints.local>',
      backoffMs: 2000,
    });
    expect(loadConfig({ ...base, SMTP_URL: '' }).notify.smtp).toBeNull();
    const c = loadConfig({
      ...base,
      PUBLIC_URL: 'https://duban.example.gov.cn/',
      SMTP_URL: 'smtps://duban:p%40ss@mail.example.gov.cn',
    });
    expect(c.notify.publicUrl).toBe('https://duban.example.gov.cn');
    expect(c.notify.smtp).toEqual({
      host: 'mail.example.gov.cn',
      port: 465,
      secure: true,
      auth: { user: 'duban', pass: 'p@ss' },
    });
    expect(() => loadConfig({ ...base, SMTP_URL: 'mail.example.gov.cn' })).toThrow('SMTP_URL');
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
