import { DownloadOutlined } from '@ant-design/icons';
import { SECURITY_EVENT_KINDS, type SecurityEventKind } from '@workpoints/contracts';
import { App, Button, Card, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../../api/client';
import { useApi } from '../../api/hooks';
import { useFailure } from '../../api/refusal';
import type { ApiResponses } from '../../api/responses';
import { ToneTag, type Tone } from '../../components/PointTags';
import { QueryState } from '../../components/QueryState';

type SecurityEvent = ApiResponses['get /api/security-events']['items'][number];

const PAGE_SIZE = 50;

/** Failures and refusals stand out; account changes are notes; the rest is routine. */
const KIND_TONES: Partial<Record<SecurityEventKind, Tone>> = {
  'sign-in-failed': 'gold',
  'locked-out': 'red',
  refused: 'gold',
  'refresh-token-reused': 'red',
  'account-deactivated': 'grey',
  'password-reset': 'purple',
  'account-created': 'blue',
  'account-changed': 'blue',
  'settings-changed': 'purple',
};

/** What an event's details say, in a line: what changed, the session, the method. */
function detailsLine(details: Record<string, unknown> | null): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('；');
}

/** 安全事件: who signed in, failed, was refused or changed an account, when and from where. */
export function SecurityEventsPage() {
  const { t } = useTranslation('account');
  const { t: tl } = useTranslation('labels');
  const { message } = App.useApp();
  const failure = useFailure();
  const [kinds, setKinds] = useState<SecurityEventKind[]>([]);
  const [q, setQ] = useState<string>('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const filter = {
    ...(kinds.length ? { kind: kinds } : {}),
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(range?.[0] ? { from: range[0].format('YYYY-MM-DD') } : {}),
    ...(range?.[1] ? { to: range[1].format('YYYY-MM-DD') } : {}),
  };
  const events = useApi('get /api/security-events', {
    query: { ...filter, page, pageSize: PAGE_SIZE },
  });

  const exportCsv = () => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filter))
      for (const v of Array.isArray(value) ? [value.join(',')] : [value]) params.append(key, v);
    download(`/api/security-events/export?${params}`).catch((e: unknown) => {
      void message.error(failure(e));
    });
  };

  return (
    <>
      <Typography.Title level={2}>{t('securityEvents.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('securityEvents.intro')}</Typography.Paragraph>
      <Card size="small">
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<SecurityEventKind[]>
            mode="multiple"
            aria-label={t('securityEvents.kind')}
            placeholder={t('securityEvents.allKinds')}
            allowClear
            style={{ minWidth: 240 }}
            value={kinds}
            onChange={(v) => {
              setKinds(v);
              setPage(1);
            }}
            options={SECURITY_EVENT_KINDS.map((k) => ({
              value: k,
              label: tl(`securityEvent.${k}`),
            }))}
          />
          <Input.Search
            aria-label={t('securityEvents.search')}
            placeholder={t('securityEvents.search')}
            allowClear
            style={{ width: 260 }}
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
          />
          <DatePicker.RangePicker
            aria-label={t('securityEvents.range')}
            placeholder={[t('securityEvents.from'), t('securityEvents.to')]}
            value={range}
            onChange={(v) => {
              setRange(v);
              setPage(1);
            }}
          />
          <Button icon={<DownloadOutlined />} onClick={exportCsv}>
            {t('securityEvents.export')}
          </Button>
        </Space>
        <QueryState query={events}>
          {(result) => (
            <Table<SecurityEvent>
              rowKey="id"
              size="small"
              dataSource={result.items}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: result.total,
                showSizeChanger: false,
                onChange: setPage,
                showTotal: (n) => t('securityEvents.total', { count: n }),
              }}
              columns={[
                {
                  title: t('securityEvents.at'),
                  dataIndex: 'at',
                  width: 150,
                  render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
                },
                {
                  title: t('securityEvents.kind'),
                  dataIndex: 'kind',
                  width: 110,
                  render: (kind: SecurityEventKind) => (
                    <ToneTag tone={KIND_TONES[kind] ?? 'grey'}>
                      {tl(`securityEvent.${kind}`)}
                    </ToneTag>
                  ),
                },
                {
                  title: t('securityEvents.actor'),
                  dataIndex: 'actorName',
                  width: 100,
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('securityEvents.username'),
                  dataIndex: 'username',
                  width: 120,
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('securityEvents.subject'),
                  dataIndex: 'subjectName',
                  width: 150,
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('securityEvents.address'),
                  dataIndex: 'ip',
                  width: 110,
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('securityEvents.request'),
                  key: 'request',
                  width: 170,
                  render: (_, e) =>
                    e.method && e.path
                      ? `${e.method} ${e.path}${e.status ? ` → ${e.status}` : ''}`
                      : '—',
                },
                {
                  title: t('securityEvents.reason'),
                  key: 'reason',
                  render: (_, e) => {
                    const line = [e.reason, detailsLine(e.details)].filter(Boolean).join('；');
                    return (
                      <Typography.Paragraph
                        style={{ marginBottom: 0 }}
                        ellipsis={{ rows: 2, tooltip: line }}
                      >
                        {line}
                      </Typography.Paragraph>
                    );
                  },
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}
