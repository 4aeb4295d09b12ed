import {
  AppstoreOutlined,
  AuditOutlined,
  BellOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  DatabaseOutlined,
  FileSearchOutlined,
  LogoutOutlined,
  ProfileOutlined,
  RobotOutlined,
  SafetyOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Badge,
  Button,
  Drawer,
  Grid,
  Input,
  Layout,
  Menu,
  type MenuProps,
  Space,
  Typography,
} from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { api, session } from '../api/client';
import { useApi } from '../api/hooks';
import { useSession } from '../auth/session';
import { type Language, setLanguage } from '../i18n';

const { Header, Sider, Content } = Layout;

/** Waits between tries to reopen the inbox stream: doubling from 2 s, at most a minute. */
const STREAM_RETRY_MS = [2_000, 60_000] as const;

/**
 * The unread count: read once, then kept current by the inbox's event stream. The stream opens
 * with a one-time ticket (an EventSource cannot send the token), again with a fresh one after
 * a drop, and stops for good when the API says the session has ended.
 */
function useUnreadCount(): number {
  const queryClient = useQueryClient();
  const count = useApi('get /api/inbox/unread-count', undefined, { refetchInterval: 60_000 });
  useEffect(() => {
    let stream: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let delay: number = STREAM_RETRY_MS[0];
    const update = (event: MessageEvent<string>) => {
      const data = JSON.parse(event.data) as { unreadCount?: number };
      if (typeof data.unreadCount === 'number') {
        queryClient.setQueryData(['get /api/inbox/unread-count', {}], {
          unreadCount: data.unreadCount,
        });
      }
      if (event.type === 'message')
        void queryClient.invalidateQueries({ queryKey: ['get /api/inbox'] });
    };
    const retry = () => {
      if (stopped) return;
      timer = setTimeout(() => void open(), delay);
      delay = Math.min(delay * 2, STREAM_RETRY_MS[1]);
    };
    const open = async () => {
      let ticket: string;
      try {
        ({ ticket } = await api('post /api/auth/tickets', { body: { purpose: 'inbox-stream' } }));
      } catch {
        return retry();
      }
      if (stopped) return;
      stream = new EventSource(`/api/inbox/stream?ticket=${encodeURIComponent(ticket)}`);
      stream.addEventListener('unread-count', update);
      stream.addEventListener('message', update);
      stream.addEventListener('session-ended', (event: MessageEvent<string>) => {
        stopped = true;
        stream?.close();
        session.onEnded((JSON.parse(event.data) as { message?: string }).message ?? null);
      });
      stream.onopen = () => {
        delay = STREAM_RETRY_MS[0];
      };
      // The browser would reconnect with the spent ticket: reopen with a new one instead.
      stream.onerror = () => {
        stream?.close();
        retry();
      };
    };
    void open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.close();
    };
  }, [queryClient]);
  return count.data?.unreadCount ?? 0;
}

/** The frame of every page: the menu of the user's roles, search, inbox, language, log out. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const { user, has, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [drawer, setDrawer] = useState(false);
  const unread = useUnreadCount();

  const items: MenuProps['items'] = [
    { key: '/', icon: <CheckSquareOutlined />, label: <Link to="/">{t('nav.home')}</Link> },
    {
      key: '/inbox',
      icon: <BellOutlined />,
      label: (
        <Link to="/inbox">
          {t('nav.inbox')} <Badge count={unread} size="small" offset={[4, -2]} />
        </Link>
      ),
    },
    {
      key: '/points',
      icon: <FileSearchOutlined />,
      label: <Link to="/points">{t('nav.points')}</Link>,
    },
    ...(has('head', 'supervisor', 'coordinator')
      ? [
          {
            key: '/approvals',
            icon: <AuditOutlined />,
            label: <Link to="/approvals">{t('nav.approvals')}</Link>,
          },
        ]
      : []),
    { key: '/plans', icon: <AppstoreOutlined />, label: <Link to="/plans">{t('nav.plans')}</Link> },
    ...(has('coordinator', 'admin')
      ? [
          {
            key: '/imports',
            icon: <CloudUploadOutlined />,
            label: <Link to="/imports">{t('nav.imports')}</Link>,
          },
          {
            key: 'admin',
            icon: <ProfileOutlined />,
            label: t('nav.admin'),
            children: [
              {
                key: '/admin/departments',
                icon: <TeamOutlined />,
                label: <Link to="/admin/departments">{t('nav.departments')}</Link>,
              },
              {
                key: '/admin/users',
                icon: <UserOutlined />,
                label: <Link to="/admin/users">{t('nav.users')}</Link>,
              },
              {
                key: '/admin/robots',
                icon: <RobotOutlined />,
                label: <Link to="/admin/robots">{t('nav.robots')}</Link>,
              },
              {
                key: '/admin/calendar',
                icon: <CalendarOutlined />,
                label: <Link to="/admin/calendar">{t('nav.calendar')}</Link>,
              },
              ...(has('admin')
                ? [
                    {
                      key: '/admin/security-events',
                      icon: <SafetyOutlined />,
                      label: <Link to="/admin/security-events">{t('nav.securityEvents')}</Link>,
                    },
                    {
                      key: '/admin/queues',
                      icon: <DatabaseOutlined />,
                      label: <Link to="/admin/queues">{t('nav.queues')}</Link>,
                    },
                    {
                      key: '/admin/security-settings',
                      icon: <SettingOutlined />,
                      label: <Link to="/admin/security-settings">{t('nav.securitySettings')}</Link>,
                    },
                  ]
                : []),
            ],
          },
        ]
      : []),
  ];
  const selected = '/' + (location.pathname.split('/')[1] ?? '');
  const selectedKeys = [location.pathname.startsWith('/admin') ? location.pathname : selected];
  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selectedKeys}
      defaultOpenKeys={location.pathname.startsWith('/admin') ? ['admin'] : []}
      onClick={() => setDrawer(false)}
      style={{ borderInlineEnd: 'none' }}
    />
  );
  const otherLanguage: Language = i18n.language === 'en' ? 'zh-CN' : 'en';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {narrow ? (
        <Drawer
          open={drawer}
          onClose={() => setDrawer(false)}
          placement="left"
          size={240}
          title={t('app.name')}
        >
          <nav aria-label={t('app.name')}>{menu}</nav>
        </Drawer>
      ) : (
        <Sider width={200} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16, color: '#b71c1c' }}>
            {t('app.name')}
          </div>
          <nav aria-label={t('app.name')}>{menu}</nav>
        </Sider>
      )}
      <Layout>
        <Header
          style={{
            background: '#fff',
            borderBottom: '1px solid #f0f0f0',
            padding: narrow ? '0 12px' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
          }}
        >
          {narrow && (
            <Button
              icon={<MenuOutlined />}
              aria-label={t('app.name')}
              onClick={() => setDrawer(true)}
            />
          )}
          <Input.Search
            aria-label={t('search.label')}
            placeholder={t('search.placeholder')}
            allowClear
            style={{ maxWidth: 360, flex: 1 }}
            onSearch={(q) =>
              void navigate(q.trim() ? `/points?q=${encodeURIComponent(q.trim())}` : '/points')
            }
          />
          <Space style={{ marginInlineStart: 'auto' }} size={narrow ? 4 : 12}>
            <Link to="/inbox" aria-label={`${t('nav.inbox')} ${unread}`}>
              <Badge count={unread} size="small">
                <BellOutlined style={{ fontSize: 18, color: '#333' }} />
              </Badge>
            </Link>
            <Link to="/settings" aria-label={t('session.settings')} title={t('session.settings')}>
              <Space size={4}>
                <UserOutlined style={{ color: '#333' }} />
                {!narrow && (
                  <Typography.Text>
                    {user.displayName}（{user.roles.map((r) => t(`role.${r}`)).join('、')}）
                  </Typography.Text>
                )}
              </Space>
            </Link>
            <Button type="text" onClick={() => setLanguage(otherLanguage)} lang={otherLanguage}>
              {t('session.language')}
            </Button>
            <Button icon={<LogoutOutlined />} onClick={logout} aria-label={t('session.logout')}>
              {narrow ? null : t('session.logout')}
            </Button>
          </Space>
        </Header>
        <Content style={{ padding: narrow ? 12 : 24 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
