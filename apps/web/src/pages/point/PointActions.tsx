import {
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import type { PointAction, PointStatus } from '@workpoints/contracts';
import { deadlinePassed, decide, isOpenStatus } from '@workpoints/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { newRequestId, useAction } from '../../api/hooks';
import { useNames } from '../../api/reference';
import { useSession } from '../../auth/session';
import { ActionModal } from './ActionModal';
import { AttachmentField, uploadedIds } from './AttachmentField';
import type { Point } from './PointView';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

interface ReportForm {
  text: string;
  percent?: number;
  actuals?: Record<string, number | null>;
  files?: Parameters<typeof uploadedIds>[0];
}

/** The point's actuals from the form: one per target that was filled in. */
const actualsOf = (values: ReportForm) =>
  Object.entries(values.actuals ?? {}).flatMap(([target, value]) =>
    typeof value === 'number' ? [{ target: Number(target), value }] : [],
  );

/** The actions the user may take on the point now, by role and status; the API has the last word. */
export function PointActions({ point }: { point: Point }) {
  const { t } = useTranslation('work');
  const { user, has } = useSession();
  const names = useNames();
  const id = point.id;
  const path = { pointId: id };
  // Which buttons to show is the lifecycle's own rule (the API and the workflow apply the same
  // one, and keep the last word): asked for each action with the point's parties and context.
  const parties = {
    leadDepartmentId: point.leadDepartmentId ?? '',
    coDepartmentIds: point.coDepartmentIds,
    supervisorId: point.supervisorId ?? '',
  };
  // The deadline as the workflow judges it: the working-day one, at the end of that day in Shanghai.
  const due = point.effectiveDeadline ?? point.deadline;
  const context = {
    suspended: point.suspended,
    deadlinePassed: due !== null && deadlinePassed(due, dayjs().valueOf()),
    extensionPending: point.pendingExtension !== null,
    submittedBy: point.submittedById,
  };
  const may = (action: PointAction) =>
    decide(point.status as PointStatus, action, user, parties, context).allowed;
  // Urging is a notice, not a lifecycle action: coordinators, on any open point.
  const mayUrge = has('coordinator') && isOpenStatus(point.status as PointStatus);

  const acknowledge = useAction(
    () =>
      api('post /api/points/{pointId}/acknowledge', { path, body: { requestId: newRequestId() } }),
    {
      done: t('actions.acknowledged'),
    },
  );
  const report = useAction(
    (v: ReportForm) =>
      api('post /api/points/{pointId}/reports', {
        path,
        body: {
          requestId: newRequestId(),
          text: v.text,
          ...(v.percent === undefined || v.percent === null ? {} : { percent: v.percent }),
          actuals: actualsOf(v),
          attachmentIds: uploadedIds(v.files),
        },
      }),
    { done: t('actions.reported') },
  );
  const submit = useAction(
    (v: ReportForm) =>
      api('post /api/points/{pointId}/submit', {
        path,
        body: {
          requestId: newRequestId(),
          text: v.text,
          actuals: actualsOf(v),
          attachmentIds: uploadedIds(v.files),
        },
      }),
    { done: t('actions.submitted') },
  );
  const contribute = useAction(
    (v: { text: string }) =>
      api('post /api/points/{pointId}/contributions', {
        path,
        body: { requestId: newRequestId(), text: v.text },
      }),
    { done: t('actions.contributed') },
  );
  const extension = useAction(
    (v: { deadline: Dayjs; reason: string }) =>
      api('post /api/points/{pointId}/extension-requests', {
        path,
        body: { requestId: newRequestId(), deadline: day(v.deadline), reason: v.reason },
      }),
    { done: t('actions.extensionRequested') },
  );
  const approve = useAction(
    (v: { comment?: string }) =>
      api('post /api/points/{pointId}/approve', {
        path,
        body: { requestId: newRequestId(), ...(v.comment ? { comment: v.comment } : {}) },
      }),
    { done: t('actions.approved') },
  );
  const giveBack = useAction(
    (v: { comment: string }) =>
      api('post /api/points/{pointId}/return', {
        path,
        body: { requestId: newRequestId(), comment: v.comment },
      }),
    { done: t('actions.returned') },
  );
  const decideExtension = useAction(
    (v: { approve: boolean; deadline?: Dayjs; comment?: string }) =>
      api('post /api/points/{pointId}/extension-requests/decision', {
        path,
        body: {
          requestId: newRequestId(),
          approve: v.approve,
          ...(v.deadline ? { deadline: day(v.deadline) } : {}),
          ...(v.comment ? { comment: v.comment } : {}),
        },
      }),
    { done: t('actions.decided') },
  );
  const suspend = useAction(
    (v: { reason: string }) =>
      api('post /api/points/{pointId}/suspend', {
        path,
        body: { requestId: newRequestId(), reason: v.reason },
      }),
    { done: t('actions.suspended') },
  );
  const resume = useAction(
    (v: { reason?: string }) =>
      api('post /api/points/{pointId}/resume', {
        path,
        body: { requestId: newRequestId(), ...(v.reason ? { reason: v.reason } : {}) },
      }),
    { done: t('actions.resumed') },
  );
  const cancel = useAction(
    (v: { reason: string }) =>
      api('post /api/points/{pointId}/cancel', {
        path,
        body: { requestId: newRequestId(), reason: v.reason },
      }),
    { done: t('actions.cancelled') },
  );
  const reassign = useAction(
    (v: {
      leadDepartmentId: string;
      coDepartmentIds?: string[];
      supervisorId: string;
      reason?: string;
    }) =>
      api('post /api/points/{pointId}/reassign', {
        path,
        body: {
          requestId: newRequestId(),
          leadDepartmentId: v.leadDepartmentId,
          coDepartmentIds: v.coDepartmentIds ?? [],
          supervisorId: v.supervisorId,
          ...(v.reason ? { reason: v.reason } : {}),
        },
      }),
    { done: t('actions.reassigned') },
  );
  const changeDeadline = useAction(
    (v: { deadline: Dayjs; reason: string }) =>
      api('put /api/points/{pointId}/deadline', {
        path,
        body: { requestId: newRequestId(), deadline: day(v.deadline), reason: v.reason },
      }),
    { done: t('actions.deadlineChanged') },
  );
  const urge = useAction(
    (v: { message: string; urgent?: boolean }) =>
      api('post /api/points/{pointId}/urge', {
        path,
        body: { requestId: newRequestId(), message: v.message, urgent: v.urgent ?? false },
      }),
    { done: t('actions.urged') },
  );

  const required = [{ required: true, message: t('actions.required') }];
  const reportFields = (textLabel: string, withPercent: boolean, filesLabel: string) => (
    <>
      <Form.Item
        name="text"
        label={textLabel}
        rules={[{ required: true, message: t('actions.reportTextRequired') }]}
      >
        <Input.TextArea rows={5} maxLength={20000} showCount />
      </Form.Item>
      {withPercent && (
        <Form.Item name="percent" label={t('actions.percent')}>
          <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 140 }} />
        </Form.Item>
      )}
      {point.targets.map((target) => (
        <Form.Item
          key={target.index}
          name={['actuals', String(target.index)]}
          label={t('actions.actualOf', { target: target.text })}
        >
          <InputNumber suffix={target.unit || undefined} style={{ width: 200 }} />
        </Form.Item>
      ))}
      <Form.Item name="files" label={filesLabel} valuePropName="value">
        <AttachmentField pointId={id} />
      </Form.Item>
    </>
  );

  const buttons = [
    may('acknowledge') && (
      <ActionModal
        key="ack"
        label={t('actions.acknowledge')}
        type="primary"
        onSubmit={() => acknowledge.mutateAsync(undefined)}
      >
        {() => (
          <Typography.Paragraph>
            第{point.number}项 {point.title}
          </Typography.Paragraph>
        )}
      </ActionModal>
    ),
    may('report') && (
      <ActionModal<ReportForm>
        key="report"
        label={t('actions.report')}
        type="primary"
        onSubmit={(v) => report.mutateAsync(v)}
      >
        {() => reportFields(t('actions.reportText'), true, t('point.attachments'))}
      </ActionModal>
    ),
    may('submit') && (
      <ActionModal<ReportForm>
        key="submit"
        label={t('actions.submit')}
        onSubmit={(v) => submit.mutateAsync(v)}
      >
        {() => reportFields(t('actions.submitText'), false, t('actions.evidence'))}
      </ActionModal>
    ),
    may('request-extension') && (
      <ActionModal<{ deadline: Dayjs; reason: string }>
        key="ext"
        label={t('actions.extension')}
        onSubmit={(v) => extension.mutateAsync(v)}
      >
        {() => (
          <>
            <Form.Item name="deadline" label={t('actions.extensionDate')} rules={required}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="reason" label={t('actions.extensionReason')} rules={required}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </ActionModal>
    ),
    may('contribute') && (
      <ActionModal<{ text: string }>
        key="co"
        label={t('actions.contribute')}
        onSubmit={(v) => contribute.mutateAsync(v)}
      >
        {() => (
          <Form.Item name="text" label={t('actions.contributeText')} rules={required}>
            <Input.TextArea rows={5} maxLength={20000} />
          </Form.Item>
        )}
      </ActionModal>
    ),
    may('approve') && (
      <ActionModal<{ comment?: string }>
        key="approve"
        label={t('actions.approve')}
        type="primary"
        onSubmit={(v) => approve.mutateAsync(v)}
      >
        {() => (
          <Form.Item name="comment" label={t('actions.comment')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
      </ActionModal>
    ),
    may('return') && (
      <ActionModal<{ comment: string }>
        key="return"
        label={t('actions.return')}
        danger
        onSubmit={(v) => giveBack.mutateAsync(v)}
      >
        {() => (
          <Form.Item
            name="comment"
            label={t('actions.returnComment')}
            rules={[{ required: true, message: t('actions.commentRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
      </ActionModal>
    ),
    may('decide-extension') && (
      <ActionModal<{ deadline?: Dayjs; comment?: string }>
        key="grant"
        label={t('actions.approveExtension')}
        type="primary"
        onSubmit={(v) => decideExtension.mutateAsync({ ...v, approve: true })}
      >
        {() => (
          <>
            <Form.Item
              name="deadline"
              label={t('actions.newDeadline')}
              extra={point.pendingExtension?.deadline}
            >
              <DatePicker />
            </Form.Item>
            <Form.Item name="comment" label={t('actions.comment')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </ActionModal>
    ),
    may('decide-extension') && (
      <ActionModal<{ comment: string }>
        key="refuse"
        label={t('actions.refuseExtension')}
        danger
        onSubmit={(v) => decideExtension.mutateAsync({ ...v, approve: false })}
      >
        {() => (
          <Form.Item name="comment" label={t('actions.refuseReason')} rules={required}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
      </ActionModal>
    ),
    mayUrge && (
      <ActionModal<{ message: string; urgent?: boolean }>
        key="urge"
        label={t('actions.urge')}
        onSubmit={(v) => urge.mutateAsync(v)}
      >
        {() => (
          <>
            <Form.Item name="message" label={t('actions.comment')} rules={required}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="urgent" label="督办（加急）" valuePropName="checked">
              <Switch />
            </Form.Item>
          </>
        )}
      </ActionModal>
    ),
    may('change-deadline') && (
      <ActionModal<{ deadline: Dayjs; reason: string }>
        key="deadline"
        label={t('actions.changeDeadline')}
        onSubmit={(v) => changeDeadline.mutateAsync(v)}
      >
        {() => (
          <>
            <Form.Item name="deadline" label={t('point.deadline')} rules={required}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="reason" label={t('actions.reason')} rules={required}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </ActionModal>
    ),
    may('reassign') && (
      <ActionModal<{
        leadDepartmentId: string;
        coDepartmentIds?: string[];
        supervisorId: string;
        reason?: string;
      }>
        key="reassign"
        label={t('actions.reassign')}
        initialValues={{
          leadDepartmentId: point.leadDepartmentId ?? undefined,
          coDepartmentIds: point.coDepartmentIds,
          supervisorId: point.supervisorId ?? undefined,
        }}
        onSubmit={(v) => reassign.mutateAsync(v)}
      >
        {() => {
          const departments = names.departments.map((d) => ({ value: d.id, label: d.name }));
          return (
            <>
              <Form.Item name="leadDepartmentId" label={t('point.lead')} rules={required}>
                <Select options={departments} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
              <Form.Item name="coDepartmentIds" label={t('point.co')}>
                <Select
                  mode="multiple"
                  options={departments}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
              <Form.Item name="supervisorId" label={t('point.supervisor')} rules={required}>
                <Select
                  options={names.users
                    .filter((u) => u.roles.includes('supervisor'))
                    .map((u) => ({ value: u.id, label: u.displayName }))}
                />
              </Form.Item>
              <Form.Item name="reason" label={t('actions.reason')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </>
          );
        }}
      </ActionModal>
    ),
    may('suspend') && (
      <ActionModal<{ reason: string }>
        key="suspend"
        label={t('actions.suspend')}
        onSubmit={(v) => suspend.mutateAsync(v)}
      >
        {() => (
          <Form.Item name="reason" label={t('actions.reason')} rules={required}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
      </ActionModal>
    ),
    may('resume') && (
      <ActionModal<{ reason?: string }>
        key="resume"
        label={t('actions.resume')}
        onSubmit={(v) => resume.mutateAsync(v)}
      >
        {() => (
          <Form.Item name="reason" label={t('actions.reason')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
      </ActionModal>
    ),
    may('cancel') && (
      <ActionModal<{ reason: string }>
        key="cancel"
        label={t('actions.cancel')}
        danger
        onSubmit={(v) => cancel.mutateAsync(v)}
      >
        {() => (
          <Form.Item name="reason" label={t('actions.reason')} rules={required}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
      </ActionModal>
    ),
  ].filter(Boolean);

  return (
    <Card size="small" title={t('actions.title')}>
      {buttons.length > 0 ? (
        <Space wrap>{buttons}</Space>
      ) : (
        <Typography.Text type="secondary">{t('actions.none')}</Typography.Text>
      )}
    </Card>
  );
}
