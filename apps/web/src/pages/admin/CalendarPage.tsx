import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useAction, useApi } from '../../api/hooks';
import type { ApiResponses } from '../../api/responses';
import { QueryState } from '../../components/QueryState';
import { workingDays } from './calendarDays';
import { DayList, MonthGrid } from './CalendarViews';
import { type OverrideDraft, OverridesCard } from './OverridesCard';

export type CalendarYear = ApiResponses['get /api/calendar/{year}'];

const THIS_YEAR = new Date().getFullYear();

/** 节假日: a year's working calendar (holidays, make-up working days) and the office's overrides. */
export function CalendarPage() {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const parsed = Number(params.get('year'));
  const year = Number.isInteger(parsed) && parsed >= 2000 && parsed <= 2100 ? parsed : THIS_YEAR;
  const [view, setView] = useState<'grid' | 'list'>('grid');
  const [draft, setDraft] = useState<OverrideDraft | null>(null);
  const calendar = useApi('get /api/calendar/{year}', { path: { year } });
  const setYear = (y: number) => {
    setDraft(null);
    setParams({ year: String(y) });
  };
  const years = Array.from({ length: 8 }, (_, i) => THIS_YEAR - 3 + i);
  if (!years.includes(year)) years.push(year);
  years.sort((a, b) => a - b);

  return (
    <>
      <Typography.Title level={2}>{t('calendar.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button icon={<LeftOutlined />} onClick={() => setYear(year - 1)} disabled={year <= 2000}>
          {t('calendar.previousYear')}
        </Button>
        <Select<number>
          aria-label={t('calendar.year')}
          value={year}
          style={{ width: 120 }}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: t('calendar.yearLabel', { year: y }) }))}
        />
        <Button onClick={() => setYear(year + 1)} disabled={year >= 2100}>
          {t('calendar.nextYear')} <RightOutlined />
        </Button>
        <Segmented<'grid' | 'list'>
          aria-label={t('calendar.view')}
          value={view}
          onChange={setView}
          options={[
            { value: 'grid', label: t('calendar.grid') },
            { value: 'list', label: t('calendar.list') },
          ]}
        />
      </Space>
      <QueryState query={calendar}>
        {(data) => (
          <>
            <YearSummary data={data} />
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={16}>
                <Card size="small" title={t('calendar.yearTitle', { year: data.year })}>
                  {view === 'grid' ? (
                    <MonthGrid data={data} onPick={setDraft} />
                  ) : (
                    <DayList data={data} />
                  )}
                </Card>
              </Col>
              <Col xs={24} xl={8}>
                <OverridesCard data={data} draft={draft} />
              </Col>
            </Row>
          </>
        )}
      </QueryState>
    </>
  );
}

function YearSummary({ data }: { data: CalendarYear }) {
  const { t } = useTranslation('admin');
  const holidays = useMemo(() => new Set(data.holidays), [data.holidays]);
  const workdays = useMemo(() => new Set(data.workdays), [data.workdays]);
  const confirm = useAction(
    () => api('post /api/calendar/overrides', { body: { kind: 'weekends-only', year: data.year } }),
    { done: t('calendar.confirmed') },
  );
  return (
    <>
      {data.known ? (
        <Alert
          type={data.source === 'package' ? 'info' : 'success'}
          showIcon
          title={t(`calendar.source.${data.source === 'unknown' ? 'overrides' : data.source}`, {
            year: data.year,
          })}
          style={{ marginBottom: 16 }}
        />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={t('calendar.source.unknown', { year: data.year })}
          description={t('calendar.unknownHelp')}
          action={
            <Button onClick={() => confirm.mutate(undefined)} loading={confirm.isPending}>
              {t('calendar.confirmWeekends')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card size="small">
            <Statistic
              title={t('calendar.holidayCount')}
              value={data.holidays.length}
              suffix={t('calendar.days')}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic
              title={t('calendar.workdayCount')}
              value={data.workdays.length}
              suffix={t('calendar.days')}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic
              title={t('calendar.workingDays')}
              value={workingDays(data.year, holidays, workdays)}
              suffix={t('calendar.days')}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic
              title={t('calendar.overrideCount')}
              value={data.overrides.length}
              suffix={t('calendar.items')}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
