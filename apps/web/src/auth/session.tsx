import type { Actor, Role } from '@workpoints/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import {
  api,
  clearSession,
  refreshSession,
  session,
  type SignedIn,
  startSession,
} from '../api/client';
import { useApi } from '../api/hooks';
import { QueryState } from '../components/QueryState';

interface Session {
  user: Actor;
  has: (...roles: Role[]) => boolean;
  logout: () => void;
}

/** Where the login page sends people back to, and why they are there. */
export interface LoginState {
  from?: string;
  /** The session ended: the API's reason (signed out everywhere, timed out, …). */
  reason?: string | null;
  /** Signed in, but the password must be changed before anything else. */
  mustChange?: boolean;
}

const SessionContext = createContext<Session | null>(null);

/** The logged-in user. Only inside RequireSession. */
export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside RequireSession');
  return value;
}

export async function login(username: string, password: string): Promise<SignedIn> {
  const answer = await api('post /api/auth/login', { body: { username, password } });
  startSession(answer);
  return answer;
}

/** Ends this session on the server (the refresh cookie too), then here. */
export async function logout(): Promise<void> {
  await api('post /api/auth/logout').catch(() => undefined);
  clearSession();
}

/**
 * Sends people without a session to /login (and back afterwards); provides the user. A page
 * opened afresh has no token yet: it renews one from the refresh cookie first. A session that
 * ends while the page is open (signed out everywhere, timed out, deactivated) lands on the
 * login page with the reason.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const [restoring, setRestoring] = useState(session.token === null);
  const here = location.pathname + location.search;

  useEffect(() => {
    if (!restoring) return;
    void refreshSession().then(() => setRestoring(false));
  }, [restoring]);

  useEffect(() => {
    session.onEnded = (reason) => {
      clearSession();
      queryClient.clear();
      void message.warning(reason ?? t('session.expired'));
      void navigate('/login', { state: { from: here, reason } satisfies LoginState });
    };
  }, [here, message, navigate, queryClient, t]);

  const signedIn = !restoring && session.token !== null && !session.mustChangePassword;
  const me = useApi('get /api/me', undefined, { enabled: signedIn, staleTime: Infinity });

  const signOut = useCallback(() => {
    void logout().then(() => {
      queryClient.clear();
      void navigate('/login');
    });
  }, [navigate, queryClient]);

  const value = useMemo(
    () =>
      me.data
        ? {
            user: me.data,
            has: (...roles: Role[]) => roles.some((r) => me.data.roles.includes(r)),
            logout: signOut,
          }
        : null,
    [me.data, signOut],
  );

  if (restoring)
    return (
      <div role="status" aria-live="polite" style={{ padding: 48, textAlign: 'center' }}>
        {t('state.loading')}
      </div>
    );
  if (session.token === null)
    return <Navigate to="/login" replace state={{ from: here } satisfies LoginState} />;
  if (session.mustChangePassword)
    return (
      <Navigate to="/login" replace state={{ from: here, mustChange: true } satisfies LoginState} />
    );
  return (
    <QueryState query={me}>
      {() => <SessionContext.Provider value={value}>{children}</SessionContext.Provider>}
    </QueryState>
  );
}
