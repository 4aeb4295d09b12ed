import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { PASSWORD_MIN_LENGTH } from '@workpoints/domain';
import { Alert, Button, Card, Divider, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { api, clearSession, session } from '../api/client';
import { useApi } from '../api/hooks';
import { useFailure } from '../api/refusal';
import { type LoginState, login } from '../auth/session';
import { type Language, setLanguage } from '../i18n';
import { NewPasswordFields } from './settings/NewPasswordFields';

interface Credentials {
  username: string;
  password: string;
}

interface NewPassword {
  currentPassword?: string;
  newPassword: string;
}

const SSO_REFUSALS = ['unknown-user', 'inactive', 'expired', 'failed'] as const;
type SsoRefusal = (typeof SSO_REFUSALS)[number];

/**
 * Sign-in: user name and password, or the office's identity platform when the API offers it.
 * A new or reset account sets its own password here before going on; a refusal (wrong
 * password, lock-out, too many attempts) shows the API's reason.
 */
export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { t: ta } = useTranslation('account');
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state as LoginState | null) ?? {};
  const from = state.from ?? '/';
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The password just typed, kept only for the change that must follow it.
  const [current, setCurrent] = useState<string | null>(null);
  const [changing, setChanging] = useState(state.mustChange === true && session.mustChangePassword);
  const failure = useFailure();
  const options = useApi('get /api/auth/options', undefined, { staleTime: Infinity });
  const otherLanguage: Language = i18n.language === 'en' ? 'zh-CN' : 'en';
  const sso = new URLSearchParams(location.search).get('sso');
  const ssoRefusal = SSO_REFUSALS.includes(sso as SsoRefusal) ? (sso as SsoRefusal) : null;

  const submit = async ({ username, password }: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await login(username, password);
      if (answer.mustChangePassword) {
        setCurrent(password);
        setChanging(true);
      } else void navigate(from, { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const change = async ({ currentPassword, newPassword }: NewPassword) => {
    setBusy(true);
    setError(null);
    try {
      await api('post /api/auth/password', {
        body: { currentPassword: currentPassword ?? current ?? '', newPassword },
      });
      session.mustChangePassword = false;
      void navigate(from, { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(180deg, #b71c1c 0, #b71c1c 220px, #f5f5f5 220px)',
        padding: 16,
      }}
    >
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center', marginBottom: 4 }}>
          {changing ? ta('login.mustChangeTitle') : t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {changing ? ta('login.mustChangeIntro') : t('app.subtitle')}
        </Typography.Paragraph>
        {!changing && state.reason && !error && (
          <Alert type="warning" title={state.reason} showIcon style={{ marginBottom: 16 }} />
        )}
        {!changing && ssoRefusal && !error && (
          <Alert
            type="error"
            title={ta(`login.ssoRefused.${ssoRefusal}`)}
            showIcon
            style={{ marginBottom: 16 }}
          />
        )}
        {error !== null && (
          <Alert
            type="error"
            title={failure(error)}
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
          />
        )}
        {changing ? (
          <Form<NewPassword>
            layout="vertical"
            onFinish={(v) => void change(v)}
            requiredMark={false}
          >
            {current === null && (
              <Form.Item
                label={ta('password.current')}
                name="currentPassword"
                rules={[{ required: true, message: ta('password.currentRequired') }]}
              >
                <Input.Password autoComplete="current-password" />
              </Form.Item>
            )}
            <NewPasswordFields
              minLength={options.data?.password.minLength ?? PASSWORD_MIN_LENGTH}
            />
            <Button type="primary" htmlType="submit" block loading={busy}>
              {ta('login.continue')}
            </Button>
            <Button
              type="link"
              block
              onClick={() => {
                void api('post /api/auth/logout').catch(() => undefined);
                clearSession();
                setChanging(false);
                setCurrent(null);
              }}
            >
              {ta('login.backToLogin')}
            </Button>
          </Form>
        ) : (
          <>
            <Form<Credentials>
              layout="vertical"
              onFinish={(v) => void submit(v)}
              requiredMark={false}
            >
              <Form.Item
                label={t('session.username')}
                name="username"
                rules={[{ required: true, message: t('session.usernameRequired') }]}
              >
                <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
              </Form.Item>
              <Form.Item
                label={t('session.password')}
                name="password"
                rules={[{ required: true, message: t('session.passwordRequired') }]}
              >
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>
                {t('session.login')}
              </Button>
            </Form>
            {options.data?.sso.enabled && (
              <>
                <Divider plain>{ta('login.or')}</Divider>
                <Button
                  block
                  icon={<SafetyCertificateOutlined />}
                  href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(from)}`}
                >
                  {options.data.sso.label || ta('login.sso')}
                </Button>
              </>
            )}
          </>
        )}
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button type="link" onClick={() => setLanguage(otherLanguage)} lang={otherLanguage}>
            {t('session.language')}
          </Button>
        </div>
      </Card>
    </main>
  );
}
