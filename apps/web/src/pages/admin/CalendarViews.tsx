import { Space, Table, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarYear } from './CalendarPage';
import { type Day, type DayKind, monthDays, weekdayOf, weeks } from './calendarDays';
import type { OverrideDraft } from './OverridesCard';
import { EmptyText, ToneTag } from '../../components/PointTags';

const CELL: Record<DayKind, CSSProperties> = {
  holiday: { background: '#fff1f0', color: '#a8071a', fontWeight: 600 },
  workday: { background: '#e6f4ff', color: '#003eb3', fontWeight: 600 },
  weekend: { background: '#fafafa', color: '#595959' },
  normal: { color: '#262626' },
};

function useSets(data: CalendarYear) {
  return useMemo(
    () => ({
      holidays: new Set(data.holidays),
      workdays: new Set(data.workdays),
      overridden: new Set(data.overrides.flatMap((o) => (o.date ? [o.date] : []))),
    }),
    [data],
  );
}

/** The year as twelve month tables; a click on a day fills in the override form. */
export function MonthGrid({
  data,
  onPick,
}: {
  data: CalendarYear;
  onPick: (draft: OverrideDraft) => void;
}) {
  const { t } = useTranslation('admin');
  const { holidays, workdays, overridden } = useSets(data);
  const today = new Date().toLocaleDateString('sv-SE');
  const weekdays = t('calendar.weekdays').split(',');
  return (
    <>
      <Legend />
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
          gap: 16,
        }}
      >
        {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => {
          const days = monthDays(data.year, month, holidays, workdays);
          return (
            <table
              key={month}
              className="wp-month"
              style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}
            >
              <caption
                style={{ textAlign: 'left', fontWeight: 600, padding: '4px 0', color: '#262626' }}
              >
                {t('calendar.monthTitle', { year: data.year, month })}
              </caption>
              <thead>
                <tr>
                  {weekdays.map((w, i) => (
                    <th
                      key={w}
                      scope="col"
                      style={{
                        fontWeight: 400,
                        fontSize: 12,
                        color: i >= 5 ? '#a8071a' : '#595959',
                        padding: 2,
                      }}
                    >
                      {w}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {weeks(days).map((week, w) => (
                  <tr key={w}>
                    {week.map((d, i) =>
                      d ? (
                        <DayCell
                          key={d.date}
                          day={d}
                          today={d.date === today}
                          overridden={overridden.has(d.date)}
                          onPick={onPick}
                        />
                      ) : (
                        <td key={`e${i}`} />
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
      </div>
    </>
  );
}

function DayCell({
  day,
  today,
  overridden,
  onPick,
}: {
  day: Day;
  today: boolean;
  overridden: boolean;
  onPick: (draft: OverrideDraft) => void;
}) {
  const { t } = useTranslation('admin');
  const mark =
    day.kind === 'holiday'
      ? t('calendar.rest')
      : day.kind === 'workday'
        ? t('calendar.work')
        : null;
  const title = [
    day.date,
    day.kind === 'holiday' || day.kind === 'workday' ? t(`calendar.kind.${day.kind}`) : null,
    overridden ? t('calendar.overridden') : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <td
      title={title}
      onClick={() => onPick({ date: day.date, kind: day.weekday >= 5 ? 'workday' : 'holiday' })}
      style={{
        ...CELL[day.kind],
        textAlign: 'center',
        fontSize: 13,
        padding: '3px 0',
        cursor: 'pointer',
        position: 'relative',
        outline: today ? '2px solid #b71c1c' : undefined,
        outlineOffset: -2,
        textDecoration: overridden ? 'underline' : undefined,
      }}
    >
      {day.day}
      {mark && <sup style={{ fontSize: 10, marginInlineStart: 1 }}>{mark}</sup>}
    </td>
  );
}

function Legend() {
  const { t } = useTranslation('admin');
  const item = (kind: DayKind, text: string) => (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <span
        aria-hidden
        style={{
          display: 'inline-block',
          width: 14,
          height: 14,
          border: '1px solid #d9d9d9',
          ...CELL[kind],
        }}
      />
      {text}
    </span>
  );
  return (
    <Space wrap size={16} style={{ marginBottom: 12 }}>
      {item('holiday', t('calendar.legend.holiday'))}
      {item('workday', t('calendar.legend.workday'))}
      {item('weekend', t('calendar.legend.weekend'))}
      <span style={{ textDecoration: 'underline' }}>{t('calendar.legend.overridden')}</span>
      <Typography.Text type="secondary">{t('calendar.legend.click')}</Typography.Text>
    </Space>
  );
}

interface ListRow {
  date: string;
  kind: 'holiday' | 'workday';
  note: string | null;
  overridden: boolean;
}

/** The year's holidays and make-up working days as one dated list. */
export function DayList({ data }: { data: CalendarYear }) {
  const { t } = useTranslation('admin');
  const rows = useMemo<ListRow[]>(() => {
    const notes = new Map(
      data.overrides.flatMap((o) => (o.date ? [[o.date, o.note] as const] : [])),
    );
    return [
      ...data.holidays.map((date) => ({ date, kind: 'holiday' as const })),
      ...data.workdays.map((date) => ({ date, kind: 'workday' as const })),
    ]
      .map((r) => ({ ...r, note: notes.get(r.date) ?? null, overridden: notes.has(r.date) }))
      .sort((a, b) => a.date.localeCompare(b.date));
  }, [data]);
  return (
    <Table<ListRow>
      rowKey="date"
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 15, hideOnSinglePage: true }}
      locale={{ emptyText: <EmptyText>{t('calendar.noDays')}</EmptyText> }}
      columns={[
        { title: t('calendar.date'), dataIndex: 'date', width: 130 },
        {
          title: t('calendar.weekday'),
          dataIndex: 'date',
          key: 'weekday',
          width: 90,
          render: (date: string) => t('calendar.weekdayNames').split(',')[weekdayOf(date)],
        },
        {
          title: t('calendar.arrangement'),
          dataIndex: 'kind',
          width: 130,
          render: (kind: ListRow['kind']) => (
            <ToneTag tone={kind === 'holiday' ? 'red' : 'blue'}>
              {t(`calendar.kind.${kind}`)}
            </ToneTag>
          ),
        },
        {
          title: t('calendar.origin'),
          dataIndex: 'overridden',
          render: (overridden: boolean, row) =>
            overridden
              ? `${t('calendar.overridden')}${row.note ? `：${row.note}` : ''}`
              : t('calendar.fromPackage'),
        },
      ]}
    />
  );
}
