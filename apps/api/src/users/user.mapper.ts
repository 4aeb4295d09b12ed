import type { UserView } from '@workpoints/contracts';
import type { UserEntity } from '@workpoints/persistence';
import { iso } from '../common/wire';

/**
 * A user as answers show them. Field by field on purpose: the password hash (loaded by sign-in)
 * and the person's notification settings (their own page's business) never leave the API.
 */
export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    departmentId: user.departmentId,
    roles: user.roles,
    active: user.active,
    email: user.email,
    createdAt: iso(user.createdAt),
    updatedAt: iso(user.updatedAt),
  };
}
