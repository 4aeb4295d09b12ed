import { PASSWORD_MIN_LENGTH } from '@workpoints/domain';
import { Button, Card, Form, Input, Popconfirm, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, clearSession } from '../../api/client';
import { useAction, useApi } from '../../api/hooks';
import type { ApiResponses } from '../../api/responses';
import type { LoginState } from '../../auth/session';
import { ToneTag } from '../../components/PointTags';
import { QueryState } from '../../components/QueryState';
import { NewPasswordFields } from './NewPasswordFields';

type SessionRow = ApiResponses['get /api/auth/sessions'][number];

interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  confirmPassword?: string;
}

const when = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

/** A browser's name and system from its user agent, enough to recognise one's own devices. */
function device(userAgent: string | null, unknown: string): string {
  if (!userAgent) return unknown;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Windows/.test(userAgent)
    ? 'Windows'
    : /Android/.test(userAgent)
      ? 'Android'
      : /iPhone|iPad/.test(userAgent)
        ? 'iOS'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  return [browser, system].filter(Boolean).join(' · ') || userAgent.slice(0, 40);
}

/** 个人设置: change one's password, see and end one's sessions, sign out everywhere. */
export function SettingsPage() {
  const { t } = useTranslation('account');
  const { t: tl } = useTranslation('labels');
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordChange>();
  const sessions = useApi('get /api/auth/sessions');
  const options = useApi('get /api/auth/options', undefined, { staleTime: Infinity });

  const change = useAction(
    ({ currentPassword, newPassword }: PasswordChange) =>
      api('post /api/auth/password', { body: { currentPassword, newPassword } }),
    { done: t('password.changed'), onSuccess: () => form.resetFields() },
  );
  const end = useAction(
    (sessionId: string) => api('delete /api/auth/sessions/{sessionId}', { path: { sessionId } }),
    { done: t('settings.ended') },
  );
  const everywhere = useAction(
    async () => {
      const answer = await api('post /api/auth/logout-all');
      // Nothing of this session is left to ask with: the refresh of the page's reads must not.
      clearSession();
      return answer;
    },
    {
      onSuccess: () => {
        void navigate('/login', {
          state: { reason: t('settings.everywhereDone') } satisfies LoginState,
        });
      },
    },
  );

  return (
    <>
      <Typography.Title level={2}>{t('settings.title')}</Typography.Title>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('settings.passwordCard')} size="small" style={{ maxWidth: 560 }}>
          <Form<PasswordChange>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(v) => change.mutate(v)}
          >
            <Form.Item
              label={t('password.current')}
              name="currentPassword"
              rules={[{ required: true, message: t('password.currentRequired') }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <NewPasswordFields
              minLength={options.data?.password.minLength ?? PASSWORD_MIN_LENGTH}
            />
            <Button type="primary" htmlType="submit" loading={change.isPending}>
              {t('settings.change')}
            </Button>
          </Form>
        </Card>

        <Card title={t('settings.sessionsCard')} size="small">
          <Typography.Paragraph type="secondary">
            {t('settings.sessionsIntro')}
          </Typography.Paragraph>
          <QueryState query={sessions}>
            {(list) => (
              <Table<SessionRow>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={list}
                columns={[
                  {
                    title: t('settings.device'),
                    dataIndex: 'userAgent',
                    render: (ua: string | null, row) => (
                      <Space size={4} wrap>
                        <span title={ua ?? undefined}>
                          {device(ua, t('settings.unknownDevice'))}
                        </span>
                        {row.current && <ToneTag tone="green">{t('settings.thisDevice')}</ToneTag>}
                      </Space>
                    ),
                  },
                  { title: t('settings.address'), dataIndex: 'ip', render: (ip) => ip ?? '—' },
                  {
                    title: t('settings.method'),
                    dataIndex: 'method',
                    render: (m: SessionRow['method']) => tl(`signInMethod.${m}`),
                  },
                  { title: t('settings.signedInAt'), dataIndex: 'createdAt', render: when },
                  { title: t('settings.lastUsedAt'), dataIndex: 'lastUsedAt', render: when },
                  { title: t('settings.expiresAt'), dataIndex: 'expiresAt', render: when },
                  {
                    title: '',
                    key: 'end',
                    render: (_, row) =>
                      row.current ? null : (
                        <Button
                          size="small"
                          onClick={() => end.mutate(row.id)}
                          aria-label={t('settings.endLabel', {
                            device: device(row.userAgent, t('settings.unknownDevice')),
                          })}
                        >
                          {t('settings.end')}
                        </Button>
                      ),
                  },
                ]}
              />
            )}
          </QueryState>
        </Card>

        <Card title={t('settings.everywhereCard')} size="small" style={{ maxWidth: 560 }}>
          <Typography.Paragraph type="secondary">
            {t('settings.everywhereIntro')}
          </Typography.Paragraph>
          <Popconfirm
            title={t('settings.everywhereConfirm')}
            onConfirm={() => everywhere.mutate(undefined)}
          >
            <Button danger loading={everywhere.isPending}>
              {t('settings.everywhere')}
            </Button>
          </Popconfirm>
        </Card>
      </Space>
    </>
  );
}
