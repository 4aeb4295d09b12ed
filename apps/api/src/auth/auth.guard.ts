import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@workpoints/contracts';
import type { Request } from 'express';
import { DomainException } from '../common/domain.exception';
import {
  ACCESS_TOKEN_PARAM,
  type AuthenticatedRequest,
  IS_PUBLIC,
  QUERY_TOKEN,
} from './auth.decorators';
import { AuthService } from './auth.service';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(). What the caller
 * may then do is the access policy's (`AccessGuard`, next).
 */
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
    const token =
      bearerToken(req) ??
      (this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN, targets) ? queryToken(req) : null);
    if (!token)
      throw new DomainException(
        ErrorCode.Unauthenticated,
        '请先登录（缺少 Authorization: Bearer 令牌）',
      );
    req.actor = await this.auth.actorFromToken(token);
    return true;
  }
}

/** The token of an `Authorization: Bearer …` header, if there is one. */
export function bearerToken(req: Request): string | null {
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  return scheme === 'Bearer' && token ? token : null;
}

/** The token of `?access_token=…`, if there is exactly one. */
export function queryToken(req: Request): string | null {
  const value: unknown = (req.query as Record<string, unknown> | undefined)?.[ACCESS_TOKEN_PARAM];
  return typeof value === 'string' && value ? value : null;
}
