import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, SignInMethod, TicketPurpose } from '@workpoints/contracts';

export const IS_PUBLIC = Symbol('isPublic');
export const TICKET_PURPOSE = Symbol('ticketPurpose');
export const PASSWORD_CHANGE_ALLOWED = Symbol('passwordChangeAllowed');

/** The query parameter that carries a one-time ticket where a header cannot (EventSource). */
export const TICKET_PARAM = 'ticket';

/** The route needs no token (login, health); its access policy entry says so too. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/**
 * The route also opens with a one-time ticket (`?ticket=…`, from `POST /api/auth/tickets`) for
 * clients that cannot send an Authorization header (a browser's EventSource). The ticket lasts
 * seconds and opens one connection: no long-lived credential ever sits in a URL.
 */
export const TicketAuth = (purpose: TicketPurpose): MethodDecorator =>
  SetMetadata(TICKET_PURPOSE, purpose);

/**
 * The route stays open to someone who must still set their own password (the password change
 * itself, who am I, sign-out); every other route refuses them until then.
 */
export const PasswordChangeAllowed = (): MethodDecorator & ClassDecorator =>
  SetMetadata(PASSWORD_CHANGE_ALLOWED, true);

export interface AuthenticatedRequest {
  actor?: Actor;
  /** The session the request's token or ticket belongs to. */
  session?: { id: string; method: SignInMethod };
}

/** The logged-in user, resolved from the token and the users table (never from the body). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});

/** The id of the request's session. */
export const CurrentSession = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const session = ctx.switchToHttp().getRequest<AuthenticatedRequest>().session;
  if (!session) throw new Error('CurrentSession used on a public route');
  return session.id;
});
