import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ErrorCode } from '@workpoints/contracts';
import { mayCall, roleRefusal } from '@workpoints/domain';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { DomainException } from '../common/domain.exception';
import { RouteTable } from './route-table.service';

/**
 * Global guard, after authentication (`AuthGuard`): the caller's roles against the route's
 * entry in the access policy. Scope (remit, self, lifecycle party) is the services' to check on
 * the objects they fetch; this refuses before anything is looked up, so it reveals nothing.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly routes: RouteTable) {}

  canActivate(context: ExecutionContext): boolean {
    const entry = this.routes.entryOf(context.getHandler());
    // The start-up check gives every route an entry; a handler without one is a wiring fault.
    if (!entry) throw new Error(`no access policy entry for ${context.getClass().name}`);
    if (entry.who === 'public') return true;
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor ?? null;
    if (!actor) throw new DomainException(ErrorCode.Unauthenticated, '请先登录');
    if (!mayCall(entry, actor))
      throw new DomainException(ErrorCode.NotInRemit, roleRefusal(entry), { rule: 'role' });
    return true;
  }
}
