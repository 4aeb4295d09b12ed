import { DeleteOutlined, MergeCellsOutlined, ScissorOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/hooks';
import type { components } from '../../api/openapi';
import {
  type Department,
  type DraftPoint,
  type FlatNode,
  type Person,
  type Plan,
  type Problem,
  type TargetValue,
  toTargets,
} from './draft';
import { Pane } from './Pane';
import { ToneTag } from '../../components/PointTags';
import { SplitModal } from './SplitModal';
import { Suggestions } from './Suggestions';
import { TargetsField } from './TargetsField';

export interface PointValues {
  title: string;
  text: string;
  leadDepartmentId?: string;
  coDepartmentIds: string[];
  supervisorId?: string;
  deadline?: Dayjs | null;
  deadlineText?: string;
  nodeId: string;
  number: number;
  targets: TargetValue[];
}

interface Props {
  plan: Plan;
  point: DraftPoint;
  nodes: FlatNode[];
  departments: Department[];
  supervisors: Person[];
  problems: Problem[];
  editable: boolean;
  today: string;
  onSelect: (pointId: string | null) => void;
}

type EditPoint = components['schemas']['EditPointDto'];

const patchPoint = (planId: string, pointId: string, body: EditPoint) =>
  api('patch /api/plans/{planId}/points/{pointId}', { path: { planId, pointId }, body });

const initialOf = (p: DraftPoint): PointValues => ({
  title: p.title,
  text: p.text,
  leadDepartmentId: p.leadDepartmentId ?? undefined,
  coDepartmentIds: p.coDepartmentIds,
  supervisorId: p.supervisorId ?? undefined,
  deadline: p.deadline ? dayjs(p.deadline) : null,
  deadlineText: p.deadlineText ?? '',
  nodeId: p.nodeId ?? '',
  number: p.number,
  targets: toTargets(p.targets),
});

/** Only what changed, in the PATCH's terms (a lead, supervisor or deadline cannot be cleared). */
function diff(p: DraftPoint, v: PointValues): EditPoint {
  const was = initialOf(p);
  const body: EditPoint = {};
  if (v.title.trim() !== was.title) body.title = v.title.trim();
  if (v.text !== was.text) body.text = v.text;
  if (v.leadDepartmentId && v.leadDepartmentId !== was.leadDepartmentId)
    body.leadDepartmentId = v.leadDepartmentId;
  const co = [...v.coDepartmentIds].filter((id) => id !== v.leadDepartmentId).sort();
  if (JSON.stringify(co) !== JSON.stringify([...was.coDepartmentIds].sort()))
    body.coDepartmentIds = co;
  if (v.supervisorId && v.supervisorId !== was.supervisorId) body.supervisorId = v.supervisorId;
  const deadline = v.deadline ? v.deadline.format('YYYY-MM-DD') : null;
  if (deadline && deadline !== p.deadline) body.deadline = deadline;
  const deadlineText = v.deadlineText?.trim() ? v.deadlineText.trim() : null;
  if (deadlineText !== p.deadlineText) body.deadlineText = deadlineText;
  if (v.nodeId !== was.nodeId) body.nodeId = v.nodeId || null;
  if (v.number !== was.number) body.number = v.number;
  const targets = (v.targets ?? []).map((t) => ({
    text: t.text,
    value: t.value,
    ...(t.comparator === 'range' && typeof t.valueMax === 'number' ? { valueMax: t.valueMax } : {}),
    unit: t.unit ?? '',
    comparator: t.comparator,
  }));
  if (JSON.stringify(targets) !== JSON.stringify(was.targets)) body.targets = targets;
  return body;
}

/** The middle pane for a selected point: its suggestions, its fields, and merge/split/delete. */
export function PointEditor(props: Props) {
  const { plan, point, nodes, departments, supervisors, problems, editable, today, onSelect } =
    props;
  const { t } = useTranslation('coordinator');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PointValues>();
  const [splitting, setSplitting] = useState(false);
  const lead = Form.useWatch('leadDepartmentId', form);
  const next = plan.points.find((p) => p.number === point.number + 1);
  const initial = useMemo(() => initialOf(point), [point]);
  // When the point changes on the server (saved, suggestions taken, renumbered), show it as it is now.
  const version = JSON.stringify([point.id, initial, point.deadline]);
  useEffect(() => form.resetFields(), [form, version]);

  const save = useAction((body: EditPoint) => patchPoint(plan.id, point.id, body), {
    done: t('draft.point.saved'),
  });
  const merge = useAction(
    (otherId: string) =>
      api('post /api/plans/{planId}/points/{pointId}/merge', {
        path: { planId: plan.id, pointId: point.id },
        body: { pointId: otherId },
      }),
    { done: t('draft.point.merged') },
  );
  const remove = useAction(
    () =>
      api('delete /api/plans/{planId}/points/{pointId}', {
        path: { planId: plan.id, pointId: point.id },
      }),
    {
      done: t('draft.point.removed'),
      onSuccess: () => {
        const neighbour =
          plan.points.find((p) => p.number === point.number + 1) ??
          plan.points.find((p) => p.number === point.number - 1);
        onSelect(neighbour?.id ?? null);
      },
    },
  );

  const submit = (values: PointValues) => {
    const body = diff(point, values);
    if (Object.keys(body).length === 0) {
      void message.info(t('draft.point.unchanged'));
      return;
    }
    save.mutate(body);
  };

  const acceptSuggestions = useAction((body: EditPoint) => patchPoint(plan.id, point.id, body), {
    done: t('draft.suggestion.accepted'),
  });
  /** Copies the parser's suggested departments into the form and saves them with the form's other changes. */
  const accept = () => {
    const s = point.suggestions;
    if (!s) return;
    const current = form.getFieldsValue(true) as PointValues;
    const leadId = s.lead?.departmentId ?? current.leadDepartmentId;
    const values: PointValues = {
      ...current,
      ...(s.lead ? { leadDepartmentId: s.lead.departmentId } : {}),
      ...(s.co.length > 0
        ? { coDepartmentIds: s.co.map((c) => c.departmentId).filter((id) => id !== leadId) }
        : {}),
    };
    form.setFieldsValue(values);
    const body = diff(point, values);
    if (Object.keys(body).length === 0) void message.info(t('draft.point.unchanged'));
    else acceptSuggestions.mutate(body);
  };

  const departmentOptions = departments.map((d) => ({ value: d.id, label: d.name }));
  const yearEnd = `${Math.max(plan.year, Number(today.slice(0, 4)))}-12-31`;

  return (
    <Pane
      label={t('draft.panes.editor')}
      title={t('draft.point.heading', { number: point.number })}
      extra={
        editable && (
          <Space size={4}>
            <Popconfirm
              title={t('draft.point.mergeConfirm', { next: point.number + 1 })}
              onConfirm={() => next && merge.mutate(next.id)}
              disabled={!next}
            >
              <Button
                size="small"
                icon={<MergeCellsOutlined />}
                disabled={!next}
                loading={merge.isPending}
              >
                {t('draft.point.mergeNext')}
              </Button>
            </Popconfirm>
            <Button size="small" icon={<ScissorOutlined />} onClick={() => setSplitting(true)}>
              {t('draft.point.split')}
            </Button>
            <Popconfirm
              title={t('draft.point.removeConfirm', { number: point.number })}
              onConfirm={() => remove.mutate()}
            >
              <Button size="small" danger icon={<DeleteOutlined />} loading={remove.isPending}>
                {t('draft.point.remove')}
              </Button>
            </Popconfirm>
          </Space>
        )
      }
      footer={
        editable && (
          <Space>
            <Button type="primary" onClick={() => form.submit()} loading={save.isPending}>
              {tc('action.save')}
            </Button>
            <Button onClick={() => form.resetFields()}>{tc('action.cancel')}</Button>
          </Space>
        )
      }
    >
      {problems.length > 0 && (
        <div style={{ marginBottom: 8 }}>
          {problems.map((p) => (
            <ToneTag key={p} tone="red">
              {t(`draft.problem.${p}`)}
            </ToneTag>
          ))}
        </div>
      )}
      <Suggestions
        point={point}
        plan={plan}
        editable={editable}
        onAccept={accept}
        busy={acceptSuggestions.isPending}
      />
      <Form<PointValues>
        name="point"
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={initial}
        onFinish={submit}
        onValuesChange={(changed: Partial<PointValues>, all) => {
          if (changed.leadDepartmentId && all.coDepartmentIds?.includes(changed.leadDepartmentId))
            form.setFieldValue(
              'coDepartmentIds',
              all.coDepartmentIds.filter((id) => id !== changed.leadDepartmentId),
            );
        }}
        requiredMark={false}
        size="middle"
      >
        <Form.Item
          label={t('draft.point.title')}
          name="title"
          rules={[{ required: true, whitespace: true, message: t('draft.point.titleRequired') }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          label={t('draft.point.text')}
          name="text"
          rules={[{ required: true, whitespace: true, message: t('draft.point.textRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20000} />
        </Form.Item>
        {point.subItems.length > 0 && (
          <div style={{ marginBottom: 16 }}>
            <Typography.Text strong>{t('draft.point.subItems')}</Typography.Text>
            <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {point.subItems.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ol>
          </div>
        )}
        <Form.Item label={t('draft.point.lead')} name="leadDepartmentId">
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            allowClear={false}
            options={departmentOptions}
          />
        </Form.Item>
        <Form.Item label={t('draft.point.co')} name="coDepartmentIds">
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={departmentOptions.filter((o) => o.value !== lead)}
          />
        </Form.Item>
        <Form.Item label={t('draft.point.supervisor')} name="supervisorId">
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={supervisors.map((u) => ({ value: u.id, label: u.displayName }))}
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item
            label={t('draft.point.deadline')}
            htmlFor="point_deadline"
            style={{ flex: '1 1 200px' }}
          >
            <div style={{ display: 'flex', gap: 4 }}>
              <Form.Item name="deadline" noStyle>
                <DatePicker
                  style={{ flex: 1 }}
                  format="YYYY-MM-DD"
                  disabledDate={(d) => d.format('YYYY-MM-DD') < today}
                />
              </Form.Item>
              <Button onClick={() => form.setFieldValue('deadline', dayjs(yearEnd))}>
                {t('draft.point.yearEnd')}
              </Button>
            </div>
          </Form.Item>
          <Form.Item
            label={t('draft.point.deadlineText')}
            name="deadlineText"
            style={{ flex: '1 1 140px' }}
          >
            <Input maxLength={100} placeholder={t('draft.point.deadlineTextPlaceholder')} />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item
            label={t('draft.point.node')}
            name="nodeId"
            style={{ flex: '2 1 200px', minWidth: 0 }}
          >
            <Select
              options={[
                { value: '', label: t('draft.point.noNode') },
                ...nodes.map((n) => ({
                  value: n.id,
                  label: `${'　'.repeat(n.depth)}${n.heading}`,
                })),
              ]}
            />
          </Form.Item>
          <Form.Item
            label={t('draft.point.number')}
            name="number"
            tooltip={t('draft.point.numberHelp')}
            style={{ flex: '0 0 100px' }}
          >
            <InputNumber min={1} max={plan.points.length} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <TargetsField />
        {point.mentionedUnits.length > 0 && (
          <div>
            <Typography.Text>
              {t('draft.point.mentioned')}
              {t('draft.suggestion.colon')}
            </Typography.Text>
            {point.mentionedUnits.map((u) => (
              <Tag key={u}>{u}</Tag>
            ))}
          </div>
        )}
      </Form>
      {splitting && (
        <SplitModal
          plan={plan}
          point={point}
          onClose={(createdId) => {
            setSplitting(false);
            if (createdId) onSelect(point.id);
          }}
        />
      )}
    </Pane>
  );
}
