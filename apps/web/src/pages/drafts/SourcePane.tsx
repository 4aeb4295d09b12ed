import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Empty, List, Segmented, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, download } from '../../api/client';
import { useApi } from '../../api/hooks';
import { useFailure } from '../../api/refusal';
import { QueryState } from '../../components/QueryState';
import type { DraftPoint, ImportInfo, Plan } from './draft';
import { locate, normalize } from './locate';
import { Pane } from './Pane';
import { type SourceText, loadSource } from './sourceText';

interface Props {
  plan: Plan;
  point: DraftPoint | null;
}

/** The right pane: the import's original text (with the selected point marked) and the parser's notes. */
export function SourcePane({ plan, point }: Props) {
  const { t } = useTranslation('coordinator');
  const [view, setView] = useState<'original' | 'notes'>('original');
  const imports = useApi('get /api/imports');
  const imported = imports.data?.find((i) => i.planId === plan.id);
  const detail = useApi(
    'get /api/imports/{importId}',
    { path: { importId: imported?.id ?? '' } },
    { enabled: imported !== undefined, staleTime: Infinity },
  );

  return (
    <Pane
      label={t('draft.panes.original')}
      title={
        <Segmented<'original' | 'notes'>
          size="small"
          value={view}
          onChange={setView}
          options={[
            { value: 'original', label: t('draft.panes.original') },
            { value: 'notes', label: t('draft.panes.notes') },
          ]}
        />
      }
      extra={imported && <DownloadButton info={imported} />}
    >
      {view === 'original' ? (
        <QueryState query={imports}>
          {() =>
            imported ? (
              <Original info={imported} point={point} />
            ) : (
              <Empty description={t('draft.original.notImported')} />
            )
          }
        </QueryState>
      ) : (
        <Notes plan={plan} info={detail.data} />
      )}
    </Pane>
  );
}

function DownloadButton({ info }: { info: ImportInfo }) {
  const { t } = useTranslation('coordinator');
  const { message } = App.useApp();
  const failure = useFailure();
  const save = () =>
    download(`/api/imports/${info.id}/file`).catch((e: unknown) => void message.error(failure(e)));
  return (
    <Tooltip title={t('draft.original.download')}>
      <Button
        size="small"
        icon={<DownloadOutlined />}
        aria-label={t('draft.original.download')}
        onClick={() => void save()}
      />
    </Tooltip>
  );
}

/** Every action refreshes all reads; the original does not change, so it is fetched once. */
const sources = new Map<string, Promise<SourceText>>();
function cachedSource(id: string, filename: string): Promise<SourceText> {
  let found = sources.get(id);
  if (!found) {
    found = loadSource(id, filename);
    found.catch(() => sources.delete(id));
    sources.set(id, found);
  }
  return found;
}

function Original({ info, point }: { info: ImportInfo; point: DraftPoint | null }) {
  const { t } = useTranslation('coordinator');
  const source = useQuery<SourceText, ApiError>({
    queryKey: ['import-source', info.id],
    queryFn: () => cachedSource(info.id, info.filename),
    staleTime: Infinity,
  });

  return (
    <div>
      <Typography.Paragraph
        ellipsis
        style={{ fontSize: 12, marginBottom: 4 }}
        title={info.filename}
      >
        {t('draft.original.file', { name: info.filename })}
      </Typography.Paragraph>
      <QueryState query={source}>
        {(s) =>
          s.kind === 'text' ? (
            <MarkedText text={s.text} point={point} />
          ) : (
            <Alert
              type="info"
              showIcon
              title={
                s.format === 'pdf'
                  ? t('draft.original.pdfFallback')
                  : t('draft.original.docxFallback')
              }
            />
          )
        }
      </QueryState>
    </div>
  );
}

/** The original text with the selected point's passage marked and scrolled into view. */
function MarkedText({ text, point }: { text: string; point: DraftPoint | null }) {
  const { t } = useTranslation('coordinator');
  const normalized = useMemo(() => normalize(text), [text]);
  const range = useMemo(
    () => (point ? locate(normalized, point.text, point.title) : null),
    [normalized, point],
  );
  const mark = useRef<HTMLElement>(null);

  useEffect(() => {
    const el = mark.current;
    if (!el) return;
    // Scroll the pane's own body, never the page.
    const box = el.closest<HTMLElement>('[data-pane-body]');
    if (!box || box.scrollHeight <= box.clientHeight) return;
    const top = el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    box.scrollTo({ top: Math.max(top - box.clientHeight / 4, 0), behavior: 'smooth' });
  }, [range]);

  return (
    <>
      {point && (
        <Typography.Paragraph
          type={range ? undefined : 'warning'}
          style={{ fontSize: 12, marginBottom: 8 }}
        >
          {range ? t('draft.original.found') : t('draft.original.notFound')}
        </Typography.Paragraph>
      )}
      <pre
        aria-label={t('draft.original.region')}
        style={{
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
          fontFamily: 'inherit',
          fontSize: 14,
          lineHeight: 1.8,
          margin: 0,
          color: '#262626',
        }}
      >
        {range ? (
          <>
            {text.slice(0, range.start)}
            <mark ref={mark} style={{ background: '#ffe58f', color: '#1f1f1f', padding: 0 }}>
              {text.slice(range.start, range.end)}
            </mark>
            {text.slice(range.end)}
          </>
        ) : (
          text
        )}
      </pre>
    </>
  );
}

function Notes({ plan, info }: { plan: Plan; info: ImportInfo | undefined }) {
  const { t } = useTranslation('coordinator');
  const untracked = info?.untracked ?? [];
  const targets = plan.targets
    .map((x) => (x as { text?: unknown }).text)
    .filter((x): x is string => typeof x === 'string');
  return (
    <div>
      <Typography.Title level={4} style={{ fontSize: 14 }}>
        {t('draft.notes.warnings')}
      </Typography.Title>
      {plan.warnings.length > 0 ? (
        <List
          size="small"
          dataSource={plan.warnings}
          renderItem={(w) => <List.Item>{w}</List.Item>}
          style={{ marginBottom: 16 }}
        />
      ) : (
        <Typography.Paragraph>{t('draft.notes.none')}</Typography.Paragraph>
      )}
      {targets.length > 0 && (
        <>
          <Typography.Title level={4} style={{ fontSize: 14 }}>
            {t('draft.notes.targets')}
          </Typography.Title>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginBottom: 16 }}>
            {targets.map((x) => (
              <Tag key={x}>{x}</Tag>
            ))}
          </div>
        </>
      )}
      {untracked.length > 0 && (
        <>
          <Typography.Title level={4} style={{ fontSize: 14 }}>
            {t('draft.notes.untracked')}
          </Typography.Title>
          <List
            size="small"
            dataSource={untracked}
            renderItem={(u) => (
              <List.Item>
                <span>
                  <Tag>{t(`imports.part.${u.part === 'problems' ? 'problems' : 'review'}`)}</Tag>
                  {u.label} {u.title}
                </span>
              </List.Item>
            )}
          />
        </>
      )}
    </div>
  );
}
