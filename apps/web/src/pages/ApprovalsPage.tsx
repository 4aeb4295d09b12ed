import { Card, Col, Grid, List, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../api/hooks';
import { useLabels } from '../components/labels';
import { EmptyText } from '../components/PointTags';
import { QueryState } from '../components/QueryState';
import { PointActions } from './point/PointActions';
import { PointView } from './point/PointView';

function Selected({ pointId }: { pointId: string }) {
  const point = useApi('get /api/points/{pointId}', { path: { pointId } });
  return (
    <QueryState query={point}>
      {(p) => <PointView point={p} actions={<PointActions point={p} />} />}
    </QueryState>
  );
}

/**
 * 审核: completions and extension requests waiting for this head or supervisor. On a wide
 * screen the chosen point (its report, evidence and timeline) opens beside the list; on a
 * phone the list links to the point's page.
 */
export function ApprovalsPage() {
  const { t } = useTranslation('work');
  const labels = useLabels();
  const screens = Grid.useBreakpoint();
  const wide = Boolean(screens.lg);
  const [params, setParams] = useSearchParams();
  const selected = params.get('point');
  const todo = useApi('get /api/me/todo', undefined, { refetchInterval: 60_000 });

  const list = (
    <QueryState query={todo}>
      {(data) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {(
            [
              ['waiting', data.approvals],
              ['extensions', data.extensions],
            ] as const
          ).map(([group, points]) => (
            <Card key={group} size="small" title={t(`approvals.${group}`)}>
              <List
                dataSource={points}
                locale={{ emptyText: <EmptyText>{t('home.allClear')}</EmptyText> }}
                renderItem={(p) => (
                  <List.Item
                    key={p.id}
                    style={{
                      background: p.id === selected ? '#fff1f0' : undefined,
                      paddingInline: 8,
                    }}
                  >
                    <Space orientation="vertical" size={0}>
                      {wide ? (
                        <a
                          style={{ color: '#0958d9' }}
                          href={`?point=${p.id}`}
                          onClick={(e) => {
                            e.preventDefault();
                            setParams({ point: p.id });
                          }}
                        >
                          第{p.number}项 {p.title}
                        </a>
                      ) : (
                        <Link to={`/points/${p.id}`}>
                          第{p.number}项 {p.title}
                        </Link>
                      )}
                      <Space size={4}>
                        <Tag>{labels.status(p.status)}</Tag>
                        <Typography.Text type="secondary">{p.deadline}</Typography.Text>
                      </Space>
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          ))}
        </Space>
      )}
    </QueryState>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('approvals.title')}
      </Typography.Title>
      {wide ? (
        <Row gutter={16} wrap={false}>
          <Col flex="340px">{list}</Col>
          <Col flex="auto" style={{ minWidth: 0 }}>
            {selected ? (
              <Selected pointId={selected} />
            ) : (
              <Card>
                <Typography.Text type="secondary">{t('approvals.pick')}</Typography.Text>
              </Card>
            )}
          </Col>
        </Row>
      ) : (
        list
      )}
    </Space>
  );
}
