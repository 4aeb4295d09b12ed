import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@workpoints/config';
import { ErrorCode, type Actor, type SecuritySettings } from '@workpoints/contracts';
import {
  afterFailedSignIn,
  lockoutMessage,
  passwordProblems,
  shanghaiMinute,
} from '@workpoints/domain';
import { isCommonPassword } from '@workpoints/domain/common-passwords';
import { UserEntity, writeAccountOutbox } from '@workpoints/persistence';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainException } from '../common/domain.exception';
import { SecurityEventsService } from '../security/security-events.service';
import { SecuritySettingsService } from '../security/security-settings.service';
import { AuthRedis } from './auth-redis.service';
import { PasswordHasher } from './password-hasher.service';
import { type Issued, SessionsService } from './sessions.service';

/** One answer for an unknown user and a wrong password: the answer names no account. */
const WRONG_CREDENTIALS = '用户名或密码错误';

/**
 * Password sign-in and the person's own password. Every outcome is a security event; repeated
 * failures lock the account (progressively, see `afterFailedSignIn`) and tell the person and
 * the admins through the notification outbox. An unknown user name costs the same hash check
 * as a wrong password and, after as many failures, is answered as locked too, so neither the
 * timing nor the answers tell which names exist.
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly settings: SecuritySettingsService,
    private readonly security: SecurityEventsService,
    private readonly redis: AuthRedis,
    private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, req: Request): Promise<Issued> {
    const user = await this.withHash(username);
    const settings = await this.settings.current();
    if (!user) return this.refuseUnknown(username, password, settings, req);
    const now = new Date();
    if (user.lockedUntil && user.lockedUntil > now) {
      // The same check as any other attempt, so a locked account answers in the same time.
      await this.hasher.verify(null, password);
      await this.failed(user.username, user.id, '账号已锁定', req);
      throw new DomainException(
        ErrorCode.AccountLocked,
        lockoutMessage(user.lockedUntil),
      ).alreadyRecorded();
    }
    if (!(await this.hasher.verify(user.passwordHash, password)))
      return this.refuseWrongPassword(user, settings, req);
    if (!user.active) {
      await this.failed(user.username, user.id, '账号已停用', req);
      throw new DomainException(
        ErrorCode.Unauthenticated,
        '账号已停用，请联系系统管理员',
      ).alreadyRecorded();
    }
    await this.dataSource
      .getRepository(UserEntity)
      .update(
        { id: user.id },
        { failedSignIns: 0, lockouts: 0, lockedUntil: null, lastSignInAt: now },
      );
    const issued = await this.sessions.open(user, 'password', req);
    await this.security.record(
      {
        kind: 'sign-in',
        actor: issued.authenticated.actor,
        username: user.username,
        subjectUserId: user.id,
        details: { method: 'password', sessionId: issued.authenticated.sessionId },
      },
      req,
    );
    return issued;
  }

  /**
   * The person changes their own password: the current one first (a wrong one counts as a
   * failed sign-in), then the policy. Their other sessions end; this one goes on.
   */
  async changePassword(
    actor: Actor,
    sessionId: string,
    currentPassword: string,
    newPassword: string,
    req: Request,
  ): Promise<void> {
    const user = await this.withHash(undefined, actor.userId);
    if (!user) throw new DomainException(ErrorCode.Unauthenticated, '登录已失效，请重新登录');
    const settings = await this.settings.current();
    if (user.lockedUntil && user.lockedUntil > new Date())
      throw new DomainException(ErrorCode.AccountLocked, lockoutMessage(user.lockedUntil));
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      const locked = await this.countFailure(user, settings, req);
      if (locked) throw new DomainException(ErrorCode.AccountLocked, lockoutMessage(locked));
      throw new DomainException(ErrorCode.InvalidInput, 'currentPassword: 当前密码不正确');
    }
    await this.requireGoodPassword(newPassword, user);
    if (await this.hasher.verify(user.passwordHash, newPassword))
      throw new DomainException(ErrorCode.InvalidInput, 'newPassword: 新密码不能与当前密码相同');
    await this.dataSource.getRepository(UserEntity).update(
      { id: user.id },
      {
        passwordHash: await this.hasher.hash(newPassword),
        mustChangePassword: false,
        passwordChangedAt: new Date(),
        failedSignIns: 0,
      },
    );
    const ended = await this.sessions.endAllOf(user.id, 'password-changed', sessionId);
    await this.security.record(
      {
        kind: 'password-changed',
        actor,
        username: user.username,
        subjectUserId: user.id,
        details: { by: 'self', wasRequired: user.mustChangePassword, sessionsEnded: ended.length },
      },
      req,
    );
  }

  /** Refuses (400) a password the policy does not accept, naming every problem. */
  async requireGoodPassword(
    password: string,
    who: { username?: string | null; displayName?: string | null },
    field = 'newPassword',
  ): Promise<void> {
    const problems = passwordProblems(password, who, isCommonPassword);
    if (problems.length > 0)
      throw new DomainException(ErrorCode.InvalidInput, `${field}: ${problems.join('；')}`, {
        problems,
      });
    return Promise.resolve();
  }

  private async withHash(username?: string, id?: string): Promise<UserEntity | null> {
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash');
    if (id) qb.where('u.id = :id', { id });
    else qb.where('u.username = :username', { username });
    return qb.getOne();
  }

  private async refuseWrongPassword(
    user: UserEntity,
    settings: SecuritySettings,
    req: Request,
  ): Promise<never> {
    const locked = await this.countFailure(user, settings, req);
    if (locked)
      throw new DomainException(ErrorCode.AccountLocked, lockoutMessage(locked)).alreadyRecorded();
    throw new DomainException(ErrorCode.Unauthenticated, WRONG_CREDENTIALS).alreadyRecorded();
  }

  /**
   * Counts a failed check of the user's password, under a row lock (parallel attempts count
   * one by one); at the threshold locks the account and writes the notices in the same
   * transaction. Returns the end of a lock-out it started, else null.
   */
  private async countFailure(
    user: UserEntity,
    settings: SecuritySettings,
    req: Request,
  ): Promise<Date | null> {
    const now = new Date();
    const outcome = await this.dataSource.transaction(async (tx) => {
      const row = await tx.findOne(UserEntity, {
        where: { id: user.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) return null;
      const next = afterFailedSignIn(row, settings, now);
      await tx.update(
        UserEntity,
        { id: row.id },
        {
          failedSignIns: next.failedSignIns,
          lockouts: next.lockouts,
          ...(next.locked ? { lockedUntil: next.lockedUntil } : {}),
        },
      );
      if (next.locked)
        await writeAccountOutbox(
          tx,
          row,
          {
            kind: 'account-locked',
            occasion: `locked:${row.id}:${now.toISOString()}`,
            subject: `${row.displayName}（${row.username}）`,
            detail: `连续${settings.lockoutThreshold}次登录失败，锁定${next.minutes}分钟，至${shanghaiMinute(next.lockedUntil)}；最近一次来自 ${req.ip ?? '未知地址'}`,
            links: {
              person: `${this.config.notify.publicUrl}/settings`,
              admins: `${this.config.notify.publicUrl}/admin/users`,
            },
          },
          now,
        );
      return next;
    });
    await this.failed(user.username, user.id, '密码错误', req);
    if (!outcome?.locked) return null;
    await this.security.record(
      {
        kind: 'locked-out',
        username: user.username,
        subjectUserId: user.id,
        reason: `连续${settings.lockoutThreshold}次登录失败，锁定${outcome.minutes}分钟`,
        details: {
          lockedUntil: outcome.lockedUntil.toISOString(),
          minutes: outcome.minutes,
          lockoutsInARow: outcome.lockouts,
        },
      },
      req,
    );
    return outcome.lockedUntil;
  }

  /**
   * An unknown user name: the dummy hash check, then the same counting as an account (in
   * Redis, by the name's hash), so the answers match a real account's too.
   */
  private async refuseUnknown(
    username: string,
    password: string,
    settings: SecuritySettings,
    req: Request,
  ): Promise<never> {
    await this.hasher.verify(null, password);
    await this.failed(username, null, '用户名不存在', req);
    const key = this.redis.key(
      'unknown',
      createHash('sha256').update(username.toLowerCase()).digest('hex'),
    );
    try {
      const failures = await this.redis.client.incr(key);
      if (failures === 1) await this.redis.client.expire(key, settings.lockoutMinutes * 60);
      if (failures >= settings.lockoutThreshold) {
        const left = await this.redis.client.ttl(key);
        throw new DomainException(
          ErrorCode.AccountLocked,
          lockoutMessage(new Date(Date.now() + Math.max(left, 0) * 1000)),
        ).alreadyRecorded();
      }
    } catch (error) {
      if (error instanceof DomainException) throw error;
      this.logger.warn(`failed sign-ins of unknown names not counted: ${(error as Error).message}`);
    }
    throw new DomainException(ErrorCode.Unauthenticated, WRONG_CREDENTIALS).alreadyRecorded();
  }

  private failed(
    username: string,
    subjectUserId: string | null,
    reason: string,
    req: Request,
  ): Promise<void> {
    return this.security.record({ kind: 'sign-in-failed', username, subjectUserId, reason }, req);
  }
}
