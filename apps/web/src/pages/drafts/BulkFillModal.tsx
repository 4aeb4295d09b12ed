import { Alert, App, DatePicker, Form, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/hooks';
import type { Department, Person, Plan } from './draft';

interface Values {
  leadDepartmentId?: string;
  supervisorId?: string;
  deadline?: Dayjs | null;
}

interface Props {
  plan: Plan;
  departments: Department[];
  supervisors: Person[];
  today: string;
  onClose: () => void;
}

/** Fills in, for every point that lacks it, a lead department, a supervisor or a deadline. */
export function BulkFillModal({ plan, departments, supervisors, today, onClose }: Props) {
  const { t } = useTranslation('coordinator');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) ?? {};

  const changesOf = (v: Values) =>
    plan.points
      .map((p) => {
        const body: { leadDepartmentId?: string; supervisorId?: string; deadline?: string } = {};
        if (!p.leadDepartmentId && v.leadDepartmentId) body.leadDepartmentId = v.leadDepartmentId;
        if (!p.supervisorId && v.supervisorId) body.supervisorId = v.supervisorId;
        if ((!p.deadline || p.deadline < today) && v.deadline)
          body.deadline = v.deadline.format('YYYY-MM-DD');
        return { point: p, body };
      })
      .filter((c) => Object.keys(c.body).length > 0);
  const affected = changesOf(values).length;

  const fill = useAction(
    async (v: Values) => {
      const changes = changesOf(v);
      // One after another: each edit locks the plan.
      for (const { point, body } of changes) {
        // The lead may have been suggested as a co-department: it cannot be both.
        const co = point.coDepartmentIds;
        const coDepartmentIds =
          body.leadDepartmentId && co.includes(body.leadDepartmentId)
            ? co.filter((id) => id !== body.leadDepartmentId)
            : undefined;
        await api('patch /api/plans/{planId}/points/{pointId}', {
          path: { planId: plan.id, pointId: point.id },
          body: { ...body, ...(coDepartmentIds ? { coDepartmentIds } : {}) },
        });
      }
      return changes.length;
    },
    {
      onSuccess: (count) => {
        void message.success(t('draft.bulk.done', { count }));
        onClose();
      },
    },
  );

  return (
    <Modal
      open
      title={t('draft.bulk.title')}
      okText={t('draft.bulk.ok')}
      okButtonProps={{ disabled: affected === 0, loading: fill.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('draft.bulk.hint')}</Typography.Paragraph>
      <Form<Values> name="bulk" form={form} layout="vertical" onFinish={(v) => fill.mutate(v)}>
        <Form.Item label={t('draft.bulk.lead')} name="leadDepartmentId">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item label={t('draft.bulk.supervisor')} name="supervisorId">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={supervisors.map((u) => ({ value: u.id, label: u.displayName }))}
          />
        </Form.Item>
        <Form.Item label={t('draft.bulk.deadline')} name="deadline">
          <DatePicker
            format="YYYY-MM-DD"
            style={{ width: '100%' }}
            disabledDate={(d) => d.format('YYYY-MM-DD') < today}
          />
        </Form.Item>
      </Form>
      <Alert
        type={affected > 0 ? 'info' : 'warning'}
        showIcon
        title={
          affected > 0 ? t('draft.bulk.affected', { count: affected }) : t('draft.bulk.nothing')
        }
      />
    </Modal>
  );
}
