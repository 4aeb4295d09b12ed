import { Button, Card, Progress, Table } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import { type ImportInfo, fileSize } from './draft';
import { STATUS_TONE, knownStatus } from './importStatus';
import { ToneTag } from '../../components/PointTags';

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/** Recent imports, refreshed while any of them is still being parsed. */
export function ImportsTable({ onWatch }: { onWatch: (id: string) => void }) {
  const { t } = useTranslation('coordinator');
  const query = useApi('get /api/imports', undefined, {
    refetchInterval: (q) =>
      q.state.data?.some((i) => i.status === 'queued' || i.status === 'running') ? 2000 : false,
  });
  const caption = t('imports.list.title');

  return (
    <Card title={caption}>
      <QueryState query={query}>
        {(rows) => (
          <Table<ImportInfo>
            rowKey="id"
            size="small"
            dataSource={rows}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: t('imports.list.empty') }}
            scroll={{ x: 800 }}
            components={{
              table: (props: HTMLAttributes<HTMLTableElement>) => (
                <table {...props}>
                  <caption style={visuallyHidden}>{caption}</caption>
                  {props.children}
                </table>
              ),
            }}
            columns={[
              { title: t('imports.list.file'), dataIndex: 'filename', ellipsis: true },
              {
                title: t('imports.list.format'),
                dataIndex: 'format',
                width: 70,
                render: (f: string | null) => f ?? '—',
              },
              {
                title: t('imports.list.size'),
                dataIndex: 'sizeBytes',
                width: 90,
                render: (b: number) => fileSize(b),
              },
              {
                title: t('imports.list.status'),
                dataIndex: 'status',
                width: 90,
                render: (s: string, row) => {
                  const status = knownStatus(s);
                  return (
                    <ToneTag tone={STATUS_TONE[status]} title={row.error ?? undefined}>
                      {t(`imports.status.${status}`)}
                    </ToneTag>
                  );
                },
              },
              {
                title: t('imports.list.progress'),
                dataIndex: 'progress',
                width: 140,
                render: (p: number, row) => (
                  <Progress
                    percent={p}
                    size="small"
                    status={row.status === 'failed' ? 'exception' : undefined}
                    aria-label={`${row.filename} ${p}%`}
                  />
                ),
              },
              {
                title: t('imports.list.createdAt'),
                dataIndex: 'createdAt',
                width: 150,
                render: (d: string) => dayjs(d).format('YYYY-MM-DD HH:mm'),
              },
              {
                title: t('imports.list.actions'),
                key: 'actions',
                width: 170,
                render: (_, row) => (
                  <>
                    <Button type="link" size="small" onClick={() => onWatch(row.id)}>
                      {t('imports.list.watch')}
                    </Button>
                    {row.planId && (
                      <Link to={`/plans/${row.planId}/draft`}>{t('imports.list.draft')}</Link>
                    )}
                  </>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
