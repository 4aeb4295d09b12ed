import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Modal, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction, useApi } from '../../api/hooks';
import type { ApiResponses } from '../../api/responses';
import { useSession } from '../../auth/session';
import { QueryState } from '../../components/QueryState';
import { EmptyText, ToneTag } from '../../components/PointTags';

type Bulletin = ApiResponses['get /api/plans/{planId}/bulletins'][number];
type Plan = ApiResponses['get /api/plans'][number];

/** 月度通报: a plan's monthly bulletins, producing one for a month, downloading the Word file. */
export function BulletinsModal({
  plan,
  onClose,
  onDownload,
  busy,
}: {
  plan: Plan;
  onClose: () => void;
  onDownload: (key: string, url: string) => void;
  busy: string | null;
}) {
  const { t } = useTranslation('admin');
  const { has } = useSession();
  const [month, setMonth] = useState<Dayjs | null>(() => dayjs().subtract(1, 'month'));
  const bulletins = useApi('get /api/plans/{planId}/bulletins', { path: { planId: plan.id } });
  const produce = useAction(
    (m: string) =>
      api('post /api/plans/{planId}/bulletins/{month}', { path: { planId: plan.id, month: m } }),
    { done: t('plans.bulletins.produced') },
  );
  const monthLabel = (m: string) =>
    t('plans.monthLabel', { year: m.slice(0, 4), month: Number(m.slice(5, 7)) });
  const fileUrl = (m: string) => `/api/plans/${plan.id}/bulletins/${m}/bulletin.docx`;

  return (
    <Modal
      open
      width={860}
      title={t('plans.bulletins.title', { plan: plan.title })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('plans.export.close')}</Button>}
    >
      {has('coordinator', 'admin') && (
        <Form
          layout="inline"
          style={{ marginBottom: 16 }}
          onFinish={() => month && produce.mutate(month.format('YYYY-MM'))}
        >
          <Form.Item label={t('plans.bulletins.month')} htmlFor="bulletin-month">
            <DatePicker
              id="bulletin-month"
              picker="month"
              value={month}
              onChange={setMonth}
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<FileAddOutlined />}
            loading={produce.isPending}
          >
            {t('plans.bulletins.produce')}
          </Button>
        </Form>
      )}
      <Typography.Paragraph type="secondary">{t('plans.bulletins.help')}</Typography.Paragraph>
      <QueryState query={bulletins}>
        {(list) => (
          <Table<Bulletin>
            rowKey="id"
            size="small"
            dataSource={list}
            pagination={{ pageSize: 12, hideOnSinglePage: true }}
            locale={{ emptyText: <EmptyText>{t('plans.bulletins.none')}</EmptyText> }}
            columns={[
              {
                title: t('plans.bulletins.monthColumn'),
                dataIndex: 'month',
                render: (m: string) => monthLabel(m),
                width: 110,
              },
              {
                title: t('plans.bulletins.trigger'),
                dataIndex: 'trigger',
                width: 100,
                render: (trigger: Bulletin['trigger']) => (
                  <ToneTag tone={trigger === 'schedule' ? 'blue' : 'grey'}>
                    {t(`plans.bulletins.${trigger}`)}
                  </ToneTag>
                ),
              },
              {
                title: t('plans.bulletins.producedAt'),
                dataIndex: 'producedAt',
                width: 150,
                render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
              },
              {
                title: t('plans.bulletins.first'),
                key: 'first',
                render: (_, b) => {
                  const first = b.ranking.filter((r) => r.rank === 1);
                  return first.length
                    ? first
                        .map((r) => `${r.name}（${r.score}${t('plans.bulletins.points')}）`)
                        .join('、')
                    : '—';
                },
              },
              {
                title: t('plans.bulletins.counts'),
                key: 'counts',
                width: 150,
                render: (_, b) =>
                  t('plans.bulletins.countsText', {
                    completed: b.completed.length,
                    overdue: b.overdue.length,
                  }),
              },
              {
                title: t('plans.bulletins.file'),
                key: 'file',
                width: 110,
                render: (_, b) => (
                  <Space>
                    <Button
                      size="small"
                      icon={<DownloadOutlined aria-hidden />}
                      loading={busy === `bulletin-${b.month}`}
                      aria-label={t('plans.bulletins.downloadLabel', {
                        month: monthLabel(b.month),
                      })}
                      onClick={() => onDownload(`bulletin-${b.month}`, fileUrl(b.month))}
                    >
                      {t('plans.bulletins.download')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Modal>
  );
}
