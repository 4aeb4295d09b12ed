import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A new password and its confirmation. Only the length is checked here; the API checks the
 * rest (common passwords, the person's names) and says what is wrong.
 */
export function NewPasswordFields({ minLength }: { minLength: number }) {
  const { t } = useTranslation('account');
  return (
    <>
      <Form.Item
        label={t('password.new')}
        name="newPassword"
        extra={t('password.newHelp', { min: minLength })}
        rules={[
          {
            required: true,
            min: minLength,
            message: t('password.newTooShort', { min: minLength }),
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t('password.confirm')}
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmMismatch') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.confirmMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
