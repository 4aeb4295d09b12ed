import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ErrorCode,
  type Actor,
  type PasswordResetView,
  type SecurityEventKind,
  type UserView,
} from '@workpoints/contracts';
import { UserEntity } from '@workpoints/persistence';
import type { Request } from 'express';
import { randomInt } from 'node:crypto';
import { Repository } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import { PasswordHasher } from '../auth/password-hasher.service';
import { SessionsService } from '../auth/sessions.service';
import { DomainException } from '../common/domain.exception';
import { DepartmentsService } from '../departments/departments.service';
import { SecurityEventsService } from '../security/security-events.service';
import type { CreateUserDto, ListUsersQuery, UpdateUserDto } from './dto/create-user.dto';
import { toUserView } from './user.mapper';

/** Letters and digits nobody misreads (no 0/O, 1/l/I) for one-time passwords read aloud. */
const ONE_TIME_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * The admins' accounts (用户管理): create, change, deactivate and reactivate, reset, unlock.
 * Every change is a security event with who, when, from where and what changed; a change of
 * roles or department applies at the next request, since every request reads the account.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly departments: DepartmentsService,
    private readonly hasher: PasswordHasher,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly security: SecurityEventsService,
  ) {}

  async list(query: ListUsersQuery): Promise<UserView[]> {
    const qb = this.users.createQueryBuilder('u').orderBy('u.username', 'ASC');
    if (query.departmentId) qb.andWhere('u.departmentId = :d', { d: query.departmentId });
    if (query.role) qb.andWhere(':role = ANY(u.roles)', { role: query.role });
    return (await qb.getMany()).map(toUserView);
  }

  /** A new account with the admin's initial password, to be changed at the first sign-in. */
  async create(dto: CreateUserDto, actor: Actor, req: Request): Promise<UserView> {
    if (await this.users.existsBy({ username: dto.username }))
      throw new DomainException(ErrorCode.InvalidInput, `username: 用户名 ${dto.username} 已存在`);
    if (dto.departmentId) await this.departments.requireAll([dto.departmentId], 'departmentId');
    await this.auth.requireGoodPassword(dto.password, dto, 'password');
    const saved = await this.users.save(
      this.users.create({
        username: dto.username,
        displayName: dto.displayName,
        passwordHash: await this.hasher.hash(dto.password),
        departmentId: dto.departmentId ?? null,
        roles: dto.roles,
        email: dto.email ?? null,
        mustChangePassword: true,
      }),
    );
    const user = await this.users.findOneByOrFail({ id: saved.id });
    await this.record('account-created', actor, user, req, {
      roles: user.roles,
      departmentId: user.departmentId,
    });
    return toUserView(user);
  }

  async update(id: string, dto: UpdateUserDto, actor: Actor, req: Request): Promise<UserView> {
    const user = await this.require(id);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const change = <K extends 'displayName' | 'departmentId' | 'roles' | 'email'>(
      key: K,
      value: UserEntity[K] | undefined,
    ) => {
      if (value === undefined || JSON.stringify(value) === JSON.stringify(user[key])) return;
      before[key] = user[key];
      after[key] = value;
      user[key] = value;
    };
    if (dto.departmentId) await this.departments.requireAll([dto.departmentId], 'departmentId');
    if (dto.roles && user.roles.includes('admin') && !dto.roles.includes('admin'))
      await this.requireAnotherAdmin(user, '不能取消最后一位系统管理员的管理员角色');
    change('displayName', dto.displayName);
    change('departmentId', dto.departmentId);
    change('roles', dto.roles ? [...new Set(dto.roles)] : undefined);
    change('email', dto.email);
    if (Object.keys(after).length === 0) return toUserView(user);
    await this.users.update(
      { id },
      {
        displayName: user.displayName,
        departmentId: user.departmentId,
        roles: user.roles,
        email: user.email,
      },
    );
    await this.record('account-changed', actor, user, req, {
      before,
      after,
      ...('roles' in after ? { rolesChanged: true } : {}),
    });
    return toUserView(await this.users.findOneByOrFail({ id }));
  }

  /** Deactivates an account: every session of it ends at once, and it cannot sign in. */
  async deactivate(id: string, actor: Actor, req: Request): Promise<UserView> {
    const user = await this.require(id);
    if (user.id === actor.userId)
      throw new DomainException(ErrorCode.OutOfTurn, '不能停用自己的账号');
    if (!user.active) return toUserView(user);
    if (user.roles.includes('admin'))
      await this.requireAnotherAdmin(user, '不能停用最后一位系统管理员');
    await this.users.update({ id }, { active: false });
    const ended = await this.sessions.endAllOf(id, 'deactivated');
    await this.record('account-deactivated', actor, user, req, { sessionsEnded: ended.length });
    return toUserView(await this.users.findOneByOrFail({ id }));
  }

  async reactivate(id: string, actor: Actor, req: Request): Promise<UserView> {
    const user = await this.require(id);
    if (user.active) return toUserView(user);
    await this.users.update({ id }, { active: true });
    await this.record('account-reactivated', actor, user, req, {});
    return toUserView(await this.users.findOneByOrFail({ id }));
  }

  /**
   * A one-time password, shown to the admin once and stored only as its hash: the person signs
   * in with it and must set their own at once. Lifts a lock and ends every session.
   */
  async resetPassword(id: string, actor: Actor, req: Request): Promise<PasswordResetView> {
    const user = await this.require(id);
    const oneTimePassword = Array.from({ length: 4 }, () =>
      Array.from({ length: 4 }, () => ONE_TIME_ALPHABET[randomInt(ONE_TIME_ALPHABET.length)]).join(
        '',
      ),
    ).join('-');
    await this.users.update(
      { id },
      {
        passwordHash: await this.hasher.hash(oneTimePassword),
        mustChangePassword: true,
        passwordChangedAt: new Date(),
        failedSignIns: 0,
        lockouts: 0,
        lockedUntil: null,
      },
    );
    const ended = await this.sessions.endAllOf(id, 'password-reset');
    await this.record('password-reset', actor, user, req, {
      by: 'admin',
      sessionsEnded: ended.length,
      wasLocked: !!user.lockedUntil && user.lockedUntil > new Date(),
    });
    return { oneTimePassword };
  }

  /** Lifts a lock-out (and forgets the failures that led to it). */
  async unlock(id: string, actor: Actor, req: Request): Promise<UserView> {
    const user = await this.require(id);
    await this.users.update({ id }, { failedSignIns: 0, lockouts: 0, lockedUntil: null });
    await this.record('account-unlocked', actor, user, req, {
      lockedUntil: user.lockedUntil?.toISOString() ?? null,
    });
    return toUserView(await this.users.findOneByOrFail({ id }));
  }

  /** Ends every session of an account (a lost phone, a shared computer). */
  async endSessions(id: string, actor: Actor, req: Request): Promise<{ revoked: number }> {
    const user = await this.require(id);
    const ended = await this.sessions.endAllOf(id, 'ended-by-admin');
    await this.record('sessions-revoked', actor, user, req, { sessions: ended.length });
    return { revoked: ended.length };
  }

  /** The user must exist and hold the role; used for a point's supervisor. */
  async requireRole(id: string, role: string, field: string): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new DomainException(ErrorCode.InvalidInput, `${field}: 用户不存在 ${id}`);
    if (!user.roles.includes(role as UserEntity['roles'][number]))
      throw new DomainException(
        ErrorCode.InvalidInput,
        `${field}: ${user.displayName} 不是分管领导`,
      );
    return user;
  }

  private async require(id: string): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new DomainException(ErrorCode.NotFound, `用户不存在：${id}`);
    return user;
  }

  /** Someone must still be able to administer accounts after this change. */
  private async requireAnotherAdmin(user: UserEntity, refusal: string): Promise<void> {
    const others = await this.users
      .createQueryBuilder('u')
      .where(`'admin' = ANY(u.roles)`)
      .andWhere('u.active')
      .andWhere('u.id <> :id', { id: user.id })
      .getCount();
    if (others === 0) throw new DomainException(ErrorCode.OutOfTurn, refusal);
  }

  private record(
    kind: SecurityEventKind,
    actor: Actor,
    user: UserEntity,
    req: Request,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.security.record(
      { kind, actor, username: user.username, subjectUserId: user.id, details },
      req,
    );
  }
}
