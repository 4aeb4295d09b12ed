import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from '@workpoints/contracts';

export const IS_PUBLIC = Symbol('isPublic');
export const QUERY_TOKEN = Symbol('queryToken');

/** The query parameter that carries the token where a header cannot (EventSource). */
export const ACCESS_TOKEN_PARAM = 'access_token';

/** The route needs no token (login, health); its access policy entry says so too. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/**
 * The route also takes the token as `?access_token=…`, for clients that cannot send an
 * Authorization header (a browser's EventSource). Only for GET routes that change nothing: a
 * token in a URL can end up in logs and history.
 */
export const QueryToken = (): MethodDecorator => SetMetadata(QUERY_TOKEN, true);

export interface AuthenticatedRequest {
  actor?: Actor;
}

/** The logged-in user, resolved from the token and the users table (never from the body). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});
