import { DeleteOutlined, EditOutlined, RobotOutlined } from '@ant-design/icons';
import { ROBOT_CHANNELS, type RobotChannel } from '@workpoints/contracts';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Space,
  Switch,
  Tree,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction, useApi } from '../../api/hooks';
import type { ApiResponses } from '../../api/responses';
import { QueryState } from '../../components/QueryState';
import { type DepartmentNode, flatten, toOptions, useDepartments } from './departments';
import { ToneTag } from '../../components/PointTags';

type Robot = ApiResponses['get /api/departments/{id}/robots'][number];

interface RobotForm {
  webhookUrl?: string;
  secret?: string;
  removeSecret?: boolean;
  enabled: boolean;
}

/** 群机器人: per department, its WeCom / DingTalk / Feishu group robots that notices also go to. */
export function RobotsPage() {
  const { t } = useTranslation('admin');
  const { query } = useDepartments();
  const [selected, setSelected] = useState<string | null>(null);

  return (
    <>
      <Typography.Title level={2}>{t('robots.title')}</Typography.Title>
      <Typography.Paragraph>{t('robots.intro')}</Typography.Paragraph>
      <QueryState query={query} isEmpty={(tree) => tree.length === 0}>
        {(tree) => {
          const all = flatten(tree);
          const current = all.find((d) => d.id === selected) ?? all[0];
          return (
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={7}>
                <Card size="small" title={t('robots.pickDepartment')}>
                  <Tree
                    aria-label={t('robots.pickDepartment')}
                    treeData={toOptions(tree)}
                    defaultExpandAll
                    showLine
                    selectedKeys={current ? [current.id] : []}
                    onSelect={(keys) => keys[0] && setSelected(keys[0] as string)}
                  />
                </Card>
              </Col>
              <Col xs={24} lg={17}>
                {current && <DepartmentRobots department={current} />}
              </Col>
            </Row>
          );
        }}
      </QueryState>
    </>
  );
}

function DepartmentRobots({ department }: { department: DepartmentNode }) {
  const { t } = useTranslation('admin');
  const robots = useApi('get /api/departments/{id}/robots', { path: { id: department.id } });
  return (
    <section aria-labelledby="robots-department">
      <Typography.Title level={3} id="robots-department" style={{ fontSize: 18, marginTop: 0 }}>
        {t('robots.ofDepartment', { name: department.name })}
      </Typography.Title>
      <QueryState query={robots}>
        {(list) => (
          <Row gutter={[16, 16]}>
            {ROBOT_CHANNELS.map((channel) => (
              <Col xs={24} xl={8} key={channel}>
                <ChannelCard
                  department={department}
                  channel={channel}
                  robot={list.find((r) => r.channel === channel)}
                />
              </Col>
            ))}
          </Row>
        )}
      </QueryState>
    </section>
  );
}

function ChannelCard({
  department,
  channel,
  robot,
}: {
  department: DepartmentNode;
  channel: RobotChannel;
  robot?: Robot;
}) {
  const { t } = useTranslation('admin');
  const [editing, setEditing] = useState(false);
  const label = t(`robots.channel.${channel}`);
  const path = { id: department.id, channel };
  const toggle = useAction(
    (enabled: boolean) =>
      api('put /api/departments/{id}/robots/{channel}', { path, body: { enabled } }),
    { done: t('robots.saved') },
  );
  const remove = useAction(() => api('delete /api/departments/{id}/robots/{channel}', { path }), {
    done: t('robots.removed'),
  });

  return (
    <Card
      size="small"
      title={
        <span>
          <RobotOutlined /> {label}
        </span>
      }
      extra={
        robot ? (
          <ToneTag tone={robot.enabled ? 'green' : 'grey'}>
            {robot.enabled ? t('robots.on') : t('robots.off')}
          </ToneTag>
        ) : null
      }
      style={{ height: '100%' }}
    >
      {robot ? (
        <>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('robots.webhook')}>
              <Typography.Text style={{ wordBreak: 'break-all' }}>
                {robot.webhookUrl}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('robots.secret')}>
              {robot.hasSecret ? t('robots.secretSet') : t('robots.secretNone')}
            </Descriptions.Item>
            <Descriptions.Item label={t('robots.enabled')}>
              <Switch
                checked={robot.enabled}
                loading={toggle.isPending}
                aria-label={t('robots.enableLabel', { channel: label })}
                onChange={(v) => toggle.mutate(v)}
              />
            </Descriptions.Item>
            <Descriptions.Item label={t('robots.since')}>
              {new Date(robot.createdAt).toLocaleDateString('zh-CN')}
            </Descriptions.Item>
          </Descriptions>
          <Space>
            <Button
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              aria-label={t('robots.editLabel', { channel: label })}
            >
              {t('robots.edit')}
            </Button>
            <Popconfirm
              title={t('robots.removeConfirm', { channel: label, name: department.name })}
              onConfirm={() => remove.mutate(undefined)}
              okButtonProps={{ danger: true }}
            >
              <Button
                danger
                icon={<DeleteOutlined />}
                loading={remove.isPending}
                aria-label={t('robots.removeLabel', { channel: label })}
              >
                {t('robots.remove')}
              </Button>
            </Popconfirm>
          </Space>
        </>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('robots.notSet')}>
          <Button type="primary" onClick={() => setEditing(true)}>
            {t('robots.configure', { channel: label })}
          </Button>
        </Empty>
      )}
      <RobotModal
        open={editing}
        onClose={() => setEditing(false)}
        department={department}
        channel={channel}
        label={label}
        robot={robot}
      />
    </Card>
  );
}

function RobotModal({
  open,
  onClose,
  department,
  channel,
  label,
  robot,
}: {
  open: boolean;
  onClose: () => void;
  department: DepartmentNode;
  channel: RobotChannel;
  label: string;
  robot?: Robot;
}) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<RobotForm>();
  const save = useAction(
    (v: RobotForm) =>
      api('put /api/departments/{id}/robots/{channel}', {
        path: { id: department.id, channel },
        body: {
          webhookUrl: v.webhookUrl?.trim() || undefined,
          secret: v.removeSecret ? null : v.secret?.trim() || undefined,
          enabled: v.enabled,
        },
      }),
    { done: t('robots.saved'), onSuccess: onClose },
  );
  return (
    <Modal
      open={open}
      title={t('robots.modalTitle', { name: department.name, channel: label })}
      okText={tc('action.save')}
      cancelText={tc('action.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t(`robots.hint.${channel}`)}</Typography.Paragraph>
      <Form<RobotForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ enabled: robot?.enabled ?? true }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          label={t('robots.webhook')}
          name="webhookUrl"
          extra={robot ? t('robots.webhookKeep', { current: robot.webhookUrl }) : undefined}
          rules={[
            { required: !robot, message: t('robots.webhookRequired') },
            { type: 'url', message: t('robots.webhookInvalid') },
            { pattern: /^https?:\/\//, message: t('robots.webhookInvalid') },
          ]}
        >
          <Input placeholder={t(`robots.placeholder.${channel}`)} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('robots.secret')}
          name="secret"
          extra={robot?.hasSecret ? t('robots.secretKeep') : t('robots.secretHelp')}
        >
          <Input.Password autoComplete="off" />
        </Form.Item>
        {robot?.hasSecret && (
          <Form.Item name="removeSecret" valuePropName="checked">
            <Checkbox>{t('robots.removeSecret')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item label={t('robots.enabled')} name="enabled" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
