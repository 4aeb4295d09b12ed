import type { Actor, Role } from '@workpoints/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api, session } from '../api/client';
import { useApi } from '../api/hooks';
import { QueryState } from '../components/QueryState';

interface Session {
  user: Actor;
  has: (...roles: Role[]) => boolean;
  logout: () => void;
}

const SessionContext = createContext<Session | null>(null);

/** The logged-in user. Only inside RequireSession. */
export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside RequireSession');
  return value;
}

export async function login(username: string, password: string): Promise<Actor> {
  const { accessToken, user } = await api('post /api/auth/login', {
    body: { username, password },
  });
  session.token = accessToken;
  return user;
}

/** Sends people without a session to /login (and back afterwards); provides the user. */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const token = session.token;
  const me = useApi('get /api/me', undefined, { enabled: token !== null, staleTime: Infinity });

  const logout = useCallback(() => {
    session.token = null;
    queryClient.clear();
    void navigate('/login');
  }, [navigate, queryClient]);

  useEffect(() => {
    session.onExpired = () => {
      queryClient.clear();
      void message.warning(t('session.expired'));
      void navigate('/login', { state: { from: location.pathname + location.search } });
    };
  }, [location, message, navigate, queryClient, t]);

  const value = useMemo(
    () =>
      me.data
        ? {
            user: me.data,
            has: (...roles: Role[]) => roles.some((r) => me.data.roles.includes(r)),
            logout,
          }
        : null,
    [me.data, logout],
  );

  if (token === null) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return (
    <QueryState query={me}>
      {() => <SessionContext.Provider value={value}>{children}</SessionContext.Provider>}
    </QueryState>
  );
}
