import { SecurityEventEntity, UserEntity } from '@workpoints/persistence';
import { findFreePort } from '@workpoints/devstack';
import { startOidcProvider, type TestOidcProvider } from '@workpoints/testing';
import { startApi, type ApiHarness } from '../testing/api-harness';

/** Cookies by name for each host, as a browser keeps them (paths ignored: one test, one flow). */
class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  async get(url: string, init: RequestInit = {}): Promise<Response> {
    const host = new URL(url).host;
    const jar = this.jars.get(host) ?? new Map<string, string>();
    this.jars.set(host, jar);
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        ...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
      },
    });
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (!name) continue;
      if (/expires=thu, 01 jan 1970/i.test(set) || value.join('=') === '') jar.delete(name);
      else jar.set(name, value.join('='));
    }
    return res;
  }

  cookie(host: string, name: string): string | undefined {
    return this.jars.get(host)?.get(name);
  }

  /** Follows redirects until one leaves for `until` (an origin), returning that address. */
  async follow(url: string, until: string): Promise<string> {
    let next = url;
    for (let hops = 0; hops < 10; hops++) {
      if (next.startsWith(until)) return next;
      const res = await this.get(next);
      await res.text();
      const location = res.headers.get('location');
      if (!location) throw new Error(`no redirect from ${next} (${res.status})`);
      next = new URL(location, next).href;
    }
    throw new Error('too many redirects');
  }
}

describe('single sign-on against a real OpenID provider', () => {
  let api: ApiHarness;
  let idp: TestOidcProvider;
  let callback: string;

  beforeAll(async () => {
    const apiPort = await findFreePort();
    callback = `http://127.0.0.1:${apiPort}/api/auth/oidc/callback`;
    idp = await startOidcProvider({
      redirectUris: [callback],
      identities: [
        { login: 'w.jiayi', claims: { email: 'WUJY@example.gov.cn', name: '吴佳怡' } },
        { login: 'stranger', claims: { email: 'stranger@example.org' } },
      ],
    });
    api = await startApi({
      API_PORT: String(apiPort),
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_REDIRECT_URI: callback,
      OIDC_CLAIM: 'email',
      OIDC_USER_FIELD: 'email',
    });
    await api.ds
      .getRepository(UserEntity)
      .update({ username: 'zlglc.staff' }, { email: 'wujy@example.gov.cn' });
  });
  afterAll(async () => {
    await api?.stop();
    await idp?.stop();
  });

  /** The whole browser flow up to the API's callback answer. */
  async function signInAs(login: string, browser = new Browser()) {
    const start = await browser.get(`${api.url}/api/auth/oidc/start?returnTo=/points`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location') ?? '');
    expect(authorize.origin).toBe(idp.issuer);
    const interaction = await browser.follow(authorize.href, `${idp.issuer}/interaction/`);
    const form = await browser.get(interaction);
    expect(await form.text()).toContain('name="login"');
    const submitted = await browser.get(interaction, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
    });
    await submitted.text();
    const back = await browser.follow(
      new URL(submitted.headers.get('location') ?? '', interaction).href,
      callback,
    );
    const answer = await browser.get(back);
    return { browser, authorize, back: new URL(back), answer };
  }

  it('offers single sign-on on the login page', async () => {
    const options = await api.client().call('GET', '/api/auth/options');
    expect(options.body).toEqual({
      sso: { enabled: true, label: '统一身份认证登录' },
      password: { minLength: 12, maxLength: 128 },
    });
  });

  it('signs in by the code flow with PKCE, state and nonce; roles stay workpoints’', async () => {
    const { browser, authorize, back, answer } = await signInAs('w.jiayi');
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(back.searchParams.get('code')).toBeTruthy();
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/points');

    const host = new URL(api.url).host;
    const refresh = await browser.get(`${api.url}/api/auth/refresh`, { method: 'POST' });
    const body = (await refresh.json()) as {
      user: { displayName: string; roles: string[] };
      mustChangePassword: boolean;
    };
    expect(refresh.status).toBe(200);
    expect(body.user).toMatchObject({ displayName: '吴佳怡', roles: ['staff'] });
    expect(body.mustChangePassword).toBe(false);
    expect(browser.cookie(host, 'wp_refresh')).toBeTruthy();
    const event = await api.ds
      .getRepository(SecurityEventEntity)
      .findOneByOrFail({ kind: 'sign-in', username: 'zlglc.staff' });
    expect(event.details).toMatchObject({
      method: 'sso',
      claim: 'email',
      value: 'WUJY@example.gov.cn',
    });
  });

  it('refuses an identity with no account here, with a reason and a security event', async () => {
    const { answer } = await signInAs('stranger');
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/login?sso=unknown-user');
    const event = await api.ds
      .getRepository(SecurityEventEntity)
      .findOneByOrFail({ kind: 'sign-in-failed', username: 'stranger@example.org' });
    expect(event.reason).toBe('统一身份认证用户 stranger@example.org 在本系统没有账号');
  });

  it('refuses a deactivated account', async () => {
    await api.ds.getRepository(UserEntity).update({ username: 'zlglc.staff' }, { active: false });
    try {
      const { answer } = await signInAs('w.jiayi');
      expect(answer.headers.get('location')).toBe('/login?sso=inactive');
    } finally {
      await api.ds.getRepository(UserEntity).update({ username: 'zlglc.staff' }, { active: true });
    }
  });

  it('returns only to a path of this site', async () => {
    for (const returnTo of ['//evil.example', '/\\evil.example', 'https://evil.example/'])
      expect(
        (await fetch(`${api.url}/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`))
          .status,
      ).toBe(400);
  });

  it('refuses a callback it did not start, or whose state was changed', async () => {
    const { back } = await signInAs('w.jiayi');
    // The same answer again, from a browser that never started a sign-in: no transaction.
    const replay = await new Browser().get(back.href);
    expect(replay.headers.get('location')).toBe('/login?sso=expired');

    const browser = new Browser();
    const start = await browser.get(`${api.url}/api/auth/oidc/start`);
    const authorize = new URL(start.headers.get('location') ?? '');
    authorize.searchParams.set('state', 'forged-state');
    const interaction = await browser.follow(authorize.href, `${idp.issuer}/interaction/`);
    const submitted = await browser.get(interaction, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login: 'w.jiayi', password: 'x' }).toString(),
    });
    const forged = await browser.follow(
      new URL(submitted.headers.get('location') ?? '', interaction).href,
      callback,
    );
    const answer = await browser.get(forged);
    expect(answer.headers.get('location')).toBe('/login?sso=failed');
    expect(browser.cookie(new URL(api.url).host, 'wp_refresh')).toBeUndefined();
  });
});
