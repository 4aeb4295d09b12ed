import type { SecurityEventKind, SecuritySettings, SignInMethod } from '../security.types';
import type { IsoDateTime } from './wire';

/** How people may sign in, for the login page (public). */
export interface AuthOptionsView {
  /** Single sign-on through the office's identity platform (OpenID Connect), when configured. */
  sso: { enabled: boolean; label: string };
  password: { minLength: number; maxLength: number };
}

/** One of the signed-in person's sessions (个人设置 → 登录设备). */
export interface SessionView {
  id: string;
  /** The session of the request that asked. */
  current: boolean;
  method: SignInMethod;
  createdAt: IsoDateTime;
  lastUsedAt: IsoDateTime;
  /** When it ends at the latest (absolute timeout), used or not. */
  expiresAt: IsoDateTime;
  ip: string | null;
  userAgent: string | null;
}

/** Sessions ended by a sign-out or a "sign out everywhere". */
export interface SessionsRevokedView {
  revoked: number;
}

/** A one-time ticket for a URL that cannot carry a header (the inbox stream, the queue board). */
export interface TicketView {
  ticket: string;
  /** Seconds it stays valid; it opens one connection only. */
  expiresIn: number;
}

/** An admin's password reset: the one-time password, shown this once and stored nowhere. */
export interface PasswordResetView {
  oneTimePassword: string;
}

/** The admins' security settings, with who changed them last. */
export interface SecuritySettingsView extends SecuritySettings {
  updatedAt: IsoDateTime | null;
  updatedByName: string | null;
}

/** One security event (安全事件) as admins read it. */
export interface SecurityEventView {
  id: string;
  at: IsoDateTime;
  kind: SecurityEventKind;
  /** The kind in Chinese. */
  kindLabel: string;
  actorId: string | null;
  actorName: string | null;
  username: string | null;
  subjectUserId: string | null;
  /** The account acted on, by name, when it still exists. */
  subjectName: string | null;
  ip: string | null;
  userAgent: string | null;
  method: string | null;
  path: string | null;
  status: number | null;
  code: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
}

export interface SecurityEventPage {
  total: number;
  page: number;
  pageSize: number;
  items: SecurityEventView[];
}
