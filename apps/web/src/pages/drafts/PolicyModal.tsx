import {
  Button,
  DatePicker,
  Form,
  InputNumber,
  Modal,
  Radio,
  Select,
  TimePicker,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/hooks';
import type { Plan, Policy } from './draft';

interface Values extends Omit<Policy, 'reminderTime' | 'reportOnceDate'> {
  reminderTime: Dayjs;
  reportOnceDate: Dayjs | null;
}

const toValues = (p: Policy): Values => ({
  ...p,
  reminderTime: dayjs(`2000-01-01T${p.reminderTime}`),
  reportOnceDate: p.reportOnceDate ? dayjs(p.reportOnceDate) : null,
});

const toPolicy = (v: Values): Policy => ({
  ...v,
  reminderTime: v.reminderTime.format('HH:mm'),
  reportOnceDate:
    v.reportCadence === 'once' && v.reportOnceDate ? v.reportOnceDate.format('YYYY-MM-DD') : null,
  deadlineReminderWorkdaysBefore: [...new Set(v.deadlineReminderWorkdaysBefore.map(Number))]
    .filter((n) => Number.isInteger(n))
    .sort((a, b) => b - a),
});

/** The plan's supervision rules: only the fields that differ from what is in force are sent. */
export function PolicyModal({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t } = useTranslation('coordinator');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const cadence = Form.useWatch('reportCadence', form);
  const save = useAction(
    (policy: Partial<Policy> | null) =>
      api('patch /api/plans/{planId}', { path: { planId: plan.id }, body: { policy } }),
    { done: t('draft.policy.saved'), onSuccess: onClose },
  );

  const submit = (v: Values) => {
    const next = toPolicy(v);
    const changed = Object.fromEntries(
      Object.entries(next).filter(
        ([k, value]) => JSON.stringify(value) !== JSON.stringify(plan.policy[k as keyof Policy]),
      ),
    ) as Partial<Policy>;
    if (Object.keys(changed).length === 0) onClose();
    else save.mutate(changed);
  };

  const workdays = (name: keyof Policy, min: number, max: number) => (
    <Form.Item
      label={t(`draft.policy.${name}`)}
      name={name}
      rules={[{ required: true, type: 'integer', min, max }]}
    >
      <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={t('draft.policy.title')}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      footer={[
        <Button key="reset" onClick={() => save.mutate(null)} disabled={plan.ownPolicy === null}>
          {t('draft.policy.reset')}
        </Button>,
        <Button key="cancel" onClick={onClose}>
          {tc('action.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={save.isPending} onClick={() => form.submit()}>
          {tc('action.save')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('draft.policy.hint')}</Typography.Paragraph>
      <Form<Values>
        name="policy"
        form={form}
        layout="vertical"
        initialValues={toValues(plan.policy)}
        onFinish={submit}
        requiredMark={false}
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}
      >
        <Form.Item label={t('draft.policy.reportCadence')} name="reportCadence">
          <Select
            options={(['monthly', 'quarterly', 'once', 'none'] as const).map((c) => ({
              value: c,
              label: t(`draft.policy.cadence.${c}`),
            }))}
          />
        </Form.Item>
        {cadence === 'once' ? (
          <Form.Item
            label={t('draft.policy.reportOnceDate')}
            name="reportOnceDate"
            rules={[{ required: true }]}
          >
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
          </Form.Item>
        ) : (
          workdays('reportDay', 1, 31)
        )}
        {workdays('reportReminderWorkdaysBefore', 0, 20)}
        {workdays('acknowledgeWithinWorkdays', 1, 30)}
        <Form.Item
          label={t('draft.policy.reminderTime')}
          name="reminderTime"
          rules={[{ required: true }]}
        >
          <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label={t('draft.policy.deadlineReminderWorkdaysBefore')}
          name="deadlineReminderWorkdaysBefore"
          rules={[
            {
              validator: (_, v: unknown[]) =>
                Array.isArray(v) &&
                v.length <= 10 &&
                v.every((n) => Number.isInteger(Number(n)) && Number(n) >= 1 && Number(n) <= 60)
                  ? Promise.resolve()
                  : Promise.reject(new Error('1–60')),
            },
          ]}
        >
          <Select
            mode="tags"
            tokenSeparators={[',', '，', ' ']}
            options={[10, 5, 3, 2, 1].map((n) => ({ value: n, label: String(n) }))}
          />
        </Form.Item>
        {workdays('yellowWithinWorkdays', 0, 60)}
        {workdays('escalateToSupervisorAfterWorkdays', 1, 60)}
        {workdays('escalateToCoordinatorEveryWorkdays', 1, 60)}
        <Form.Item
          label={t('draft.policy.nonWorkdayRule')}
          name="nonWorkdayRule"
          style={{ gridColumn: '1 / -1' }}
        >
          <Radio.Group
            options={(['previous', 'next'] as const).map((r) => ({
              value: r,
              label: t(`draft.policy.nonWorkday.${r}`),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
