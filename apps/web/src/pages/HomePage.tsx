import { Card, Col, Empty, Row, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/hooks';
import { useSession } from '../auth/session';
import { PointTable } from '../components/PointTable';
import { QueryState } from '../components/QueryState';

const GROUPS = [
  'toAcknowledge',
  'reportsDue',
  'returned',
  'approvals',
  'extensions',
  'overdue',
] as const;

/** 待办: what needs the user now, in the order it should be done. */
export function HomePage() {
  const { t } = useTranslation('work');
  const { user } = useSession();
  const todo = useApi('get /api/me/todo', undefined, { refetchInterval: 60_000 });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2} style={{ marginBottom: 0 }}>
          {t('home.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('home.greeting', { name: user.displayName })}
        </Typography.Text>
      </div>
      <QueryState query={todo}>
        {(data) => {
          const shown = GROUPS.filter((g) => data[g].length > 0);
          return (
            <Space orientation="vertical" size="large" style={{ width: '100%' }}>
              <Row gutter={[12, 12]}>
                {GROUPS.map((g) => (
                  <Col key={g} xs={12} sm={8} lg={4}>
                    <Card size="small">
                      <Statistic
                        title={t(`home.${g}`)}
                        value={data[g].length}
                        styles={{
                          content: {
                            color: g === 'overdue' && data[g].length > 0 ? '#cf1322' : undefined,
                          },
                        }}
                      />
                    </Card>
                  </Col>
                ))}
              </Row>
              {shown.length === 0 ? (
                <Card>
                  <Empty description={t('home.allClear')} />
                </Card>
              ) : (
                shown.map((g) =>
                  g === 'reportsDue' ? (
                    <PointTable
                      key={g}
                      caption={t(`home.${g}`)}
                      points={data.reportsDue}
                      extra={[{ title: t('home.reportDue'), dataIndex: 'reportDue', width: 112 }]}
                    />
                  ) : (
                    <PointTable key={g} caption={t(`home.${g}`)} points={data[g]} />
                  ),
                )
              )}
            </Space>
          );
        }}
      </QueryState>
    </Space>
  );
}
