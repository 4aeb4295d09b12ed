import { Result } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useFailure } from '../../api/refusal';

/**
 * Opens the queue board (Bull Board, served by the API beside the app): it cannot take the
 * page's token, so this asks for a one-time ticket and goes there with it; the board then keeps
 * its own cookie, a handle on this session.
 */
export function QueueBoardPage() {
  const { t } = useTranslation('account');
  const failure = useFailure();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api('post /api/auth/tickets', { body: { purpose: 'queue-board' } }).then(
      ({ ticket }) =>
        window.location.assign(`/api/admin/queues?ticket=${encodeURIComponent(ticket)}`),
      setError,
    );
  }, []);
  return error === null ? (
    <div role="status" aria-live="polite" style={{ padding: 48, textAlign: 'center' }}>
      {t('queues.opening')}
    </div>
  ) : (
    <Result status="error" title={t('queues.failed')} subTitle={failure(error)} />
  );
}
