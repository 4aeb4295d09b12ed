import { RISK_COLOURS as RISKS } from '@workpoints/contracts';
import { OPEN_STATUSES } from '@workpoints/domain';
import { Card, Col, Progress, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiResponses } from '../../api/responses';
import { Chart } from './Chart';
import { EmptyText, RISK_COLOURS, ToneTag } from '../../components/PointTags';

export type Dashboard = ApiResponses['get /api/plans/{planId}/dashboard'];
type DepartmentRow = Dashboard['byDepartment'][number];
type OverduePoint = Dashboard['overdue'][number];
type DueSoonPoint = Dashboard['dueSoon'][number];

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);

/** 要点总数 / 已办结 / 推进中 / 当前逾期 / 即将到期. */
export function StatCards({ data }: { data: Dashboard }) {
  const { t } = useTranslation('admin');
  const completed = data.byStatus.completed;
  const open = OPEN_STATUSES.reduce((sum, s) => sum + data.byStatus[s], 0);
  const overdue = data.byDepartment.reduce((sum, d) => sum + d.overdue, 0);
  const cards = [
    { key: 'total', title: t('dashboard.stats.total'), value: data.total },
    {
      key: 'completed',
      title: t('dashboard.stats.completed'),
      value: completed,
      extra: t('dashboard.stats.rate', { rate: percent(completed, data.total) }),
    },
    { key: 'open', title: t('dashboard.stats.open'), value: open },
    {
      key: 'overdue',
      title: t('dashboard.stats.overdue'),
      value: overdue,
      colour: overdue ? RISK_COLOURS.red : undefined,
    },
    {
      key: 'dueSoon',
      title: t('dashboard.stats.dueSoon', { days: data.dueWithinWorkdays }),
      value: data.dueSoon.length,
      colour: data.dueSoon.length ? RISK_COLOURS.yellow : undefined,
    },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Col key={c.key} flex="1 1 180px">
          <Card size="small">
            <Statistic
              title={c.title}
              value={c.value}
              suffix={t('dashboard.items')}
              styles={{ content: c.colour ? { color: c.colour } : undefined }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.extra ?? t('dashboard.stats.asOf', { date: data.today })}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** The points by light (正常 / 预警 / 逾期) as a ring. */
export function RiskPie({ data }: { data: Dashboard }) {
  const { t } = useTranslation('admin');
  const slices = RISKS.map((r) => ({
    name: t(`dashboard.risk.${r}`),
    value: data.byRisk[r],
    itemStyle: { color: RISK_COLOURS[r] },
  }));
  const label = t('dashboard.riskChartLabel', {
    figures: slices
      .map((s) => t('dashboard.figure', { name: s.name, count: s.value }))
      .join(t('dashboard.listSeparator')),
  });
  return (
    <Card size="small" title={t('dashboard.riskChart')} style={{ height: '100%' }}>
      <Chart
        label={label}
        height={260}
        option={{
          tooltip: { trigger: 'item', formatter: '{b}：{c} ({d}%)' },
          legend: { bottom: 0 },
          series: [
            {
              type: 'pie',
              radius: ['40%', '68%'],
              center: ['50%', '45%'],
              label: { formatter: '{c}', fontSize: 13 },
              data: slices,
            },
          ],
        }}
      />
    </Card>
  );
}

/** Each chapter's points stacked by light. */
export function ChapterBars({ data }: { data: Dashboard }) {
  const { t } = useTranslation('admin');
  const chapters = data.byChapter;
  const name = (c: Dashboard['byChapter'][number]) => [c.label, c.title].filter(Boolean).join(' ');
  // Under each bar: the chapter's number and the start of its title (all of it in the tooltip).
  const room = chapters.length <= 4 ? 10 : chapters.length <= 8 ? 6 : 0;
  const short = (c: Dashboard['byChapter'][number]) => {
    const title = c.title.length > room ? `${c.title.slice(0, room)}…` : c.title;
    return room === 0
      ? c.label || c.title.slice(0, 4)
      : [c.label, title].filter(Boolean).join('\n');
  };
  const label = t('dashboard.chapterChartLabel', {
    figures: chapters
      .map(
        (c) =>
          `${name(c)}：${RISKS.map((r) => t('dashboard.figure', { name: t(`dashboard.risk.${r}`), count: c.byRisk[r] })).join(t('dashboard.listSeparator'))}`,
      )
      .join('；'),
  });
  return (
    <Card size="small" title={t('dashboard.chapterChart')} style={{ height: '100%' }}>
      <Chart
        label={label}
        height={260}
        option={{
          tooltip: {
            trigger: 'axis',
            axisPointer: { type: 'shadow' },
          },
          legend: { bottom: 0 },
          grid: { left: 8, right: 16, top: 16, bottom: 44, containLabel: true },
          xAxis: {
            type: 'category',
            data: chapters.map(name),
            axisLabel: {
              interval: 0,
              formatter: (_: string, i: number) => {
                const c = chapters[i];
                return c ? short(c) : '';
              },
            },
          },
          yAxis: { type: 'value', minInterval: 1 },
          series: RISKS.map((r) => ({
            type: 'bar' as const,
            name: t(`dashboard.risk.${r}`),
            stack: 'risk',
            barMaxWidth: 36,
            itemStyle: { color: RISK_COLOURS[r] },
            data: chapters.map((c) => c.byRisk[r]),
          })),
        }}
      />
    </Card>
  );
}

/** 各牵头单位: points led, completed, on time, late, overdue now, missed reports. */
export function DepartmentTable({ data }: { data: Dashboard }) {
  const { t } = useTranslation('admin');
  return (
    <Table<DepartmentRow>
      rowKey={(d) => d.departmentId ?? d.name}
      size="small"
      dataSource={data.byDepartment}
      pagination={false}
      scroll={{ x: 760 }}
      columns={[
        { title: t('dashboard.departments.name'), dataIndex: 'name', fixed: 'left', width: 140 },
        {
          title: t('dashboard.departments.led'),
          dataIndex: 'led',
          align: 'right',
          sorter: (a, b) => a.led - b.led,
        },
        {
          title: t('dashboard.departments.completed'),
          dataIndex: 'completed',
          align: 'right',
          sorter: (a, b) => a.completed - b.completed,
        },
        {
          title: t('dashboard.departments.onTime'),
          dataIndex: 'onTime',
          align: 'right',
          sorter: (a, b) => a.onTime - b.onTime,
        },
        {
          title: t('dashboard.departments.completedLate'),
          dataIndex: 'completedLate',
          align: 'right',
          sorter: (a, b) => a.completedLate - b.completedLate,
        },
        {
          title: t('dashboard.departments.overdue'),
          dataIndex: 'overdue',
          align: 'right',
          sorter: (a, b) => a.overdue - b.overdue,
          render: (n: number) =>
            n ? (
              <Typography.Text type="danger" strong>
                {n}
              </Typography.Text>
            ) : (
              n
            ),
        },
        {
          title: t('dashboard.departments.reportsMissed'),
          dataIndex: 'reportsMissed',
          align: 'right',
          sorter: (a, b) => a.reportsMissed - b.reportsMissed,
        },
        {
          title: t('dashboard.departments.rate'),
          key: 'rate',
          width: 160,
          sorter: (a, b) => percent(a.completed, a.led) - percent(b.completed, b.led),
          render: (_, d) => (
            <Progress
              percent={percent(d.completed, d.led)}
              size="small"
              strokeColor={RISK_COLOURS.green}
              aria-label={t('dashboard.departments.rateOf', { name: d.name })}
            />
          ),
        },
      ]}
    />
  );
}

/** The same figures per department as grouped bars. */
export function DepartmentBars({ data }: { data: Dashboard }) {
  const { t } = useTranslation('admin');
  const rows = data.byDepartment;
  const series = [
    { key: 'led', colour: '#595959' },
    { key: 'completed', colour: RISK_COLOURS.green },
    { key: 'onTime', colour: '#1677ff' },
    { key: 'overdue', colour: RISK_COLOURS.red },
  ] as const;
  const label = t('dashboard.departmentChartLabel', {
    figures: rows
      .map(
        (d) =>
          `${d.name}：${series.map((s) => t('dashboard.figure', { name: t(`dashboard.departments.${s.key}`), count: d[s.key] })).join(t('dashboard.listSeparator'))}`,
      )
      .join('；'),
  });
  return (
    <Chart
      label={label}
      height={Math.max(240, rows.length * 44 + 60)}
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { bottom: 0 },
        grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
        yAxis: { type: 'category', inverse: true, data: rows.map((d) => d.name) },
        xAxis: { type: 'value', minInterval: 1 },
        series: series.map((s) => ({
          type: 'bar' as const,
          name: t(`dashboard.departments.${s.key}`),
          itemStyle: { color: s.colour },
          barMaxWidth: 10,
          data: rows.map((d) => d[s.key]),
        })),
      }}
    />
  );
}

/** 逾期要点 and 即将到期: what to chase now. */
export function PointLists({ data }: { data: Dashboard }) {
  const { t } = useTranslation('admin');
  const base = [
    { title: t('dashboard.lists.number'), dataIndex: 'number', width: 64 },
    {
      title: t('dashboard.lists.point'),
      dataIndex: 'title',
      ellipsis: true,
      render: (title: string, p: OverduePoint | DueSoonPoint) => (
        <Link to={`/points/${p.id}`}>{title}</Link>
      ),
    },
    {
      title: t('dashboard.lists.department'),
      dataIndex: 'departmentName',
      width: 110,
      render: (n: string | null) => n ?? '—',
    },
    { title: t('dashboard.lists.deadline'), dataIndex: 'deadline', width: 104 },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title={t('dashboard.lists.overdue')}
          extra={
            <ToneTag tone="red">{t('dashboard.count', { count: data.overdue.length })}</ToneTag>
          }
          style={{ height: '100%' }}
        >
          <Table<OverduePoint>
            rowKey="id"
            size="small"
            dataSource={data.overdue}
            pagination={{ pageSize: 8, hideOnSinglePage: true, size: 'small' }}
            locale={{ emptyText: <EmptyText>{t('dashboard.lists.noOverdue')}</EmptyText> }}
            columns={[
              ...base,
              {
                title: t('dashboard.lists.late'),
                dataIndex: 'workdaysLate',
                width: 96,
                align: 'right',
                render: (n: number | null) =>
                  n === null ? (
                    '—'
                  ) : (
                    <Typography.Text type="danger">
                      {t('dashboard.lists.days', { count: n })}
                    </Typography.Text>
                  ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title={t('dashboard.lists.dueSoon', { days: data.dueWithinWorkdays })}
          extra={
            <ToneTag tone="gold">{t('dashboard.count', { count: data.dueSoon.length })}</ToneTag>
          }
          style={{ height: '100%' }}
        >
          <Table<DueSoonPoint>
            rowKey="id"
            size="small"
            dataSource={data.dueSoon}
            pagination={{ pageSize: 8, hideOnSinglePage: true, size: 'small' }}
            locale={{ emptyText: <EmptyText>{t('dashboard.lists.noDueSoon')}</EmptyText> }}
            columns={[
              ...base,
              {
                title: t('dashboard.lists.left'),
                dataIndex: 'workdaysLeft',
                width: 96,
                align: 'right',
                render: (n: number | null) =>
                  n === null ? '—' : t('dashboard.lists.days', { count: n }),
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
