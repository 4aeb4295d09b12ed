import { findFreePort } from '@workpoints/devstack';
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

export interface TestIdentity {
  /** What the platform's login form takes, and the ID token's subject. */
  login: string;
  claims: Record<string, string>;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

/**
 * A real OpenID Connect provider (`oidc-provider`, certified) on a free localhost port, for
 * tests of single sign-on: one confidential client (`client_secret_basic`, authorization code,
 * PKCE required), its development login form (any login name signs in as that account), and
 * consent taken as given, as an office's own identity platform does for its own systems.
 * Claims come from `identities`; an unlisted login gets `preferred_username` only.
 */
export async function startOidcProvider(opts: {
  redirectUris: string[];
  identities?: TestIdentity[];
  port?: number;
}): Promise<TestOidcProvider> {
  const port = opts.port ?? (await findFreePort());
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'workpoints';
  const clientSecret = randomBytes(24).toString('hex');
  const identities = new Map((opts.identities ?? []).map((i) => [i.login, i.claims]));
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: {
      openid: ['sub'],
      profile: ['preferred_username', 'name'],
      email: ['email'],
    },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, preferred_username: sub, ...identities.get(sub) }),
    }),
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { provider, client, session, result } = ctx.oidc;
      const grantId =
        (result?.['consent'] as { grantId?: string } | undefined)?.grantId ??
        (client ? session?.grantIdFor(client.clientId) : undefined);
      if (grantId) return provider.Grant.find(grantId);
      if (!client || !session?.accountId) return undefined;
      const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  const server: Server = provider.listen(port, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
