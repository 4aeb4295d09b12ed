import { Button, type ButtonProps, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props<V> {
  label: string;
  title?: string;
  type?: ButtonProps['type'];
  danger?: boolean;
  /** Sends the action; rejects to keep the dialog open (the reason is shown by useAction). */
  onSubmit: (values: V) => Promise<unknown>;
  children: (form: FormInstance<V>) => ReactNode;
  initialValues?: Partial<V>;
}

/** A button opening a dialog with a form; OK sends the action, a refusal keeps the dialog open. */
export function ActionModal<V extends object>({
  label,
  title,
  type,
  danger,
  onSubmit,
  children,
  initialValues,
}: Props<V>) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<V>();
  // Field ids come from the form's name: two dialogs' "text" fields must not share an id.
  const name = `action-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await onSubmit(values);
      setOpen(false);
      form.resetFields();
    } catch {
      // useAction has shown the API's reason; the dialog stays open to correct it.
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button type={type} danger={danger} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        open={open}
        title={title ?? label}
        okText={t('action.confirm')}
        cancelText={t('action.cancel')}
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        forceRender
      >
        <Form<V>
          form={form}
          name={name}
          layout="vertical"
          initialValues={initialValues}
          preserve={false}
        >
          {children(form)}
        </Form>
      </Modal>
    </>
  );
}
