import { createBrowserRouter } from 'react-router';
import { RequireSession } from './auth/session';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';

/** Pages load on first visit, so the login page does not wait for charts and the editor. */
export const router = createBrowserRouter([
  { path: '/login', Component: LoginPage },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./pages/HomePage')).HomePage }),
      },
      {
        path: 'inbox',
        lazy: async () => ({ Component: (await import('./pages/InboxPage')).InboxPage }),
      },
      {
        path: 'points',
        lazy: async () => ({ Component: (await import('./pages/PointsPage')).PointsPage }),
      },
      {
        path: 'points/:pointId',
        lazy: async () => ({
          Component: (await import('./pages/point/PointDetailPage')).PointDetailPage,
        }),
      },
      {
        path: 'approvals',
        lazy: async () => ({ Component: (await import('./pages/ApprovalsPage')).ApprovalsPage }),
      },
      {
        path: 'plans',
        lazy: async () => ({ Component: (await import('./pages/plans/PlansPage')).PlansPage }),
      },
      {
        path: 'plans/:planId/board',
        lazy: async () => ({ Component: (await import('./pages/BoardPage')).BoardPage }),
      },
      {
        path: 'plans/:planId/dashboard',
        lazy: async () => ({
          Component: (await import('./pages/plans/DashboardPage')).DashboardPage,
        }),
      },
      {
        path: 'plans/:planId/draft',
        lazy: async () => ({
          Component: (await import('./pages/drafts/DraftReviewPage')).DraftReviewPage,
        }),
      },
      {
        path: 'imports',
        lazy: async () => ({ Component: (await import('./pages/drafts/ImportPage')).ImportPage }),
      },
      {
        path: 'admin/departments',
        lazy: async () => ({
          Component: (await import('./pages/admin/DepartmentsPage')).DepartmentsPage,
        }),
      },
      {
        path: 'admin/users',
        lazy: async () => ({ Component: (await import('./pages/admin/UsersPage')).UsersPage }),
      },
      {
        path: 'admin/robots',
        lazy: async () => ({ Component: (await import('./pages/admin/RobotsPage')).RobotsPage }),
      },
      {
        path: 'settings',
        lazy: async () => ({
          Component: (await import('./pages/settings/SettingsPage')).SettingsPage,
        }),
      },
      {
        path: 'admin/security-events',
        lazy: async () => ({
          Component: (await import('./pages/admin/SecurityEventsPage')).SecurityEventsPage,
        }),
      },
      {
        path: 'admin/security-settings',
        lazy: async () => ({
          Component: (await import('./pages/admin/SecuritySettingsPage')).SecuritySettingsPage,
        }),
      },
      {
        path: 'admin/queues',
        lazy: async () => ({
          Component: (await import('./pages/admin/QueueBoardPage')).QueueBoardPage,
        }),
      },
      {
        path: 'admin/calendar',
        lazy: async () => ({
          Component: (await import('./pages/admin/CalendarPage')).CalendarPage,
        }),
      },
      { path: '*', Component: NotFoundPage },
    ],
  },
]);
