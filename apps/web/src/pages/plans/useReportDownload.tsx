import { App, Button, Modal, Progress, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../../api/client';
import { useApi } from '../../api/hooks';
import { useFailure } from '../../api/refusal';

/**
 * Downloads a report the API builds. A large selection comes back as a background export
 * (202): a dialog then follows its progress and fetches the file once it is ready.
 */
export function useReportDownload() {
  const { message } = App.useApp();
  const failure = useFailure();
  const [busy, setBusy] = useState<string | null>(null);
  const [exportId, setExportId] = useState<string | null>(null);

  const run = async (key: string, url: string) => {
    setBusy(key);
    try {
      const { accepted } = await download(url);
      if (accepted) setExportId(accepted.id);
    } catch (e) {
      void message.error(failure(e));
    } finally {
      setBusy(null);
    }
  };

  const dialog = exportId ? (
    <ExportProgress exportId={exportId} onClose={() => setExportId(null)} />
  ) : null;
  return { run: (key: string, url: string) => void run(key, url), busy, dialog };
}

function ExportProgress({ exportId, onClose }: { exportId: string; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const failure = useFailure();
  const fetched = useRef(false);
  const [fetching, setFetching] = useState(false);
  const status = useApi(
    'get /api/exports/{exportId}',
    { path: { exportId } },
    {
      refetchInterval: (q) =>
        q.state.data?.state === 'completed' || q.state.data?.state === 'failed' ? false : 1000,
      staleTime: 0,
    },
  );
  const view = status.data;

  const fetchFile = useCallback(async () => {
    setFetching(true);
    try {
      await download(`/api/exports/${exportId}/file`);
    } catch (e) {
      void message.error(failure(e));
    } finally {
      setFetching(false);
    }
  }, [exportId, message, failure]);

  useEffect(() => {
    if (view?.state === 'completed' && !fetched.current) {
      fetched.current = true;
      void fetchFile();
    }
  }, [view?.state, fetchFile]);

  const percent = view?.state === 'completed' ? 100 : (view?.progress ?? 0);
  return (
    <Modal
      open
      title={t('plans.export.title')}
      onCancel={onClose}
      footer={[
        view?.state === 'completed' && (
          <Button key="file" type="primary" loading={fetching} onClick={() => void fetchFile()}>
            {t('plans.export.download')}
          </Button>
        ),
        <Button key="close" onClick={onClose}>
          {t('plans.export.close')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        {view?.state === 'failed'
          ? t('plans.export.failed', { reason: view.error ?? '' })
          : view?.state === 'completed'
            ? t('plans.export.completed', { filename: view.filename ?? '' })
            : t('plans.export.running')}
      </Typography.Paragraph>
      <Progress
        percent={percent}
        status={
          view?.state === 'failed'
            ? 'exception'
            : view?.state === 'completed'
              ? 'success'
              : 'active'
        }
        aria-label={t('plans.export.progress')}
      />
      {view && view.state !== 'completed' && (
        <Typography.Text type="secondary" role="status">
          {view.stage}
        </Typography.Text>
      )}
      {status.isError && <Typography.Text type="danger">{failure(status.error)}</Typography.Text>}
    </Modal>
  );
}
