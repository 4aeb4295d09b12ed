import { Card, Space, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/hooks';
import type { ApiResponses } from '../../api/responses';
import { QueryState } from '../../components/QueryState';
import type { DashboardFilter } from './DashboardFilters';
import { EmptyText, RISK_COLOURS, ToneTag } from '../../components/PointTags';

type Progress = ApiResponses['get /api/plans/{planId}/targets'];
type Row = Progress['rows'][number];
type Comparator = Row['target']['comparator'];

/** 量化指标完成情况: each target's latest actual, whether it is met, and the year's trend. */
export function TargetsCard({ planId, filter }: { planId: string; filter: DashboardFilter }) {
  const { t } = useTranslation('admin');
  const targets = useApi('get /api/plans/{planId}/targets', { path: { planId }, query: filter });
  const value = (n: number, unit: string) => `${n.toLocaleString('zh-CN')}${unit}`;
  const goal = (target: Row['target']) =>
    target.comparator === 'range'
      ? t('dashboard.targets.range', {
          from: target.value,
          to: value(target.valueMax ?? target.value, target.unit),
        })
      : `${t(`dashboard.targets.comparator.${comparatorKey(target.comparator)}`)}${value(target.value, target.unit)}`;

  return (
    <Card size="small" title={t('dashboard.targets.title')} style={{ marginBottom: 16 }}>
      <QueryState query={targets}>
        {(data) => (
          <>
            <Space size={48} style={{ marginBottom: 12 }} wrap>
              <Statistic
                title={t('dashboard.targets.total')}
                value={data.totals.targets}
                suffix={t('dashboard.items')}
              />
              <Statistic
                title={t('dashboard.targets.withActual')}
                value={data.totals.withActual}
                suffix={t('dashboard.items')}
              />
              <Statistic
                title={t('dashboard.targets.met')}
                value={data.totals.met}
                suffix={t('dashboard.items')}
                styles={{ content: { color: RISK_COLOURS.green } }}
              />
            </Space>
            <Table<Row>
              rowKey={(r) => `${r.point.id}:${r.target.index}`}
              size="small"
              dataSource={data.rows}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: <EmptyText>{t('dashboard.targets.none')}</EmptyText> }}
              columns={[
                {
                  title: t('dashboard.targets.point'),
                  key: 'point',
                  width: 220,
                  ellipsis: true,
                  render: (_, r) => (
                    <Link to={`/points/${r.point.id}`}>
                      {r.point.number}. {r.point.title}
                    </Link>
                  ),
                },
                {
                  title: t('dashboard.targets.target'),
                  key: 'target',
                  render: (_, r) => (
                    <>
                      {r.target.text}
                      {r.target.aspirational && (
                        <ToneTag tone="grey" style={{ marginInlineStart: 6 }}>
                          {t('dashboard.targets.aspirational')}
                        </ToneTag>
                      )}
                    </>
                  ),
                },
                {
                  title: t('dashboard.targets.goal'),
                  key: 'goal',
                  width: 130,
                  render: (_, r) => goal(r.target),
                },
                {
                  title: t('dashboard.targets.latest'),
                  key: 'latest',
                  width: 130,
                  render: (_, r) =>
                    r.latest ? (
                      <>
                        <div>{value(r.latest.value, r.target.unit)}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r.latest.date}
                        </Typography.Text>
                      </>
                    ) : (
                      '—'
                    ),
                },
                {
                  title: t('dashboard.targets.status'),
                  dataIndex: 'met',
                  width: 100,
                  render: (met: boolean | null) => (
                    <ToneTag tone={met === null ? 'grey' : met ? 'green' : 'red'}>
                      {t(
                        `dashboard.targets.${met === null ? 'noActual' : met ? 'isMet' : 'notMet'}`,
                      )}
                    </ToneTag>
                  ),
                },
                {
                  title: t('dashboard.targets.trend'),
                  key: 'trend',
                  width: 130,
                  render: (_, r) => <Sparkline row={r} />,
                },
              ]}
            />
          </>
        )}
      </QueryState>
    </Card>
  );
}

const comparatorKey = (c: Comparator) =>
  (
    ({
      '>=': 'gte',
      '>': 'gt',
      '=': 'eq',
      '<=': 'lte',
      '<': 'lt',
      '~': 'about',
      range: 'range',
    }) as const
  )[c];

/** The year's actuals as a small line against the target, with the figures as its text. */
function Sparkline({ row }: { row: Row }) {
  const { t } = useTranslation('admin');
  const points = row.trend;
  if (points.length === 0) return <span>—</span>;
  const width = 110;
  const height = 30;
  const values = [...points.map((p) => p.value), row.target.value];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const y = (v: number) =>
    max === min ? height / 2 : height - 3 - ((v - min) / (max - min)) * (height - 6);
  const x = (i: number) =>
    points.length === 1 ? width / 2 : 3 + (i / (points.length - 1)) * (width - 6);
  const colour = row.met === false ? RISK_COLOURS.red : RISK_COLOURS.green;
  const label = t('dashboard.targets.trendLabel', {
    figures: points.map((p) => `${p.date} ${p.value}${row.target.unit}`).join('，'),
    target: `${row.target.value}${row.target.unit}`,
  });
  return (
    <svg width={width} height={height} role="img" aria-label={label}>
      <title>{label}</title>
      <line
        x1={0}
        x2={width}
        y1={y(row.target.value)}
        y2={y(row.target.value)}
        stroke="#bfbfbf"
        strokeDasharray="3 3"
      />
      <polyline
        fill="none"
        stroke={colour}
        strokeWidth={2}
        points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')}
      />
      {points.map((p, i) => (
        <circle key={i} cx={x(i)} cy={y(p.value)} r={2.5} fill={colour} />
      ))}
    </svg>
  );
}
