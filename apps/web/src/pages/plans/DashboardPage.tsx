import { DownloadOutlined, ProjectOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/hooks';
import { useSession } from '../../auth/session';
import { QueryState } from '../../components/QueryState';
import { DashboardFilters, useDashboardFilter } from './DashboardFilters';
import {
  ChapterBars,
  DepartmentBars,
  DepartmentTable,
  PointLists,
  RiskPie,
  StatCards,
} from './DashboardSections';
import { TargetsCard } from './TargetsCard';
import { useReportDownload } from './useReportDownload';
import { EmptyText } from '../../components/PointTags';

/** 统计分析: a plan's figures by light, chapter and department, what to chase, and the targets. */
export function DashboardPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { has } = useSession();
  const [filter, setFilter] = useDashboardFilter();
  const plans = useApi('get /api/plans', undefined, { staleTime: 300_000 });
  const dashboard = useApi('get /api/plans/{planId}/dashboard', {
    path: { planId },
    query: filter,
  });
  const reports = useReportDownload();
  const plan = plans.data?.find((p) => p.id === planId);
  const ledgerUrl = () => {
    const query = new URLSearchParams(
      Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])),
    );
    const qs = query.toString();
    return `/api/plans/${planId}/ledger.xlsx${qs ? `?${qs}` : ''}`;
  };

  return (
    <>
      <Space
        style={{ width: '100%', justifyContent: 'space-between', alignItems: 'flex-start' }}
        wrap
      >
        <div>
          <Typography.Title level={2} style={{ marginBottom: 4 }}>
            {t('dashboard.title')}
          </Typography.Title>
          <Typography.Paragraph style={{ marginBottom: 16 }}>
            {plan?.title ?? '\u00a0'}
          </Typography.Paragraph>
        </div>
        <Space wrap>
          <Link to={`/plans/${planId}/board`}>
            <ProjectOutlined aria-hidden /> {t('plans.board')}
          </Link>
          {has('coordinator', 'admin', 'supervisor', 'head') && (
            <Button
              icon={<DownloadOutlined aria-hidden />}
              loading={reports.busy === 'ledger'}
              onClick={() => reports.run('ledger', ledgerUrl())}
            >
              {t('dashboard.filteredLedger')}
            </Button>
          )}
          <Button
            icon={<ReloadOutlined aria-hidden />}
            onClick={() => void dashboard.refetch()}
            loading={dashboard.isFetching && !dashboard.isPending}
          >
            {tc('action.refresh')}
          </Button>
        </Space>
      </Space>
      <DashboardFilters planId={planId} filter={filter} onChange={setFilter} />
      <QueryState
        query={dashboard}
        isEmpty={(data) => data.total === 0}
        empty={
          <Card size="small" style={{ marginBottom: 16 }}>
            <Empty
              description={
                <EmptyText>
                  {plan?.status === 'draft' ? t('dashboard.draftPlan') : t('dashboard.noPoints')}
                </EmptyText>
              }
            />
          </Card>
        }
      >
        {(data) => (
          <>
            <StatCards data={data} />
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              <Col xs={24} lg={9}>
                <RiskPie data={data} />
              </Col>
              <Col xs={24} lg={15}>
                <ChapterBars data={data} />
              </Col>
            </Row>
            <Card
              size="small"
              title={t('dashboard.departments.title')}
              style={{ marginBottom: 16 }}
            >
              <Tabs
                size="small"
                items={[
                  {
                    key: 'table',
                    label: t('dashboard.departments.asTable'),
                    children: <DepartmentTable data={data} />,
                  },
                  {
                    key: 'chart',
                    label: t('dashboard.departments.asChart'),
                    children: <DepartmentBars data={data} />,
                  },
                ]}
              />
            </Card>
            <PointLists data={data} />
          </>
        )}
      </QueryState>
      <TargetsCard planId={planId} filter={filter} />
      {reports.dialog}
    </>
  );
}
