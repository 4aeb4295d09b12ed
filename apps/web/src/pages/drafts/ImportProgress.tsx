import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Collapse, List, Progress, Space, Steps, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApi } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import type { ImportInfo } from './draft';
import { ToneTag } from '../../components/PointTags';
import { STATUS_TONE, isFinished, knownStatus, stageOf, stepOf } from './importStatus';

interface Props {
  importId: string;
  onClose: () => void;
}

/** One import as it goes: polled every second until it has succeeded or failed. */
export function ImportProgress({ importId, onClose }: Props) {
  const { t } = useTranslation('coordinator');
  const queryClient = useQueryClient();
  const query = useApi(
    'get /api/imports/{importId}',
    { path: { importId } },
    { refetchInterval: (q) => (isFinished(q.state.data) ? false : 1000), staleTime: 0 },
  );
  const finished = isFinished(query.data);
  useEffect(() => {
    // The list of imports (and of plans) changes once the import is done.
    if (finished) {
      void queryClient.invalidateQueries({ queryKey: ['get /api/imports'] });
      void queryClient.invalidateQueries({ queryKey: ['get /api/plans'] });
    }
  }, [finished, queryClient]);

  return (
    <Card
      title={t('imports.progress.title')}
      extra={
        <Button type="link" onClick={onClose}>
          {t('imports.progress.again')}
        </Button>
      }
    >
      <QueryState query={query}>{(view) => <ProgressBody view={view} />}</QueryState>
    </Card>
  );
}

function ProgressBody({ view }: { view: ImportInfo }) {
  const { t } = useTranslation('coordinator');
  const navigate = useNavigate();
  const stage = stageOf(view);
  const status = knownStatus(view.status);
  const step = stepOf(stage, view.progress);
  const parts = view.parts ?? {};
  const warnings = view.warnings ?? [];
  const untracked = view.untracked ?? [];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text strong>{view.filename}</Typography.Text>
        <ToneTag tone={STATUS_TONE[status]}>{t(`imports.status.${status}`)}</ToneTag>
      </Space>
      <Steps
        size="small"
        current={step}
        status={stage === 'failed' ? 'error' : stage === 'succeeded' ? 'finish' : 'process'}
        items={[
          { title: t('imports.step.upload') },
          { title: t('imports.step.read') },
          { title: t('imports.step.parse') },
          { title: t('imports.step.build') },
          { title: t('imports.step.done') },
        ]}
      />
      <div role="status" aria-live="polite">
        <Typography.Text>{t(`imports.stage.${stage}`)}</Typography.Text>
        <Progress
          percent={view.progress}
          status={stage === 'failed' ? 'exception' : stage === 'succeeded' ? 'success' : 'active'}
          aria-label={t('imports.progress.title')}
        />
      </div>
      {stage === 'failed' && (
        <Alert
          type="error"
          showIcon
          title={t('imports.progress.failed')}
          description={view.error}
        />
      )}
      {view.status === 'queued' && view.error && (
        <Alert
          type="warning"
          showIcon
          title={t('imports.progress.retrying', { error: view.error })}
        />
      )}
      {stage === 'succeeded' && (
        <>
          <Typography.Text>
            {t('imports.progress.parts', { plan: parts['plan'] ?? 0 })}
            {(parts['review'] ?? 0) + (parts['problems'] ?? 0) > 0 &&
              `；${t('imports.progress.partsSummary', {
                review: parts['review'] ?? 0,
                problems: parts['problems'] ?? 0,
              })}`}
          </Typography.Text>
          {view.planId ? (
            <Button
              type="primary"
              size="large"
              onClick={() => void navigate(`/plans/${view.planId}/draft`)}
            >
              {t('imports.progress.openDraft')}
            </Button>
          ) : (
            <Alert type="warning" showIcon title={t('imports.progress.noPlan')} />
          )}
        </>
      )}
      {(warnings.length > 0 || untracked.length > 0) && (
        <Collapse
          size="small"
          items={[
            ...(warnings.length > 0
              ? [
                  {
                    key: 'warnings',
                    label: `${t('imports.progress.warnings')}（${warnings.length}）`,
                    children: (
                      <List
                        size="small"
                        dataSource={warnings}
                        renderItem={(w) => <List.Item>{w}</List.Item>}
                      />
                    ),
                  },
                ]
              : []),
            ...(untracked.length > 0
              ? [
                  {
                    key: 'untracked',
                    label: `${t('imports.progress.untracked')}（${untracked.length}）`,
                    children: (
                      <List
                        size="small"
                        dataSource={untracked}
                        renderItem={(u) => (
                          <List.Item>
                            <Tag>
                              {t(`imports.part.${u.part === 'problems' ? 'problems' : 'review'}`)}
                            </Tag>
                            {u.label} {u.title}
                          </List.Item>
                        )}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Space>
  );
}
