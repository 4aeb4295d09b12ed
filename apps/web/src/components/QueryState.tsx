import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { useFailure } from '../api/refusal';

interface Props<T> {
  query: UseQueryResult<T, ApiError>;
  /** True when the data holds nothing to show (an empty list). */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** Loading, error (with the API's reason and a retry), empty, or the data. */
export function QueryState<T>({ query, isEmpty, empty, children }: Props<T>) {
  const { t } = useTranslation();
  const failure = useFailure();
  if (query.isPending) {
    return (
      <div role="status" aria-live="polite" style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
        <div style={{ marginTop: 8 }}>{t('state.loading')}</div>
      </div>
    );
  }
  if (query.isError) {
    return (
      <Result
        status={query.error.status === 404 || query.error.status === 403 ? '404' : 'error'}
        title={t('state.error')}
        subTitle={failure(query.error)}
        extra={
          <Button onClick={() => void query.refetch()} type="primary">
            {t('state.retry')}
          </Button>
        }
      />
    );
  }
  if (isEmpty?.(query.data)) return <>{empty ?? <Empty description={t('state.empty')} />}</>;
  return <>{children(query.data)}</>;
}
