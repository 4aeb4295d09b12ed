import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@workpoints/config';
import {
  ErrorCode,
  type Actor,
  type SecuritySettings,
  type SessionView,
  type SignInMethod,
} from '@workpoints/contracts';
import {
  SESSION_TIMEOUT_MESSAGES,
  type SessionTimeout,
  sessionExpiry,
  sessionTimeout,
} from '@workpoints/domain';
import { RefreshTokenEntity, SessionEntity, UserEntity } from '@workpoints/persistence';
import type { Request } from 'express';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import { DomainException } from '../common/domain.exception';
import { iso } from '../common/wire';
import { SecurityEventsService } from '../security/security-events.service';
import { SecuritySettingsService } from '../security/security-settings.service';
import { SessionEndsService } from './session-ends.service';

/** What an access token says: whose, and of which session. */
export interface TokenPayload {
  sub: string;
  sid: string;
}

/** Why a session ended, as `sessions.revoked_reason`. */
export type SessionEndReason =
  | 'signed-out'
  | 'signed-out-everywhere'
  | 'ended-by-user'
  | 'ended-by-admin'
  | 'deactivated'
  | 'password-changed'
  | 'password-reset'
  | 'refresh-token-reused'
  | 'idle'
  | 'absolute';

/** What the person is told when a request meets an ended session. */
const END_MESSAGES: Record<SessionEndReason, string> = {
  'signed-out': '已退出登录，请重新登录',
  'signed-out-everywhere': '您已在所有设备上退出登录，请重新登录',
  'ended-by-user': '这台设备的登录已被结束，请重新登录',
  'ended-by-admin': '管理员已结束您的登录，请重新登录',
  deactivated: '账号已停用，请联系系统管理员',
  'password-changed': '密码已修改，请用新密码重新登录',
  'password-reset': '密码已被管理员重置，请用一次性密码重新登录',
  'refresh-token-reused': '检测到登录凭据被重复使用，为安全起见已结束这次登录，请重新登录',
  ...SESSION_TIMEOUT_MESSAGES,
};

/** Where the browser keeps the refresh token: only the sign-in routes ever receive it. */
export const REFRESH_COOKIE = 'wp_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

/** A request's session, resolved and checked. */
export interface Authenticated {
  actor: Actor;
  sessionId: string;
  method: SignInMethod;
  mustChangePassword: boolean;
}

/** A new session or a rotation: the tokens to hand out. */
export interface Issued {
  authenticated: Authenticated;
  accessToken: string;
  refreshToken: string;
  /** Seconds the refresh cookie may live: until the session's absolute end. */
  refreshMaxAge: number;
}

type RefreshOutcome =
  | { kind: 'issued'; issued: Issued }
  | { kind: 'reused'; session: SessionEntity; user: UserEntity }
  | { kind: 'ended'; session: SessionEntity; reason: 'deactivated' | SessionTimeout }
  | { kind: 'refused'; message: string };

/** A session's last use is written at most this often (every request reads it). */
const TOUCH_EVERY_MS = 60_000;

/** The longest idle time a page may report (`X-Idle-Seconds`). */
const MAX_REPORTED_IDLE_S = 7 * 24 * 3600;

/**
 * Sessions and their tokens. An access token is a short-lived JWT (HS256, issuer and audience
 * pinned both ways) naming its session; every request checks the session in PostgreSQL, so an
 * ended session, a deactivated account or a timeout takes effect at the next request. The
 * refresh token is 256 random bits, stored as its SHA-256, rotated at each use; a rotated one
 * presented again ends the whole session (its token family).
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly settings: SecuritySettingsService,
    private readonly ends: SessionEndsService,
    private readonly security: SecurityEventsService,
  ) {}

  /** Opens a session for a user who just proved who they are. */
  async open(user: UserEntity, method: SignInMethod, req: Request): Promise<Issued> {
    const now = new Date();
    const settings = await this.settings.current();
    return this.dataSource.transaction(async (tx) => {
      const session = await tx.save(
        tx.create(SessionEntity, {
          userId: user.id,
          method,
          createdAt: now,
          lastUsedAt: now,
          revokedAt: null,
          revokedReason: null,
          ip: req.ip ?? null,
          userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
        }),
      );
      // Sessions long over are of no use to anyone: tidy the user's own on each sign-in.
      await tx
        .createQueryBuilder()
        .delete()
        .from(SessionEntity)
        .where('user_id = :userId', { userId: user.id })
        .andWhere(`created_at < :before`, {
          before: new Date(
            now.getTime() - 30 * 24 * 3600_000 - settings.absoluteTimeoutHours * 3600_000,
          ),
        })
        .execute();
      return this.issue(tx, user, session, settings, now);
    });
  }

  /** The access token's claims, or a 401 for anything not signed here, as pinned. */
  async verify(token: string): Promise<TokenPayload> {
    try {
      const payload = await this.jwt.verifyAsync<TokenPayload>(token);
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string')
        throw new Error('claims missing');
      return payload;
    } catch {
      throw new DomainException(ErrorCode.Unauthenticated, '登录已失效，请重新登录');
    }
  }

  /**
   * The live session and its user, for a request; 401 with the reason when it has ended. Each
   * request counts as use unless the page reports its person idle (`X-Idle-Seconds`).
   */
  async authenticate(
    sessionId: string,
    opts: {
      req?: Request;
      /** The token's subject, which must own the session. */
      userId?: string;
      /** Not a use of the session (a stream opening, the session check of a stream). */
      passive?: boolean;
    } = {},
  ): Promise<Authenticated> {
    const { req, userId, passive = false } = opts;
    const session = await this.dataSource
      .getRepository(SessionEntity)
      .findOne({ where: { id: sessionId }, relations: { user: true } });
    const user = session?.user;
    if (!session || !user || (userId !== undefined && session.userId !== userId))
      throw new DomainException(ErrorCode.Unauthenticated, '登录已失效，请重新登录');
    if (session.revokedReason)
      throw new DomainException(
        ErrorCode.Unauthenticated,
        END_MESSAGES[session.revokedReason as SessionEndReason] ?? '登录已结束，请重新登录',
      );
    if (!user.active)
      throw new DomainException(ErrorCode.Unauthenticated, END_MESSAGES.deactivated);
    const now = new Date();
    const settings = await this.settings.current();
    const lastUsedAt = passive
      ? session.lastUsedAt
      : lastActivity(session.lastUsedAt, activityInstant(req, now), settings);
    const timeout = sessionTimeout({ createdAt: session.createdAt, lastUsedAt }, settings, now);
    if (timeout) {
      await this.end([session.id], timeout);
      throw new DomainException(ErrorCode.Unauthenticated, END_MESSAGES[timeout]);
    }
    if (lastUsedAt.getTime() - session.lastUsedAt.getTime() >= TOUCH_EVERY_MS)
      await this.dataSource
        .getRepository(SessionEntity)
        .update({ id: session.id, revokedAt: IsNull() }, { lastUsedAt });
    return authenticated(user, session);
  }

  /**
   * Exchanges a refresh token for a new pair. A token already exchanged means two holders: the
   * session ends (both lose it) and the event is recorded.
   */
  async refresh(token: string, req: Request): Promise<Issued> {
    const now = new Date();
    const settings = await this.settings.current();
    const outcome = await this.dataSource.transaction(async (tx): Promise<RefreshOutcome> => {
      const stored = await tx.findOne(RefreshTokenEntity, {
        where: { tokenHash: hashToken(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!stored) return { kind: 'refused', message: '登录已失效，请重新登录' };
      const session = await tx.findOne(SessionEntity, {
        where: { id: stored.sessionId },
        relations: { user: true },
      });
      const user = session?.user;
      if (!session || !user) return { kind: 'refused', message: '登录已失效，请重新登录' };
      if (session.revokedReason)
        return {
          kind: 'refused',
          message:
            END_MESSAGES[session.revokedReason as SessionEndReason] ?? '登录已结束，请重新登录',
        };
      if (stored.rotatedAt) return { kind: 'reused', session, user };
      if (!user.active) return { kind: 'ended', session, reason: 'deactivated' };
      const lastUsedAt = lastActivity(session.lastUsedAt, activityInstant(req, now), settings);
      const timeout = sessionTimeout({ createdAt: session.createdAt, lastUsedAt }, settings, now);
      if (timeout) return { kind: 'ended', session, reason: timeout };
      await tx.update(RefreshTokenEntity, { id: stored.id }, { rotatedAt: now });
      if (lastUsedAt > session.lastUsedAt)
        await tx.update(SessionEntity, { id: session.id }, { lastUsedAt });
      return { kind: 'issued', issued: await this.issue(tx, user, session, settings, now) };
    });
    switch (outcome.kind) {
      case 'issued':
        return outcome.issued;
      case 'reused':
        await this.end([outcome.session.id], 'refresh-token-reused');
        await this.security.record(
          {
            kind: 'refresh-token-reused',
            username: outcome.user.username,
            subjectUserId: outcome.user.id,
            reason: '已轮换的刷新令牌被再次使用，该会话已结束',
            details: { sessionId: outcome.session.id },
          },
          req,
        );
        throw new DomainException(ErrorCode.Unauthenticated, END_MESSAGES['refresh-token-reused']);
      case 'ended':
        await this.end([outcome.session.id], outcome.reason);
        throw new DomainException(ErrorCode.Unauthenticated, END_MESSAGES[outcome.reason]);
      case 'refused':
        throw new DomainException(ErrorCode.Unauthenticated, outcome.message);
    }
  }

  /** The session a refresh token belongs to, if the token is known (sign-out by cookie). */
  async sessionOfRefreshToken(token: string): Promise<SessionEntity | null> {
    const stored = await this.dataSource
      .getRepository(RefreshTokenEntity)
      .findOne({ where: { tokenHash: hashToken(token) }, relations: { session: true } });
    return stored?.session ?? null;
  }

  /** Whose session it is, if it exists. */
  async owner(sessionId: string): Promise<UserEntity | null> {
    const session = await this.dataSource
      .getRepository(SessionEntity)
      .findOne({ where: { id: sessionId }, relations: { user: true } });
    return session?.user ?? null;
  }

  /** Ends sessions (those still open); tells every process. Returns the ids it ended. */
  async end(sessionIds: string[], reason: SessionEndReason): Promise<string[]> {
    if (sessionIds.length === 0) return [];
    const result = await this.dataSource
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where({ id: In(sessionIds), revokedAt: IsNull() })
      .returning(['id'])
      .execute();
    const ended = (result.raw as { id: string }[]).map((r) => r.id);
    await this.ends.announce(ended);
    return ended;
  }

  /** Ends every open session of a user, but `except` (the one asking, when it stays). */
  async endAllOf(userId: string, reason: SessionEndReason, except?: string): Promise<string[]> {
    const open = await this.dataSource.getRepository(SessionEntity).find({
      select: { id: true },
      where: { userId, revokedAt: IsNull(), ...(except ? { id: Not(except) } : {}) },
    });
    return this.end(
      open.map((s) => s.id),
      reason,
    );
  }

  /** A user's sessions that are still open, newest use first. */
  async listOpen(userId: string, currentId: string): Promise<SessionView[]> {
    const settings = await this.settings.current();
    const now = new Date();
    const rows = await this.dataSource.getRepository(SessionEntity).find({
      where: { userId, revokedAt: IsNull() },
      order: { lastUsedAt: 'DESC' },
    });
    return rows
      .filter((s) => sessionTimeout(s, settings, now) === null)
      .map((s) => ({
        id: s.id,
        current: s.id === currentId,
        method: s.method,
        createdAt: iso(s.createdAt),
        lastUsedAt: iso(s.lastUsedAt),
        expiresAt: iso(sessionExpiry(s.createdAt, settings)),
        ip: s.ip,
        userAgent: s.userAgent,
      }));
  }

  get accessTokenTtl(): number {
    return this.config.auth.accessTokenTtl;
  }

  private async issue(
    tx: EntityManager,
    user: UserEntity,
    session: SessionEntity,
    settings: SecuritySettings,
    now: Date,
  ): Promise<Issued> {
    const refreshToken = randomBytes(32).toString('base64url');
    await tx.insert(RefreshTokenEntity, {
      sessionId: session.id,
      tokenHash: hashToken(refreshToken),
      createdAt: now,
      rotatedAt: null,
    });
    const accessToken = await this.jwt.signAsync({
      sub: user.id,
      sid: session.id,
    } satisfies TokenPayload);
    const refreshMaxAge = Math.max(
      0,
      Math.floor((sessionExpiry(session.createdAt, settings).getTime() - now.getTime()) / 1000),
    );
    return {
      authenticated: authenticated(user, session),
      accessToken,
      refreshToken,
      refreshMaxAge,
    };
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function toActor(user: UserEntity): Actor {
  return {
    userId: user.id,
    displayName: user.displayName,
    departmentId: user.departmentId,
    roles: [...user.roles],
  };
}

function authenticated(user: UserEntity, session: SessionEntity): Authenticated {
  return {
    actor: toActor(user),
    sessionId: session.id,
    method: session.method,
    mustChangePassword: user.mustChangePassword,
  };
}

/**
 * The session's last use, counting this request's activity only if the session was still alive
 * then: a request after the idle time does not bring an idle session back.
 */
function lastActivity(
  stored: Date,
  activeAt: Date,
  settings: Pick<SecuritySettings, 'idleTimeoutMinutes'>,
): Date {
  const idleMs = settings.idleTimeoutMinutes * 60_000;
  return activeAt > stored && activeAt.getTime() - stored.getTime() < idleMs ? activeAt : stored;
}

/**
 * When the person last did something: the web app reports how long its page has seen no
 * input (`X-Idle-Seconds`), so its background polling does not keep an unattended session
 * alive; any other client's request is itself the activity.
 */
function activityInstant(req: Request | undefined, now: Date): Date {
  const header = req?.headers['x-idle-seconds'];
  const idle = Number(Array.isArray(header) ? header[0] : header);
  if (!Number.isFinite(idle) || idle <= 0) return now;
  return new Date(now.getTime() - Math.min(idle, MAX_REPORTED_IDLE_S) * 1000);
}
