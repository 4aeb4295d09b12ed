import { PlusOutlined } from '@ant-design/icons';
import { ROLES, type Role } from '@workpoints/contracts';
import {
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  TreeSelect,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction, useApi } from '../../api/hooks';
import type { ApiResponses } from '../../api/responses';
import { QueryState } from '../../components/QueryState';
import { useDepartments } from './departments';
import { ToneTag, type Tone } from '../../components/PointTags';

type User = ApiResponses['get /api/users'][number];

interface NewUser {
  username: string;
  displayName: string;
  password: string;
  departmentId?: string;
  roles: Role[];
}

const ROLE_COLOURS: Record<Role, Tone> = {
  admin: 'purple',
  coordinator: 'red',
  supervisor: 'gold',
  head: 'blue',
  staff: 'grey',
};

/** 人员管理: people with their department and roles, filtered by role or department; add one. */
export function UsersPage() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [role, setRole] = useState<Role | undefined>();
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const departments = useDepartments();
  const users = useApi('get /api/users', { query: { role, departmentId } });

  return (
    <>
      <Typography.Title level={2}>{t('users.title')}</Typography.Title>
      <Card size="small">
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<Role>
            aria-label={t('users.filterRole')}
            placeholder={t('users.allRoles')}
            allowClear
            style={{ width: 180 }}
            value={role}
            onChange={(v) => setRole(v)}
            options={ROLES.map((r) => ({ value: r, label: tc(`role.${r}`) }))}
          />
          <TreeSelect
            aria-label={t('users.filterDepartment')}
            placeholder={t('users.allDepartments')}
            allowClear
            treeDefaultExpandAll
            style={{ width: 220 }}
            value={departmentId}
            onChange={(v: string | undefined) => setDepartmentId(v)}
            treeData={departments.options}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('users.add')}
          </Button>
        </Space>
        <QueryState query={users}>
          {(list) => (
            <Table<User>
              rowKey="id"
              size="middle"
              dataSource={list}
              pagination={{
                pageSize: 20,
                hideOnSinglePage: true,
                showTotal: (n) => t('users.total', { count: n }),
              }}
              columns={[
                { title: t('users.displayName'), dataIndex: 'displayName', width: 140 },
                { title: t('users.username'), dataIndex: 'username', width: 180 },
                {
                  title: t('users.department'),
                  dataIndex: 'departmentId',
                  render: (id: string | null) => (id ? (departments.names.get(id) ?? '—') : '—'),
                },
                {
                  title: t('users.roles'),
                  dataIndex: 'roles',
                  render: (roles: Role[]) =>
                    roles.map((r) => (
                      <ToneTag key={r} tone={ROLE_COLOURS[r]}>
                        {tc(`role.${r}`)}
                      </ToneTag>
                    )),
                },
                {
                  title: t('users.status'),
                  dataIndex: 'active',
                  width: 90,
                  render: (active: boolean) =>
                    active ? (
                      <ToneTag tone="green">{t('users.active')}</ToneTag>
                    ) : (
                      <ToneTag tone="grey">{t('users.inactive')}</ToneTag>
                    ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <NewUserModal open={adding} onClose={() => setAdding(false)} options={departments.options} />
    </>
  );
}

function NewUserModal({
  open,
  onClose,
  options,
}: {
  open: boolean;
  onClose: () => void;
  options: ReturnType<typeof useDepartments>['options'];
}) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<NewUser>();
  const create = useAction((body: NewUser) => api('post /api/users', { body }), {
    done: t('users.created'),
    onSuccess: () => {
      form.resetFields();
      onClose();
    },
  });
  return (
    <Modal
      open={open}
      title={t('users.add')}
      okText={tc('action.save')}
      cancelText={tc('action.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Form<NewUser>
        form={form}
        layout="vertical"
        onFinish={(v) => create.mutate({ ...v, departmentId: v.departmentId || undefined })}
        initialValues={{ roles: ['staff'] }}
      >
        <Form.Item
          label={t('users.username')}
          name="username"
          extra={t('users.usernameHelp')}
          rules={[
            { required: true, message: t('users.usernameRequired') },
            { pattern: /^[a-z][a-z0-9._-]{2,63}$/, message: t('users.usernameInvalid') },
          ]}
        >
          <Input autoComplete="off" placeholder="zlglc.staff2" />
        </Form.Item>
        <Form.Item
          label={t('users.displayName')}
          name="displayName"
          rules={[
            { required: true, whitespace: true, max: 50, message: t('users.displayNameRequired') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('users.password')}
          name="password"
          rules={[{ required: true, min: 8, max: 200, message: t('users.passwordInvalid') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label={t('users.department')} name="departmentId">
          <TreeSelect
            treeData={options}
            treeDefaultExpandAll
            allowClear
            placeholder={t('users.pickDepartment')}
          />
        </Form.Item>
        <Form.Item
          label={t('users.roles')}
          name="roles"
          // A validator, not `required`: antd would put aria-required on the checkbox group,
          // which ARIA does not allow on role=group.
          rules={[
            {
              validator: (_, roles?: Role[]) =>
                roles?.length
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('users.rolesRequired'))),
            },
          ]}
        >
          <Checkbox.Group options={ROLES.map((r) => ({ value: r, label: tc(`role.${r}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
