import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, type TicketPurpose } from '@workpoints/contracts';
import type { Request } from 'express';
import { DomainException } from '../common/domain.exception';
import {
  type AuthenticatedRequest,
  IS_PUBLIC,
  PASSWORD_CHANGE_ALLOWED,
  TICKET_PARAM,
  TICKET_PURPOSE,
} from './auth.decorators';
import { type Authenticated, SessionsService } from './sessions.service';
import { TicketsService } from './tickets.service';

/**
 * Global guard: every route needs a valid bearer token of a live session unless marked
 * @Public() (or a one-time ticket where @TicketAuth() allows one). Someone who must still set
 * their own password gets only the routes marked @PasswordChangeAllowed(). What the caller may
 * then do is the access policy's (`AccessGuard`, next).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly tickets: TicketsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const purpose = this.reflector.getAllAndOverride<TicketPurpose | undefined>(
      TICKET_PURPOSE,
      targets,
    );
    const auth = await authenticateRequest(req, this.sessions, this.tickets, purpose);
    req.actor = auth.actor;
    req.session = { id: auth.sessionId, method: auth.method };
    if (
      auth.mustChangePassword &&
      auth.method === 'password' &&
      !this.reflector.getAllAndOverride<boolean>(PASSWORD_CHANGE_ALLOWED, targets)
    )
      throw new DomainException(
        ErrorCode.PasswordChangeRequired,
        '请先修改密码：新账号或被重置密码的账号，须先设置自己的密码才能继续使用',
      );
    return true;
  }
}

/**
 * The request's live session: from `Authorization: Bearer …`, or from a one-time ticket in the
 * query where the route takes one (`purpose`). 401 with the reason otherwise.
 */
export async function authenticateRequest(
  req: Request,
  sessions: SessionsService,
  tickets: TicketsService,
  purpose?: TicketPurpose,
): Promise<Authenticated> {
  const token = bearerToken(req);
  if (token) {
    const claims = await sessions.verify(token);
    return sessions.authenticate(claims.sid, { req, userId: claims.sub });
  }
  const ticket = purpose ? ticketParam(req) : null;
  if (purpose && ticket) {
    const sessionId = await tickets.redeem(ticket, purpose);
    if (!sessionId)
      throw new DomainException(ErrorCode.Unauthenticated, '一次性票据无效、已过期或已使用');
    return sessions.authenticate(sessionId, { req, passive: true });
  }
  throw new DomainException(
    ErrorCode.Unauthenticated,
    purpose
      ? '请先登录（缺少 Authorization: Bearer 令牌或一次性票据 ticket）'
      : '请先登录（缺少 Authorization: Bearer 令牌）',
  );
}

/** The token of an `Authorization: Bearer …` header, if there is one. */
export function bearerToken(req: Request): string | null {
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  return scheme === 'Bearer' && token ? token : null;
}

/** The ticket of `?ticket=…`, if there is exactly one. */
export function ticketParam(req: Request): string | null {
  const value: unknown = (req.query as Record<string, unknown> | undefined)?.[TICKET_PARAM];
  return typeof value === 'string' && value ? value : null;
}
