import type { Actor, Role } from '../work-point/work-point.types';
import type { IsoDateTime } from './wire';

/** A person's account as the admin pages list it: never the password hash, nor their settings. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  /** null for accounts outside the organisation tree (service accounts). */
  departmentId: string | null;
  roles: Role[];
  active: boolean;
  /** Where email notifications go; none without it. */
  email: string | null;
  /** Locked after repeated failed sign-ins until this instant; null when not locked. */
  lockedUntil: IsoDateTime | null;
  /** A new or reset account: the person must set their own password at the next sign-in. */
  mustChangePassword: boolean;
  lastSignInAt: IsoDateTime | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/**
 * A successful sign-in or refresh: a short-lived bearer token and who it is for. Browsers also
 * get the refresh token, as an HttpOnly cookie the page never sees.
 */
export interface LoginView {
  accessToken: string;
  /** Seconds the access token is valid for. */
  expiresIn: number;
  user: Actor;
  /** Every route but the password change refuses until the person sets their own password. */
  mustChangePassword: boolean;
}
