import {
  AuditOutlined,
  BarChartOutlined,
  DownloadOutlined,
  DownOutlined,
  FileTextOutlined,
  FileWordOutlined,
  ProjectOutlined,
} from '@ant-design/icons';
import { Button, Card, Dropdown, Empty, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/hooks';
import type { ApiResponses } from '../../api/responses';
import { useSession } from '../../auth/session';
import { QueryState } from '../../components/QueryState';
import { BulletinsModal } from './BulletinsModal';
import { useReportDownload } from './useReportDownload';
import { ToneTag } from '../../components/PointTags';

type Plan = ApiResponses['get /api/plans'][number];

/** 计划: the plans with their status, the pages of each and the files the office sends out. */
export function PlansPage() {
  const { t } = useTranslation('admin');
  const { has } = useSession();
  const navigate = useNavigate();
  const plans = useApi('get /api/plans');
  const reports = useReportDownload();
  const [bulletinsOf, setBulletinsOf] = useState<Plan | null>(null);
  const overseer = has('coordinator', 'admin', 'supervisor', 'head');
  const coordinator = has('coordinator', 'admin');

  return (
    <>
      <Typography.Title level={2}>{t('plans.title')}</Typography.Title>
      <Card size="small">
        <QueryState
          query={plans}
          isEmpty={(list) => list.length === 0}
          empty={
            <Empty description={t('plans.none')}>
              {coordinator && (
                <Button type="primary" onClick={() => void navigate('/imports')}>
                  {t('plans.import')}
                </Button>
              )}
            </Empty>
          }
        >
          {(list) => (
            <Table<Plan>
              rowKey="id"
              dataSource={[...list].sort(
                (a, b) => b.year - a.year || b.createdAt.localeCompare(a.createdAt),
              )}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                {
                  title: t('plans.name'),
                  dataIndex: 'title',
                  render: (title: string, plan) => (
                    <div>
                      <Typography.Text strong>{title}</Typography.Text>
                      <div style={{ marginTop: 6 }}>
                        <Space size={4} wrap separator={<span aria-hidden>|</span>}>
                          <Link to={`/plans/${plan.id}/board`}>
                            <ProjectOutlined aria-hidden /> {t('plans.board')}
                          </Link>
                          {overseer && (
                            <Link to={`/plans/${plan.id}/dashboard`}>
                              <BarChartOutlined aria-hidden /> {t('plans.dashboard')}
                            </Link>
                          )}
                          {plan.status === 'draft' && coordinator && (
                            <Link to={`/plans/${plan.id}/draft`}>
                              <AuditOutlined aria-hidden /> {t('plans.draft')}
                            </Link>
                          )}
                        </Space>
                      </div>
                    </div>
                  ),
                },
                { title: t('plans.year'), dataIndex: 'year', width: 80 },
                {
                  title: t('plans.status'),
                  dataIndex: 'status',
                  width: 150,
                  render: (status: Plan['status'], plan) => (
                    <div>
                      <ToneTag tone={status === 'published' ? 'green' : 'orange'}>
                        {t(`plans.statusLabel.${status}`)}
                      </ToneTag>
                      {plan.publishedAt && (
                        <div style={{ fontSize: 12, marginTop: 4 }}>
                          {t('plans.publishedOn', {
                            date: dayjs(plan.publishedAt).format('YYYY-MM-DD'),
                          })}
                        </div>
                      )}
                    </div>
                  ),
                },
                {
                  title: coordinator ? t('plans.points') : t('plans.myPoints'),
                  key: 'points',
                  width: 100,
                  align: 'right',
                  render: (_, plan) => <PointCount planId={plan.id} />,
                },
                ...(overseer
                  ? [
                      {
                        title: t('plans.files'),
                        key: 'files',
                        width: 380,
                        render: (_: unknown, plan: Plan) => (
                          <Space size={8} wrap>
                            <Button
                              size="small"
                              icon={<DownloadOutlined aria-hidden />}
                              loading={reports.busy === `ledger-${plan.id}`}
                              onClick={() =>
                                reports.run(
                                  `ledger-${plan.id}`,
                                  `/api/plans/${plan.id}/ledger.xlsx`,
                                )
                              }
                            >
                              {t('plans.ledger')}
                            </Button>
                            <Dropdown
                              trigger={['click']}
                              menu={{
                                items: (['half-year', 'annual'] as const).map((period) => ({
                                  key: period,
                                  icon: <FileWordOutlined aria-hidden />,
                                  label: t(`plans.summary.${period}`),
                                })),
                                onClick: ({ key }) =>
                                  reports.run(
                                    `summary-${plan.id}`,
                                    `/api/plans/${plan.id}/summary.docx?period=${key}`,
                                  ),
                              }}
                            >
                              <Button
                                size="small"
                                icon={<FileWordOutlined aria-hidden />}
                                loading={reports.busy === `summary-${plan.id}`}
                              >
                                {t('plans.summary.button')} <DownOutlined aria-hidden />
                              </Button>
                            </Dropdown>
                            <Button
                              size="small"
                              icon={<FileTextOutlined aria-hidden />}
                              onClick={() => setBulletinsOf(plan)}
                            >
                              {t('plans.bulletins.button')}
                            </Button>
                          </Space>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </QueryState>
      </Card>
      {bulletinsOf && (
        <BulletinsModal
          plan={bulletinsOf}
          onClose={() => setBulletinsOf(null)}
          onDownload={reports.run}
          busy={reports.busy}
        />
      )}
      {reports.dialog}
    </>
  );
}

/** How many points the plan has (for staff and heads: those of their department). */
function PointCount({ planId }: { planId: string }) {
  const { t } = useTranslation('admin');
  const count = useApi('get /api/points', { query: { planId, limit: 1 } }, { staleTime: 60_000 });
  if (count.isPending) return <span aria-busy>…</span>;
  if (count.isError) return <span>—</span>;
  return <span>{t('plans.pointCount', { count: count.data.total })}</span>;
}
