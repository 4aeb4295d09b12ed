import { useMemo } from 'react';
import { useSession } from '../auth/session';
import { useApi } from './hooks';

/** Department and people names by id, read once per session (they rarely change). */
export function useNames() {
  const departments = useApi('get /api/departments', undefined, { staleTime: 10 * 60_000 });
  // Only coordinators and administrators may list people; others see names in timelines.
  const canListUsers = useSession().has('coordinator', 'admin');
  const users = useApi('get /api/users', undefined, {
    staleTime: 10 * 60_000,
    enabled: canListUsers,
  });
  return useMemo(() => {
    const dept = new Map((departments.data ?? []).map((d) => [d.id, d.name]));
    const user = new Map((users.data ?? []).map((u) => [u.id, u.displayName]));
    return {
      departments: departments.data ?? [],
      users: users.data ?? [],
      department: (id: string | null | undefined) => (id ? (dept.get(id) ?? '—') : '—'),
      user: (id: string | null | undefined) => (id ? (user.get(id) ?? '—') : '—'),
    };
  }, [departments.data, users.data]);
}
