import { InboxOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, upload } from '../../api/client';
import { useAction } from '../../api/hooks';
import type { ImportInfo } from './draft';

const ACCEPT = ['.docx', '.pdf', '.txt', '.html', '.htm'];
const MAX_BYTES = 20 * 1024 * 1024;

interface Props {
  year: number | null;
  onStarted: (view: ImportInfo) => void;
}

/** Upload a plan document: it is stored and parsed in the background. */
export function UploadCard({ year, onStarted }: Props) {
  const { t } = useTranslation('coordinator');
  const { message } = App.useApp();
  const send = useAction(
    (file: File) => upload<ImportInfo>('/api/imports', file, year ? { year: String(year) } : {}),
    { done: t('imports.upload.done'), onSuccess: onStarted },
  );

  return (
    <Card title={t('imports.upload.title')} style={{ height: '100%' }}>
      <Upload.Dragger
        accept={ACCEPT.join(',')}
        multiple={false}
        showUploadList={false}
        disabled={send.isPending}
        beforeUpload={(file) => {
          const name = file.name.toLowerCase();
          if (!ACCEPT.some((ext) => name.endsWith(ext))) {
            void message.error(t('imports.upload.badType', { name: file.name }));
            return Upload.LIST_IGNORE;
          }
          if (file.size > MAX_BYTES) {
            void message.error(t('imports.upload.tooBig', { name: file.name }));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          send.mutate(file as File, {
            onSuccess: (view) => onSuccess?.(view),
            onError: (error) => onError?.(error),
          });
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">{t('imports.upload.hint')}</p>
        <p className="ant-upload-hint" style={{ color: '#595959' }}>
          {t('imports.upload.formats')}
        </p>
      </Upload.Dragger>
    </Card>
  );
}

interface PasteValues {
  text: string;
  name?: string;
}

/** Paste the plan's text instead of uploading a file. */
export function PasteCard({ year, onStarted }: Props) {
  const { t } = useTranslation('coordinator');
  const [form] = Form.useForm<PasteValues>();
  const send = useAction(
    (v: PasteValues) =>
      api('post /api/imports/text', {
        body: {
          text: v.text,
          ...(v.name?.trim() ? { name: v.name.trim() } : {}),
          ...(year ? { year } : {}),
        },
      }),
    { done: t('imports.paste.done'), onSuccess: onStarted },
  );

  return (
    <Card title={t('imports.paste.title')}>
      <Form<PasteValues>
        name="paste"
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => send.mutate(v)}
      >
        <Form.Item
          label={t('imports.paste.text')}
          name="text"
          rules={[{ required: true, whitespace: true, message: t('imports.paste.textRequired') }]}
          style={{ marginBottom: 12 }}
        >
          <Input.TextArea
            rows={7}
            placeholder={t('imports.paste.textPlaceholder')}
            style={{ fontSize: 13 }}
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, alignItems: 'flex-end', flexWrap: 'wrap' }}>
          <Form.Item
            label={t('imports.paste.name')}
            name="name"
            style={{ flex: 1, minWidth: 200, marginBottom: 0 }}
          >
            <Input maxLength={100} placeholder={t('imports.paste.namePlaceholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={send.isPending}>
            {t('imports.paste.start')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
