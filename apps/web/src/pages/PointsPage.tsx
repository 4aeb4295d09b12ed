import { Card, Form, Input, Select, Space, Typography } from 'antd';
import type { PointStatus } from '@workpoints/contracts';
import { PUBLISHED_STATUSES } from '@workpoints/domain';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApi } from '../api/hooks';
import { useLabels } from '../components/labels';
import { PointTable } from '../components/PointTable';
import { QueryState } from '../components/QueryState';

const PAGE = 50;

/** Search: points in the user's remit by number or words, plan and status; the state lives in the URL. */
export function PointsPage() {
  const { t } = useTranslation('work');
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const planId = params.get('planId') ?? undefined;
  const status = (params.get('status') ?? undefined) as PointStatus | undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const plans = useApi('get /api/plans');
  const points = useApi('get /api/points', {
    query: {
      ...(q ? { q } : {}),
      ...(planId ? { planId } : {}),
      ...(status ? { status } : {}),
      limit: PAGE,
      offset: (page - 1) * PAGE,
    },
  });
  const set = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('search.title')}
      </Typography.Title>
      <Card size="small">
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('search.query')} htmlFor="points-q">
            <Input.Search
              id="points-q"
              defaultValue={q}
              key={q}
              allowClear
              onSearch={(v) => set('q', v.trim() || undefined)}
              style={{ width: 260 }}
            />
          </Form.Item>
          <Form.Item label={t('search.plan')} htmlFor="points-plan">
            <Select
              id="points-plan"
              allowClear
              style={{ width: 280 }}
              placeholder={t('search.all')}
              value={planId}
              onChange={(v?: string) => set('planId', v)}
              options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
            />
          </Form.Item>
          <Form.Item label={t('search.status')} htmlFor="points-status">
            <Select
              id="points-status"
              allowClear
              style={{ width: 160 }}
              placeholder={t('search.all')}
              value={status}
              onChange={(v?: string) => set('status', v)}
              options={PUBLISHED_STATUSES.map((s) => ({
                value: s,
                label: labels.status(s),
              }))}
            />
          </Form.Item>
        </Form>
      </Card>
      <QueryState query={points}>
        {(data) => (
          <PointTable
            caption={t('search.results', { total: data.total })}
            points={data.items}
            pagination={{
              current: page,
              pageSize: PAGE,
              total: data.total,
              showSizeChanger: false,
              onChange: (p) => {
                const next = new URLSearchParams(params);
                next.set('page', String(p));
                setParams(next);
              },
            }}
          />
        )}
      </QueryState>
    </Space>
  );
}
