import {
  CheckCircleOutlined,
  FileAddOutlined,
  FormOutlined,
  SendOutlined,
  SettingOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Popconfirm, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type ApiError, api } from '../../api/client';
import { newRequestId, useAction } from '../../api/hooks';
import { useFailure } from '../../api/refusal';
import type { ApiResponses } from '../../api/responses';
import { type Plan, type Problem, refusalLines } from './draft';
import { ToneTag } from '../../components/PointTags';

interface Props {
  plan: Plan;
  problems: Map<string, Problem[]>;
  editable: boolean;
  onlyUnready: boolean;
  onOnlyUnready: (v: boolean) => void;
  onAdd: () => void;
  onBulk: () => void;
  onPolicy: () => void;
}

/** Title, readiness and the plan-wide actions: add, accept suggestions, fill in, rules, publish. */
export function DraftHeader({
  plan,
  problems,
  editable,
  onlyUnready,
  onOnlyUnready,
  onAdd,
  onBulk,
  onPolicy,
}: Props) {
  const { t } = useTranslation('coordinator');
  const { message, modal } = App.useApp();
  const failure = useFailure();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [requestId] = useState(newRequestId);

  const applyAll = useAction(
    () => api('post /api/plans/{planId}/apply-suggestions', { path: { planId: plan.id } }),
    {
      onSuccess: (r) => void message.success(t('draft.toolbar.applyAllDone', { count: r.applied })),
    },
  );
  const publish = useMutation<ApiResponses['post /api/plans/{planId}/publish'], ApiError, void>({
    mutationFn: () =>
      api('post /api/plans/{planId}/publish', { path: { planId: plan.id }, body: { requestId } }),
    onSuccess: async (result) => {
      void message.success(
        t('draft.toolbar.published', { started: result.started + result.alreadyRunning }),
      );
      await queryClient.invalidateQueries();
      void navigate(`/plans/${plan.id}/board`);
    },
    onError: (error) => {
      const { lines } = refusalLines(error.message);
      modal.error({
        title: t('draft.refused.title'),
        width: 600,
        content: (
          <div>
            <Typography.Paragraph>
              {lines.length > 0 ? t('draft.refused.hint') : failure(error)}
            </Typography.Paragraph>
            {lines.length > 0 && (
              // The API's own words for each point: Chinese, whatever the page's language.
              <ul lang="zh-CN" style={{ maxHeight: 320, overflow: 'auto', paddingInlineStart: 20 }}>
                {lines.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            )}
          </div>
        ),
      });
    },
  });

  const counts = { lead: 0, supervisor: 0, deadline: 0, past: 0 } satisfies Record<Problem, number>;
  let unready = 0;
  for (const list of problems.values()) {
    if (list.length > 0) unready += 1;
    for (const p of list) counts[p] += 1;
  }
  const detail = (Object.keys(counts) as Problem[])
    .filter((k) => counts[k] > 0)
    .map((k) => t(`draft.ready.${k}`, { count: counts[k] }))
    .join('，');

  return (
    <div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <Typography.Title
          level={2}
          style={{ fontSize: 20, margin: 0, flex: '1 1 260px', minWidth: 0 }}
          ellipsis={{ tooltip: plan.title }}
        >
          {plan.title}
        </Typography.Title>
        <ToneTag tone={editable ? 'orange' : 'green'}>
          {t(editable ? 'draft.status.draft' : 'draft.status.published')}
        </ToneTag>
        <Typography.Text>{t('draft.pointCount', { count: plan.points.length })}</Typography.Text>
        {editable && (
          <Space wrap size={8} style={{ marginInlineStart: 'auto' }}>
            <Button icon={<FileAddOutlined />} onClick={onAdd}>
              {t('draft.toolbar.addPoint')}
            </Button>
            <Button
              icon={<ThunderboltOutlined />}
              onClick={() => applyAll.mutate()}
              loading={applyAll.isPending}
            >
              {t('draft.toolbar.applyAll')}
            </Button>
            <Button icon={<FormOutlined />} onClick={onBulk}>
              {t('draft.toolbar.bulk')}
            </Button>
            <Button icon={<SettingOutlined />} onClick={onPolicy}>
              {t('draft.toolbar.policy')}
            </Button>
            <Popconfirm
              title={t('draft.toolbar.publishConfirm')}
              okText={t('draft.toolbar.publishOk')}
              onConfirm={() => publish.mutate()}
              placement="bottomRight"
            >
              <Button type="primary" icon={<SendOutlined />} loading={publish.isPending}>
                {t('draft.toolbar.publish')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </div>
      {editable ? (
        <Alert
          style={{ marginTop: 8, padding: '4px 12px' }}
          type={unready > 0 ? 'warning' : 'success'}
          showIcon
          icon={unready > 0 ? undefined : <CheckCircleOutlined />}
          title={
            unready > 0
              ? `${t('draft.ready.notReady', { count: unready })}：${detail}`
              : t('draft.ready.allReady')
          }
          action={
            <label
              style={{ display: 'inline-flex', gap: 6, alignItems: 'center', whiteSpace: 'nowrap' }}
            >
              <Switch
                size="small"
                checked={onlyUnready}
                onChange={onOnlyUnready}
                disabled={unready === 0 && !onlyUnready}
              />
              {t('draft.ready.onlyUnready')}
            </label>
          }
        />
      ) : (
        <Alert
          style={{ marginTop: 8, padding: '4px 12px' }}
          type="info"
          showIcon
          title={t('draft.published')}
          action={<Link to={`/plans/${plan.id}/board`}>{t('draft.toBoard')}</Link>}
        />
      )}
    </div>
  );
}
