import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, type Role } from '@workpoints/contracts';
import { ROLE_LABELS } from '@workpoints/domain';
import type { Request } from 'express';
import { DomainException } from '../common/domain.exception';
import { type AuthenticatedRequest, IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import { AuthService } from './auth.service';

/** Global guard: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token)
      throw new DomainException(
        ErrorCode.Unauthenticated,
        '请先登录（缺少 Authorization: Bearer 令牌）',
      );
    req.actor = await this.auth.actorFromToken(token);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.some((r) => req.actor?.roles.includes(r))) {
      throw new DomainException(
        ErrorCode.NotInRemit,
        `需要以下角色之一：${roles.map((r) => ROLE_LABELS[r]).join('、')}`,
      );
    }
    return true;
  }
}
