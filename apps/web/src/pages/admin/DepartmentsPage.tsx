import { ApartmentOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Row,
  Table,
  Tree,
  TreeSelect,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction, useApi } from '../../api/hooks';
import { useSession } from '../../auth/session';
import { QueryState } from '../../components/QueryState';
import { type DepartmentNode, flatten, toOptions, useDepartments } from './departments';
import { EmptyText, ToneTag } from '../../components/PointTags';

interface NewDepartment {
  name: string;
  code: string;
  parentId?: string;
}

/** 单位管理: the organisation tree, who is in a department, and a form to add one. */
export function DepartmentsPage() {
  const { t } = useTranslation('admin');
  const { query } = useDepartments();
  const [selected, setSelected] = useState<string | null>(null);

  return (
    <>
      <Typography.Title level={2}>{t('departments.title')}</Typography.Title>
      <QueryState query={query}>
        {(tree) => {
          const all = flatten(tree);
          const current = all.find((d) => d.id === selected) ?? null;
          return (
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={9}>
                <Card title={t('departments.tree')} size="small">
                  <Tree
                    aria-label={t('departments.tree')}
                    treeData={toOptions(tree)}
                    defaultExpandAll
                    showLine
                    selectedKeys={selected ? [selected] : []}
                    onSelect={(keys) => setSelected((keys[0] as string | undefined) ?? null)}
                    titleRender={(node) => {
                      const d = all.find((x) => x.id === node.key);
                      return (
                        <span>
                          {node.title as string}{' '}
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {d?.code}
                          </Typography.Text>
                        </span>
                      );
                    }}
                  />
                </Card>
              </Col>
              <Col xs={24} lg={15}>
                {current && (
                  <DepartmentDetail
                    department={current}
                    parent={all.find((d) => d.id === current.parentId)}
                  />
                )}
                <NewDepartmentForm tree={tree} defaultParent={current?.id} />
              </Col>
            </Row>
          );
        }}
      </QueryState>
    </>
  );
}

function DepartmentDetail({
  department,
  parent,
}: {
  department: DepartmentNode;
  parent?: DepartmentNode;
}) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const people = useApi('get /api/users', { query: { departmentId: department.id } });
  return (
    <Card
      size="small"
      title={
        <span>
          <ApartmentOutlined /> {department.name}
        </span>
      }
      style={{ marginBottom: 16 }}
    >
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t('departments.code')}>{department.code}</Descriptions.Item>
        <Descriptions.Item label={t('departments.kind')}>
          {department.kind === 'bureau' ? t('departments.bureau') : t('departments.division')}
        </Descriptions.Item>
        <Descriptions.Item label={t('departments.parent')}>{parent?.name ?? '—'}</Descriptions.Item>
      </Descriptions>
      <QueryState query={people}>
        {(users) => (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={users}
            locale={{ emptyText: <EmptyText>{t('departments.noPeople')}</EmptyText> }}
            title={() => t('departments.people', { count: users.length })}
            columns={[
              { title: t('users.displayName'), dataIndex: 'displayName' },
              { title: t('users.username'), dataIndex: 'username' },
              {
                title: t('users.roles'),
                dataIndex: 'roles',
                render: (roles: (typeof users)[number]['roles']) =>
                  roles.map((r) => (
                    <ToneTag tone="grey" key={r}>
                      {tc(`role.${r}`)}
                    </ToneTag>
                  )),
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}

function NewDepartmentForm({
  tree,
  defaultParent,
}: {
  tree: DepartmentNode[];
  defaultParent?: string;
}) {
  const { t } = useTranslation('admin');
  const { has } = useSession();
  const [form] = Form.useForm<NewDepartment>();
  useEffect(() => form.setFieldValue('parentId', defaultParent), [form, defaultParent]);
  const create = useAction(
    (body: NewDepartment) =>
      api('post /api/departments', { body: { ...body, parentId: body.parentId || undefined } }),
    {
      done: t('departments.created'),
      onSuccess: () => form.resetFields(['name', 'code']),
    },
  );
  return (
    <Card size="small" title={t('departments.add')}>
      {!has('admin') && (
        <Typography.Paragraph type="secondary">{t('departments.adminOnly')}</Typography.Paragraph>
      )}
      <Form<NewDepartment>
        form={form}
        layout="vertical"
        initialValues={{ parentId: defaultParent }}
        onFinish={(v) => create.mutate(v)}
        style={{ maxWidth: 520 }}
      >
        <Form.Item
          label={t('departments.name')}
          name="name"
          rules={[
            { required: true, whitespace: true, max: 100, message: t('departments.nameRequired') },
          ]}
        >
          <Input placeholder={t('departments.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          label={t('departments.code')}
          name="code"
          extra={t('departments.codeHelp')}
          rules={[
            { required: true, message: t('departments.codeRequired') },
            { pattern: /^[a-z][a-z0-9-]{1,31}$/, message: t('departments.codeInvalid') },
          ]}
        >
          <Input placeholder="zlglc" autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('departments.parent')}
          name="parentId"
          extra={t('departments.parentHelp')}
        >
          <TreeSelect
            treeData={toOptions(tree)}
            treeDefaultExpandAll
            allowClear
            placeholder={t('departments.parentPlaceholder')}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('departments.submit')}
        </Button>
      </Form>
    </Card>
  );
}
