import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNames } from '../api/reference';
import type { ApiResponses } from '../api/responses';
import { RiskLight, StatusTag } from './PointTags';

export type PointRow = ApiResponses['get /api/points']['items'][number];

interface Props<T extends PointRow> {
  points: T[];
  caption: string;
  /** More columns after the standard ones (a report's due day, say). */
  extra?: TableProps<T>['columns'];
  pagination?: TableProps<T>['pagination'];
  loading?: boolean;
}

/** Points as a table: number, title (a link to the point), departments, deadline, status, light. */
export function PointTable<T extends PointRow>({
  points,
  caption,
  extra = [],
  pagination = false,
  loading,
}: Props<T>) {
  const { t } = useTranslation('work');
  const names = useNames();
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={points}
      pagination={pagination}
      scroll={{ x: 760 }}
      title={() => <span style={{ fontWeight: 600 }}>{caption}</span>}
      columns={[
        {
          title: t('point.number'),
          dataIndex: 'number',
          width: 72,
          render: (n: number) => `第${n}项`,
        },
        {
          title: t('point.title'),
          dataIndex: 'title',
          render: (title: string, p) => <Link to={`/points/${p.id}`}>{title}</Link>,
        },
        {
          title: t('point.lead'),
          dataIndex: 'leadDepartmentId',
          width: 140,
          render: (id: string | null) => names.department(id),
        },
        {
          title: t('point.deadline'),
          dataIndex: 'deadline',
          width: 112,
          render: (d: string | null) => d ?? '—',
        },
        {
          title: t('point.status'),
          dataIndex: 'status',
          width: 100,
          render: (_: string, p) => <StatusTag status={p.status} />,
        },
        {
          title: t('point.risk'),
          dataIndex: 'risk',
          width: 96,
          render: (_: string, p) => <RiskLight risk={p.risk} />,
        },
        ...extra,
      ]}
    />
  );
}
