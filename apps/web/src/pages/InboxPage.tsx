import { Badge, Button, Card, List, Space, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { useAction, useApi } from '../api/hooks';
import { useLabels } from '../components/labels';
import { EmptyText } from '../components/PointTags';
import { QueryState } from '../components/QueryState';

const PAGE = 20;

/** The inbox: newest first, unread marked, each message linked to its point. */
export function InboxPage() {
  const { t } = useTranslation('work');
  const labels = useLabels();
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [page, setPage] = useState(1);
  const inbox = useApi('get /api/inbox', {
    query: { page, pageSize: PAGE, ...(onlyUnread ? { unread: true } : {}) },
  });
  const readAll = useAction(() => api('post /api/inbox/read-all'), { done: t('inbox.readAll') });
  const read = useAction((id: string) => api('post /api/inbox/{id}/read', { path: { id } }));

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {t('inbox.title')}
        </Typography.Title>
      }
      extra={
        <Space wrap>
          <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
            <Switch
              size="small"
              checked={onlyUnread}
              onChange={(v) => {
                setOnlyUnread(v);
                setPage(1);
              }}
            />
            {t('inbox.onlyUnread')}
          </label>
          <Button onClick={() => readAll.mutate(undefined)} loading={readAll.isPending}>
            {t('inbox.readAll')}
          </Button>
        </Space>
      }
    >
      <QueryState
        query={inbox}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <List locale={{ emptyText: <EmptyText>{t('inbox.empty')}</EmptyText> }} dataSource={[]} />
        }
      >
        {(data) => (
          <>
            <Typography.Paragraph>
              {t('inbox.unread', { count: data.unreadCount })}
            </Typography.Paragraph>
            <List
              itemLayout="vertical"
              dataSource={data.items}
              pagination={{
                current: page,
                pageSize: PAGE,
                total: data.total,
                onChange: setPage,
                showSizeChanger: false,
              }}
              renderItem={(item) => (
                <List.Item
                  key={item.id}
                  actions={[
                    ...(item.point
                      ? [
                          <Link
                            key="open"
                            to={`/points/${item.point.id}`}
                            onClick={() => !item.readAt && read.mutate(item.id)}
                          >
                            {t('inbox.open')}
                          </Link>,
                        ]
                      : []),
                    ...(item.readAt
                      ? []
                      : [
                          <Button
                            key="read"
                            type="link"
                            size="small"
                            onClick={() => read.mutate(item.id)}
                          >
                            {t('inbox.markRead')}
                          </Button>,
                        ]),
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        {!item.readAt && <Badge status="error" />}
                        <span style={{ fontWeight: item.readAt ? 400 : 600 }}>{item.title}</span>
                        <Tag>{labels.notification(item.kind)}</Tag>
                      </Space>
                    }
                    description={dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}
                  />
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                    {item.text}
                  </Typography.Paragraph>
                </List.Item>
              )}
            />
          </>
        )}
      </QueryState>
    </Card>
  );
}
