import { PaperClipOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  List,
  Space,
  Table,
  Tabs,
  Grid,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { NoticeKind, NoticeRecipient } from '@workpoints/contracts';
import { targetMet } from '@workpoints/domain';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { download } from '../../api/client';
import { useNames } from '../../api/reference';
import type { ApiResponses } from '../../api/responses';
import { useLabels } from '../../components/labels';
import { EmptyText, RiskLight, StatusTag, ToneTag } from '../../components/PointTags';

export type Point = ApiResponses['get /api/points/{pointId}'];
type Report = Point['reports'][number];

const time = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

function Attachments({ files }: { files: Report['attachments'] }) {
  const { t } = useTranslation('work');
  if (files.length === 0) return null;
  return (
    <Space wrap aria-label={t('point.attachments')}>
      {files.map((f) => (
        <Button
          key={f.id}
          size="small"
          icon={<PaperClipOutlined />}
          onClick={() => void download(`/api/attachments/${f.id}/file`)}
        >
          {f.filename}（{Math.max(1, Math.round(f.size / 1024))} KB）
        </Button>
      ))}
    </Space>
  );
}

/** Progress reports, completion submissions and contributions, newest first, with their files. */
export function Reports({ point }: { point: Point }) {
  const { t } = useTranslation('work');
  const names = useNames();
  return (
    <List
      dataSource={[...point.reports].reverse()}
      locale={{ emptyText: <EmptyText>{t('point.noReports')}</EmptyText> }}
      renderItem={(r) => (
        <List.Item key={r.id}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <ToneTag
                tone={
                  r.kind === 'completion' ? 'gold' : r.kind === 'contribution' ? 'purple' : 'blue'
                }
              >
                {t(`point.kind.${r.kind}`)}
              </ToneTag>
              <Typography.Text>{names.department(r.departmentId)}</Typography.Text>
              <Typography.Text type="secondary">{time(r.createdAt)}</Typography.Text>
              {r.percent !== null && <Tag>{t('point.percent', { percent: r.percent })}</Tag>}
            </Space>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {r.text}
            </Typography.Paragraph>
            <Attachments files={r.attachments} />
          </Space>
        </List.Item>
      )}
    />
  );
}

export function PointTimeline({ point }: { point: Point }) {
  const labels = useLabels();
  return (
    <Timeline
      items={[...point.timeline].reverse().map((e, i) => ({
        key: i,
        color: e.event === 'return' ? 'red' : e.to === 'completed' ? 'green' : 'blue',
        content: (
          <div>
            <Typography.Text strong>{labels.timeline(e)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {time(e.at)} {e.actor?.name ?? ''}
            </Typography.Text>
            {e.comment && (
              <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                {e.comment}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}

/** Everything about one point: header, text, targets, policy, and the record in tabs. */
export function PointView({ point, actions }: { point: Point; actions?: React.ReactNode }) {
  const { t } = useTranslation('work');
  const names = useNames();
  const labels = useLabels();
  const returned = [...point.signOffs].reverse().find((s) => s.decision === 'returned');
  const lastReturnIsOpen =
    point.status === 'in_progress' && point.timeline.at(-1)?.event === 'return';
  const narrow = !Grid.useBreakpoint().md;
  const sections = [
    {
      key: 'reports',
      label: `${t('point.reports')}（${point.reports.length}）`,
      children: <Reports point={point} />,
    },
    {
      key: 'timeline',
      label: t('point.timeline'),
      children: <PointTimeline point={point} />,
    },
    {
      key: 'signoffs',
      label: `${t('point.signOffs')}（${point.signOffs.length}）`,
      children: (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={point.signOffs}
          columns={[
            {
              title: t('point.levelTitle'),
              dataIndex: 'level',
              render: (l: 'head' | 'supervisor') => t(`point.level.${l}`),
            },
            {
              title: t('actions.comment'),
              dataIndex: 'decision',
              render: (d: 'approved' | 'returned', s) => (
                <span>
                  <ToneTag tone={d === 'approved' ? 'green' : 'red'}>
                    {t(`point.decision.${d}`)}
                  </ToneTag>
                  {s.comment}
                </span>
              ),
            },
            { title: t('point.at'), dataIndex: 'createdAt', width: 150, render: time },
          ]}
        />
      ),
    },
    {
      key: 'notices',
      label: `${t('point.notices')}（${point.notices.length}）`,
      children: (
        <Table
          rowKey={(n) =>
            `${n.kind}-${n.dueDate}-${n.noticeDate}-${n.recipient}-${n.userId ?? n.departmentId ?? ''}`
          }
          size="small"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={point.notices}
          columns={[
            { title: t('point.noticeSent'), dataIndex: 'noticeDate', width: 110 },
            { title: t('point.noticeDue'), dataIndex: 'dueDate', width: 110 },
            {
              title: t('point.status'),
              dataIndex: 'kind',
              render: (kind: NoticeKind) => labels.notice(kind),
            },
            {
              title: t('point.noticeTo'),
              dataIndex: 'recipient',
              render: (recipient: NoticeRecipient) => labels.recipient(recipient),
            },
            {
              title: t('point.delivered'),
              dataIndex: 'deliveredAt',
              render: (d: string | null) => (d ? time(d) : t('point.pending')),
            },
          ]}
        />
      ),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap align="center">
            <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
              第{point.number}项 {point.title}
            </Typography.Title>
            <StatusTag status={point.status} />
            <RiskLight risk={point.risk} />
            {point.suspended && <ToneTag tone="grey">{t('point.suspended')}</ToneTag>}
          </Space>
          {lastReturnIsOpen && returned?.comment && (
            <Alert
              type="error"
              showIcon
              title={`${t('actions.returnComment')}：${returned.comment}`}
            />
          )}
          {point.pendingExtension && (
            <Alert
              type="warning"
              showIcon
              title={t('point.pendingExtension')}
              description={t('point.extensionTo', {
                date: point.pendingExtension.deadline,
                reason: point.pendingExtension.reason,
              })}
            />
          )}
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 4 }}
            items={[
              {
                key: 'lead',
                label: t('point.lead'),
                children: names.department(point.leadDepartmentId),
              },
              {
                key: 'co',
                label: t('point.co'),
                children: point.coDepartmentIds.map((id) => names.department(id)).join('、') || '—',
              },
              { key: 'deadline', label: t('point.deadline'), children: point.deadline ?? '—' },
              {
                key: 'supervisor',
                label: t('point.supervisor'),
                children:
                  names.user(point.supervisorId) !== '—'
                    ? names.user(point.supervisorId)
                    : (point.timeline.find((e) => e.actor?.id === point.supervisorId)?.actor
                        ?.name ?? '—'),
              },
            ]}
          />
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {point.text}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('point.policy')}：
            {t('point.policyText', {
              cadence: t(`point.cadence.${point.policy.reportCadence}`),
              day: point.policy.reportDay,
              ack: point.policy.acknowledgeWithinWorkdays,
              before: point.policy.deadlineReminderWorkdaysBefore.join('、'),
            })}
          </Typography.Text>
        </Space>
      </Card>
      {actions}
      {point.targets.length > 0 && (
        <Card title={t('point.targets')} size="small">
          <Table
            rowKey="index"
            size="small"
            pagination={false}
            dataSource={point.targets}
            columns={[
              { title: t('point.target'), dataIndex: 'text' },
              {
                title: t('point.actual'),
                key: 'actual',
                render: (_, row) =>
                  row.actual
                    ? `${row.actual.value}${row.unit}（${dayjs(row.actual.recordedAt).format('YYYY-MM-DD')}）`
                    : '—',
              },
              {
                title: t('point.met'),
                key: 'met',
                render: (_, row) =>
                  row.actual === null ? (
                    '—'
                  ) : targetMet(row, row.actual.value) ? (
                    <ToneTag tone="green">{t('point.metYes')}</ToneTag>
                  ) : (
                    <ToneTag tone="orange">{t('point.metNo')}</ToneTag>
                  ),
              },
            ]}
          />
        </Card>
      )}
      {narrow ? (
        // On a phone the tab strip collapses into a menu axe finds unlabelled: show the
        // sections one after another instead.
        sections.map((s) => (
          <Card key={s.key} size="small" title={s.label}>
            {s.children}
          </Card>
        ))
      ) : (
        <Card size="small">
          <Tabs items={sections} />
        </Card>
      )}
    </Space>
  );
}
