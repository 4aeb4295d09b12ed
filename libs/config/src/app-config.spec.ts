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

  it('pins short access tokens, issuer and audience, and Secure cookies by default', () => {
    expect(loadConfig(base).auth).toEqual({
      jwtSecret: 'x'.repeat(32),
      jwtIssuer: 'workpoints',
      jwtAudience: 'workpoints-api',
      accessTokenTtl: 600,
      secureCookie: true,
      signInLimitPerAddress: 30,
      signInLimitPerUsername: 10,
      hashConcurrency: 4,
      hashQueue: 64,
    });
    const c = loadConfig({ ...base, ACCESS_TOKEN_TTL: '90s', SESSION_COOKIE_SECURE: 'false' });
    expect(c.auth.accessTokenTtl).toBe(90);
    expect(c.auth.secureCookie).toBe(false);
    expect(() => loadConfig({ ...base, ACCESS_TOKEN_TTL: '12h' })).toThrow('ACCESS_TOKEN_TTL');
    expect(() => loadConfig({ ...base, ACCESS_TOKEN_TTL: '2h' })).toThrow('ACCESS_TOKEN_TTL');
    expect(() => loadConfig({ ...base, JWT_TTL: '12h' })).toThrow(
      'JWT_TTL: is replaced by ACCESS_TOKEN_TTL',
    );
  });

  it('turns single sign-on on with an issuer, and asks for its client', () => {
    expect(loadConfig(base).oidc).toBeNull();
    // A compose file's `${OIDC_ISSUER:-}` arrives empty: off, like unset.
    expect(
      loadConfig({
        ...base,
        OIDC_ISSUER: '',
        OIDC_CLIENT_ID: '',
        OIDC_CLIENT_SECRET: '',
        TRUST_PROXY: '',
      }).oidc,
    ).toBeNull();
    const c = loadConfig({
      ...base,
      PUBLIC_URL: 'https://duban.example.gov.cn',
      OIDC_ISSUER: 'https://sso.example.gov.cn/realms/office',
      OIDC_CLIENT_ID: 'workpoints',
      OIDC_CLIENT_SECRET: 's3cret',
    });
    expect(c.oidc).toEqual({
      issuer: 'https://sso.example.gov.cn/realms/office',
      clientId: 'workpoints',
      clientSecret: 's3cret',
      redirectUri: 'https://duban.example.gov.cn/api/auth/oidc/callback',
      scopes: 'openid profile email',
      claim: 'preferred_username',
      userField: 'username',
      label: '统一身份认证登录',
    });
    expect(() => loadConfig({ ...base, OIDC_ISSUER: 'https://sso.example.gov.cn' })).toThrow(
      /OIDC_CLIENT_ID: required with OIDC_ISSUER[\s\S]*OIDC_CLIENT_SECRET/,
    );
    expect(() =>
      loadConfig({
        ...base,
        OIDC_ISSUER: 'http://sso.example.gov.cn',
        OIDC_CLIENT_ID: 'a',
        OIDC_CLIENT_SECRET: 'b',
      }),
    ).toThrow('OIDC_ISSUER: must be https://');
    expect(
      loadConfig({
        ...base,
        OIDC_ISSUER: 'http://127.0.0.1:4000',
        OIDC_CLIENT_ID: 'a',
        OIDC_CLIENT_SECRET: 'b',
      }).oidc?.issuer,
    ).toBe('http://127.0.0.1:4000');
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
