import type { UserView } from '@workpoints/contracts';
import type { UserEntity } from '@workpoints/persistence';
import { iso, isoOrNull } from '../common/wire';

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
    lockedUntil: user.lockedUntil && user.lockedUntil > new Date() ? iso(user.lockedUntil) : null,
    mustChangePassword: user.mustChangePassword,
    lastSignInAt: isoOrNull(user.lastSignInAt),
    createdAt: iso(user.createdAt),
    updatedAt: iso(user.updatedAt),
  };
}
