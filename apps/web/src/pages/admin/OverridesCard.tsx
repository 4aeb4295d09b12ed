import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Popconfirm, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/hooks';
import type { CalendarYear } from './CalendarPage';
import { EmptyText, ToneTag, type Tone } from '../../components/PointTags';

type Kind = 'holiday' | 'workday' | 'weekends-only';
type Override = CalendarYear['overrides'][number];

/** What a click on a day of the month grid suggests. */
export interface OverrideDraft {
  date: string;
  kind: 'holiday' | 'workday';
}

interface FormValues {
  kind: Kind;
  date?: Dayjs;
  note?: string;
}

const KIND_COLOURS: Record<Kind, Tone> = {
  holiday: 'red',
  workday: 'blue',
  'weekends-only': 'grey',
};

/** The office's corrections to the year's calendar: the list, removal, and a form to add one. */
export function OverridesCard({
  data,
  draft,
}: {
  data: CalendarYear;
  draft: OverrideDraft | null;
}) {
  const { t } = useTranslation('admin');
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (draft) form.setFieldsValue({ kind: draft.kind, date: dayjs(draft.date) });
  }, [draft, form]);

  const add = useAction(
    (v: FormValues) =>
      api('post /api/calendar/overrides', {
        body:
          v.kind === 'weekends-only'
            ? { kind: v.kind, year: data.year, note: v.note?.trim() || undefined }
            : {
                kind: v.kind,
                date: v.date?.format('YYYY-MM-DD'),
                note: v.note?.trim() || undefined,
              },
      }),
    { done: t('calendar.added'), onSuccess: () => form.resetFields(['date', 'note']) },
  );
  const remove = useAction(
    (id: string) =>
      api('delete /api/calendar/overrides/{overrideId}', { path: { overrideId: id } }),
    { done: t('calendar.removed') },
  );

  return (
    <Card size="small" title={t('calendar.overrides')}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'holiday' }}
        onFinish={(v) => add.mutate(v)}
        requiredMark={false}
      >
        <Form.Item label={t('calendar.overrideKind')} name="kind" rules={[{ required: true }]}>
          <Select<Kind>
            options={(['holiday', 'workday', 'weekends-only'] as const).map((k) => ({
              value: k,
              label: t(`calendar.kind.${k}`),
            }))}
          />
        </Form.Item>
        {kind !== 'weekends-only' && (
          <Form.Item
            label={t('calendar.date')}
            name="date"
            rules={[{ required: true, message: t('calendar.dateRequired') }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              defaultPickerValue={dayjs(`${data.year}-01-01`)}
              disabledDate={(d) => d.year() !== data.year}
            />
          </Form.Item>
        )}
        <Form.Item label={t('calendar.note')} name="note" rules={[{ max: 100 }]}>
          <Input placeholder={t('calendar.notePlaceholder')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
          {t('calendar.add')}
        </Button>
      </Form>
      <Table<Override>
        style={{ marginTop: 16 }}
        rowKey="id"
        size="small"
        dataSource={data.overrides}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyText>{t('calendar.noOverrides')}</EmptyText> }}
        title={() => t('calendar.overridesOf', { year: data.year })}
        columns={[
          {
            title: t('calendar.date'),
            dataIndex: 'date',
            render: (date: string | null) => date ?? t('calendar.wholeYear'),
          },
          {
            title: t('calendar.overrideKind'),
            dataIndex: 'kind',
            render: (k: Kind) => (
              <ToneTag tone={KIND_COLOURS[k]}>{t(`calendar.kind.${k}`)}</ToneTag>
            ),
          },
          { title: t('calendar.note'), dataIndex: 'note', render: (n: string | null) => n ?? '—' },
          {
            title: t('calendar.actions'),
            key: 'actions',
            width: 70,
            render: (_, o) => (
              <Popconfirm
                title={t('calendar.removeConfirm', { what: o.date ?? t('calendar.wholeYear') })}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove.mutate(o.id)}
              >
                <Button
                  type="text"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t('calendar.removeLabel', {
                    what: o.date ?? t('calendar.wholeYear'),
                  })}
                />
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
