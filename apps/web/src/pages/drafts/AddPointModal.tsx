import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/hooks';
import { type FlatNode, type Plan, lastNumberUnder } from './draft';

interface Values {
  title: string;
  text?: string;
  nodeId?: string;
  number?: number | null;
}

interface Props {
  plan: Plan;
  nodes: FlatNode[];
  defaultNodeId?: string;
  onClose: (createdId?: string) => void;
}

/** A point the parser missed: its title, text, heading and place. */
export function AddPointModal({ plan, nodes, defaultNodeId, onClose }: Props) {
  const { t } = useTranslation('coordinator');
  const [form] = Form.useForm<Values>();
  // Without a number, a point added under a heading goes after that heading's last point.
  const number = (v: Values): number | undefined => {
    if (v.number) return v.number;
    const last = v.nodeId ? lastNumberUnder(plan, v.nodeId) : 0;
    return last > 0 ? last + 1 : undefined;
  };
  const add = useAction(
    (v: Values) =>
      api('post /api/plans/{planId}/points', {
        path: { planId: plan.id },
        body: {
          title: v.title.trim(),
          ...(v.text?.trim() ? { text: v.text.trim() } : {}),
          ...(v.nodeId ? { nodeId: v.nodeId } : {}),
          ...(number(v) ? { number: number(v) } : {}),
        },
      }),
    { done: t('draft.add.done'), onSuccess: (point) => onClose(point.id) },
  );

  return (
    <Modal
      open
      title={t('draft.add.title')}
      okText={t('draft.add.ok')}
      okButtonProps={{ loading: add.isPending }}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
      width={600}
    >
      <Form<Values>
        name="add-point"
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ nodeId: defaultNodeId ?? '' }}
        onFinish={(v) => add.mutate(v)}
      >
        <Form.Item
          label={t('draft.point.title')}
          name="title"
          rules={[{ required: true, whitespace: true, message: t('draft.point.titleRequired') }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item label={t('draft.point.text')} name="text">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={20000} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item label={t('draft.point.node')} name="nodeId" style={{ flex: 1, minWidth: 0 }}>
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
            help={t('draft.add.numberHelp')}
            style={{ width: 140 }}
          >
            <InputNumber
              min={1}
              max={plan.points.length + 1}
              precision={0}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
