import { Button, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/hooks';
import { type DraftPoint, type PlanNode, headingOf } from './draft';
import { Pane } from './Pane';

interface Props {
  planId: string;
  node: PlanNode;
  points: DraftPoint[];
  editable: boolean;
}

/** The middle pane for a selected chapter or section: rename it. */
export function NodeEditor({ planId, node, points, editable }: Props) {
  const { t } = useTranslation('coordinator');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<{ title: string }>();
  const rename = useAction(
    (title: string) =>
      api('patch /api/plans/{planId}/nodes/{nodeId}', {
        path: { planId, nodeId: node.id },
        body: { title },
      }),
    { done: t('draft.node.saved') },
  );
  useEffect(() => form.resetFields(), [form, node.id, node.title]);
  const count = points.filter((p) => p.nodeId === node.id).length;

  return (
    <Pane
      label={t('draft.panes.editor')}
      title={`${t(node.kind === 'section' ? 'draft.node.section' : 'draft.node.chapter')}：${headingOf(node)}`}
      footer={
        editable && (
          <Button type="primary" onClick={() => form.submit()} loading={rename.isPending}>
            {tc('action.save')}
          </Button>
        )
      }
    >
      <Form
        name="node"
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={{ title: node.title }}
        onFinish={(v) => rename.mutate(v.title.trim())}
        requiredMark={false}
      >
        <Form.Item
          label={t('draft.node.title')}
          name="title"
          rules={[{ required: true, whitespace: true, message: t('draft.node.titleRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
        </Form.Item>
      </Form>
      <Typography.Paragraph>{t('draft.node.points', { count })}</Typography.Paragraph>
    </Pane>
  );
}
