import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { upload } from '../../api/client';

interface Uploaded {
  id: string;
  filename: string;
}

interface Props {
  pointId: string;
  value?: UploadFile<Uploaded>[];
  onChange?: (files: UploadFile<Uploaded>[]) => void;
  id?: string;
}

/** Files uploaded to the point as they are chosen; the form sends their ids with the report. */
export function AttachmentField({ pointId, value = [], onChange, id }: Props) {
  const { t } = useTranslation('work');
  return (
    <Upload<Uploaded>
      id={id}
      multiple
      fileList={value}
      onChange={({ fileList }) => onChange?.(fileList)}
      customRequest={({ file, onSuccess, onError }) => {
        upload<Uploaded>(`/api/points/${pointId}/attachments`, file as File)
          .then((result) => onSuccess?.(result))
          .catch((error: Error) => onError?.(error));
      }}
    >
      <Button icon={<UploadOutlined />}>{t('actions.upload')}</Button>
    </Upload>
  );
}

/** The ids of the files that finished uploading. */
export const uploadedIds = (files: UploadFile<Uploaded>[] | undefined): string[] =>
  (files ?? []).flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : []));
