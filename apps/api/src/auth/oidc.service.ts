import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, type OidcConfig } from '@workpoints/config';
import { UserEntity } from '@workpoints/persistence';
import type { Request } from 'express';
import * as oidc from 'openid-client';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SecurityEventsService } from '../security/security-events.service';
import { AuthRedis } from './auth-redis.service';
import { type Issued, SessionsService } from './sessions.service';

/** How long a sign-in at the identity platform may take, start to callback. */
export const SSO_TRANSACTION_TTL_SECONDS = 600;

/** Why a single sign-on was refused; the login page says each in words. */
export type SsoRefusal = 'unknown-user' | 'inactive' | 'expired' | 'failed';

interface Transaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/**
 * Single sign-on through the office's identity platform, OpenID Connect with the authorization
 * code flow, PKCE (S256), state and nonce (openid-client does the protocol and checks the ID
 * token). The platform says who the person is; workpoints decides what they may do: the
 * configured claim must match one active account (by user name or email), and roles stay
 * those of that account. The flow's secrets wait in Redis under a random id the browser holds
 * in a short, HttpOnly cookie, and are spent on the callback.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private discovered: Promise<oidc.Configuration> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly redis: AuthRedis,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly security: SecurityEventsService,
  ) {}

  get settings(): OidcConfig | null {
    return this.config.oidc;
  }

  /** The provider's authorization URL for a new sign-in, and the transaction's id. */
  async start(returnTo: string): Promise<{ url: string; transactionId: string }> {
    const settings = this.require();
    const configuration = await this.configuration();
    const transaction: Transaction = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo,
    };
    const transactionId = randomBytes(24).toString('base64url');
    await this.redis.client.set(
      this.redis.key('oidc', transactionId),
      JSON.stringify(transaction),
      'EX',
      SSO_TRANSACTION_TTL_SECONDS,
    );
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUri,
      scope: settings.scopes,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(transaction.codeVerifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
    });
    return { url: url.href, transactionId };
  }

  /**
   * The provider's answer: checks it, finds the account and opens a session; or says why not
   * (and records a failed sign-in). `returnTo` is where the person was going.
   */
  async finish(
    transactionId: string | null,
    req: Request,
  ): Promise<{ issued: Issued; returnTo: string } | { refused: SsoRefusal }> {
    const settings = this.require();
    const raw = transactionId
      ? await this.redis.client.getdel(this.redis.key('oidc', transactionId))
      : null;
    if (!raw) {
      await this.refusal(req, null, '统一身份认证登录已过期或不是从本系统发起');
      return { refused: 'expired' };
    }
    const transaction = JSON.parse(raw) as Transaction;
    let claimValue: string | null;
    try {
      const configuration = await this.configuration();
      const query = new URL(req.originalUrl, 'http://callback').search;
      const tokens = await oidc.authorizationCodeGrant(
        configuration,
        new URL(`${settings.redirectUri}${query}`),
        {
          pkceCodeVerifier: transaction.codeVerifier,
          expectedState: transaction.state,
          expectedNonce: transaction.nonce,
          idTokenExpected: true,
        },
      );
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      let value: unknown = claims[settings.claim];
      if (value === undefined) {
        const info = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        value = info[settings.claim];
      }
      claimValue = typeof value === 'string' && value.trim() ? value.trim() : null;
    } catch (error) {
      this.logger.warn(`single sign-on refused: ${(error as Error).message}`);
      await this.refusal(req, null, `统一身份认证应答无效：${(error as Error).message}`);
      return { refused: 'failed' };
    }
    if (!claimValue) {
      await this.refusal(req, null, `身份令牌中没有 ${settings.claim}`);
      return { refused: 'failed' };
    }
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where(`lower(u.${settings.userField}) = :value`, { value: claimValue.toLowerCase() })
      .getOne();
    if (!user) {
      await this.refusal(req, claimValue, `统一身份认证用户 ${claimValue} 在本系统没有账号`);
      return { refused: 'unknown-user' };
    }
    if (!user.active) {
      await this.refusal(req, claimValue, '账号已停用', user.id);
      return { refused: 'inactive' };
    }
    await this.dataSource
      .getRepository(UserEntity)
      .update({ id: user.id }, { lastSignInAt: new Date() });
    const issued = await this.sessions.open(user, 'sso', req);
    await this.security.record(
      {
        kind: 'sign-in',
        actor: issued.authenticated.actor,
        username: user.username,
        subjectUserId: user.id,
        details: {
          method: 'sso',
          claim: settings.claim,
          value: claimValue,
          sessionId: issued.authenticated.sessionId,
        },
      },
      req,
    );
    return { issued, returnTo: transaction.returnTo };
  }

  private require(): OidcConfig {
    if (!this.config.oidc) throw new Error('single sign-on is not configured (OIDC_ISSUER)');
    return this.config.oidc;
  }

  /** The provider's metadata, discovered once (again after a failure). */
  private configuration(): Promise<oidc.Configuration> {
    const settings = this.require();
    this.discovered ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        oidc.ClientSecretBasic(settings.clientSecret),
        // Configuration refuses http:// issuers other than this machine's.
        settings.issuer.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : {},
      )
      .catch((error: unknown) => {
        this.discovered = null;
        throw error;
      });
    return this.discovered;
  }

  private refusal(
    req: Request,
    username: string | null,
    reason: string,
    subjectUserId: string | null = null,
  ): Promise<void> {
    return this.security.record(
      {
        kind: 'sign-in-failed',
        username,
        subjectUserId,
        reason,
        details: { method: 'sso', issuer: this.config.oidc?.issuer ?? null },
      },
      req,
    );
  }
}
