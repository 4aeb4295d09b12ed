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
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/** A successful sign-in: the bearer token and who it is for. */
export interface LoginView {
  accessToken: string;
  user: Actor;
}
