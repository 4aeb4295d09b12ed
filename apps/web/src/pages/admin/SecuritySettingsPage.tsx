import type { SecuritySettings } from '@workpoints/contracts';
import { SECURITY_SETTING_BOUNDS } from '@workpoints/domain';
import { Button, Card, Form, InputNumber, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction, useApi } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';

const FIELDS = [
  { name: 'idleTimeoutMinutes', key: 'idle' },
  { name: 'absoluteTimeoutHours', key: 'absolute' },
  { name: 'lockoutThreshold', key: 'threshold' },
  { name: 'lockoutMinutes', key: 'minutes' },
] as const satisfies readonly { name: keyof SecuritySettings; key: string }[];

/** 安全设置: the session timeouts and the sign-in lock-out, for admins. */
export function SecuritySettingsPage() {
  const { t } = useTranslation('account');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<SecuritySettings>();
  const settings = useApi('get /api/security-settings');
  const save = useAction((body: SecuritySettings) => api('put /api/security-settings', { body }), {
    done: t('securitySettings.saved'),
  });
  return (
    <>
      <Typography.Title level={2}>{t('securitySettings.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('securitySettings.intro')}</Typography.Paragraph>
      <QueryState query={settings}>
        {(current) => (
          <Card size="small" style={{ maxWidth: 560 }}>
            <Form<SecuritySettings>
              form={form}
              layout="vertical"
              requiredMark={false}
              initialValues={current}
              onFinish={(v) => save.mutate(v)}
            >
              {FIELDS.map(({ name, key }) => {
                const [min, max] = SECURITY_SETTING_BOUNDS[name];
                return (
                  <Form.Item
                    key={name}
                    name={name}
                    label={t(`securitySettings.${key}`)}
                    extra={t(`securitySettings.${key}Help`)}
                    rules={[{ required: true, type: 'integer', min, max }]}
                  >
                    <InputNumber min={min} max={max} precision={0} style={{ width: 160 }} />
                  </Form.Item>
                );
              })}
              <Typography.Paragraph type="secondary">
                {current.updatedAt
                  ? t('securitySettings.updated', {
                      time: dayjs(current.updatedAt).format('YYYY-MM-DD HH:mm'),
                      name: current.updatedByName ?? '',
                    })
                  : t('securitySettings.defaults')}
              </Typography.Paragraph>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {tc('action.save')}
              </Button>
            </Form>
          </Card>
        )}
      </QueryState>
    </>
  );
}
