import { PlusOutlined } from '@ant-design/icons';
import { ROLES, type Role } from '@workpoints/contracts';
import { PASSWORD_MIN_LENGTH } from '@workpoints/domain';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  TreeSelect,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction, useApi } from '../../api/hooks';
import type { ApiResponses } from '../../api/responses';
import { QueryState } from '../../components/QueryState';
import { useDepartments } from './departments';
import { ToneTag, type Tone } from '../../components/PointTags';
import { useSession } from '../../auth/session';

type User = ApiResponses['get /api/users'][number];

interface NewUser {
  username: string;
  displayName: string;
  password: string;
  departmentId?: string;
  roles: Role[];
  email?: string;
}

interface UserChange {
  displayName: string;
  departmentId?: string | null;
  roles: Role[];
  email?: string | null;
}

const ROLE_COLOURS: Record<Role, Tone> = {
  admin: 'purple',
  coordinator: 'red',
  supervisor: 'gold',
  head: 'blue',
  staff: 'grey',
};

/**
 * 人员管理: people with their department, roles and account state, filtered by role or
 * department. Admins add, edit, deactivate and reactivate accounts, reset a password (the
 * one-time password shows once) and lift a lock-out; coordinators only look.
 */
export function UsersPage() {
  const { t } = useTranslation('admin');
  const { t: ta } = useTranslation('account');
  const { t: tc } = useTranslation();
  const { has } = useSession();
  const admin = has('admin');
  const [role, setRole] = useState<Role | undefined>();
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [reset, setReset] = useState<{ name: string; password: string } | null>(null);
  const departments = useDepartments();
  const users = useApi('get /api/users', { query: { role, departmentId } });
  const deactivate = useAction(
    (userId: string) => api('post /api/users/{userId}/deactivate', { path: { userId } }),
    { done: ta('users.deactivated') },
  );
  const reactivate = useAction(
    (userId: string) => api('post /api/users/{userId}/reactivate', { path: { userId } }),
    { done: ta('users.reactivated') },
  );
  const unlock = useAction(
    (userId: string) => api('post /api/users/{userId}/unlock', { path: { userId } }),
    { done: ta('users.unlocked') },
  );
  const resetPassword = useAction(
    (user: User) =>
      api('post /api/users/{userId}/reset-password', { path: { userId: user.id } }).then(
        (answer) => ({ answer, user }),
      ),
    {
      onSuccess: ({ answer, user }) =>
        setReset({ name: user.displayName, password: answer.oneTimePassword }),
    },
  );

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
          <Input.Search
            aria-label={ta('users.search')}
            placeholder={ta('users.search')}
            allowClear
            style={{ width: 220 }}
            onSearch={(v) => setSearch(v.trim().toLowerCase())}
          />
          {admin && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('users.add')}
            </Button>
          )}
        </Space>
        {!admin && (
          <Alert type="info" showIcon title={ta('users.adminOnly')} style={{ marginBottom: 16 }} />
        )}
        <QueryState query={users}>
          {(list) => (
            <Table<User>
              rowKey="id"
              size="middle"
              dataSource={
                search
                  ? list.filter(
                      (u) =>
                        u.username.toLowerCase().includes(search) ||
                        u.displayName.toLowerCase().includes(search),
                    )
                  : list
              }
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
                  key: 'status',
                  width: 130,
                  render: (_, user) => (
                    <Space size={4} wrap>
                      {user.active ? (
                        <ToneTag tone="green">{t('users.active')}</ToneTag>
                      ) : (
                        <ToneTag tone="grey">{t('users.inactive')}</ToneTag>
                      )}
                      {user.lockedUntil && (
                        <span
                          title={ta('users.lockedUntil', {
                            time: dayjs(user.lockedUntil).format('YYYY-MM-DD HH:mm'),
                          })}
                        >
                          <ToneTag tone="red">{ta('users.locked')}</ToneTag>
                        </span>
                      )}
                      {user.mustChangePassword && (
                        <ToneTag tone="gold">{ta('users.mustChange')}</ToneTag>
                      )}
                    </Space>
                  ),
                },
                {
                  title: ta('users.lastSignIn'),
                  dataIndex: 'lastSignInAt',
                  width: 140,
                  render: (at: string | null) =>
                    at ? dayjs(at).format('YYYY-MM-DD HH:mm') : ta('users.never'),
                },
                ...(admin
                  ? [
                      {
                        title: ta('users.actions'),
                        key: 'actions',
                        render: (_: unknown, user: User) => (
                          <Space size={4} wrap>
                            <Button
                              size="small"
                              onClick={() => setEditing(user)}
                              aria-label={ta('users.editLabel', { name: user.displayName })}
                            >
                              {ta('users.edit')}
                            </Button>
                            <Popconfirm
                              title={ta('users.resetConfirm', { name: user.displayName })}
                              onConfirm={() => resetPassword.mutate(user)}
                            >
                              <Button size="small">{ta('users.reset')}</Button>
                            </Popconfirm>
                            {user.lockedUntil && (
                              <Button size="small" onClick={() => unlock.mutate(user.id)}>
                                {ta('users.unlock')}
                              </Button>
                            )}
                            {user.active ? (
                              <Popconfirm
                                title={ta('users.deactivateConfirm', { name: user.displayName })}
                                onConfirm={() => deactivate.mutate(user.id)}
                              >
                                <Button size="small" danger>
                                  {ta('users.deactivate')}
                                </Button>
                              </Popconfirm>
                            ) : (
                              <Button size="small" onClick={() => reactivate.mutate(user.id)}>
                                {ta('users.reactivate')}
                              </Button>
                            )}
                          </Space>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </QueryState>
      </Card>
      <NewUserModal open={adding} onClose={() => setAdding(false)} options={departments.options} />
      <EditUserModal
        user={editing}
        onClose={() => setEditing(null)}
        options={departments.options}
      />
      <Modal
        open={reset !== null}
        title={ta('users.resetTitle', { name: reset?.name ?? '' })}
        onCancel={() => setReset(null)}
        footer={
          <Button type="primary" onClick={() => setReset(null)}>
            {tc('action.done')}
          </Button>
        }
        destroyOnHidden
      >
        <Typography.Paragraph>{ta('users.resetIntro')}</Typography.Paragraph>
        <Typography.Paragraph>
          <Typography.Text
            code
            strong
            copyable={{ tooltips: [ta('users.copy'), ta('users.copied')] }}
            style={{ fontSize: 20 }}
            data-testid="one-time-password"
          >
            {reset?.password}
          </Typography.Text>
        </Typography.Paragraph>
      </Modal>
    </>
  );
}

function EditUserModal({
  user,
  onClose,
  options,
}: {
  user: User | null;
  onClose: () => void;
  options: ReturnType<typeof useDepartments>['options'];
}) {
  const { t } = useTranslation('admin');
  const { t: ta } = useTranslation('account');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<UserChange>();
  const save = useAction(
    (body: UserChange) =>
      api('patch /api/users/{userId}', { path: { userId: user?.id ?? '' }, body }),
    { done: ta('users.saved'), onSuccess: onClose },
  );
  return (
    <Modal
      open={user !== null}
      title={ta('users.editTitle', { name: user?.displayName ?? '' })}
      okText={tc('action.save')}
      cancelText={tc('action.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {user && (
        <Form<UserChange>
          form={form}
          layout="vertical"
          initialValues={{
            displayName: user.displayName,
            departmentId: user.departmentId ?? undefined,
            roles: user.roles,
            email: user.email ?? undefined,
          }}
          onFinish={(v) =>
            save.mutate({
              ...v,
              departmentId: v.departmentId || null,
              email: v.email?.trim() || null,
            })
          }
        >
          <Form.Item
            label={t('users.displayName')}
            name="displayName"
            rules={[
              {
                required: true,
                whitespace: true,
                max: 50,
                message: t('users.displayNameRequired'),
              },
            ]}
          >
            <Input autoComplete="off" />
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
          <Form.Item
            label={ta('users.email')}
            name="email"
            rules={[{ type: 'email', message: ta('users.emailInvalid') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Form>
      )}
    </Modal>
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
  const { t: ta } = useTranslation('account');
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
        onFinish={(v) =>
          create.mutate({
            ...v,
            departmentId: v.departmentId || undefined,
            email: v.email?.trim() || undefined,
          })
        }
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
          extra={ta('users.passwordHelp', { min: PASSWORD_MIN_LENGTH })}
          rules={[
            {
              required: true,
              min: PASSWORD_MIN_LENGTH,
              message: ta('users.passwordTooShort', { min: PASSWORD_MIN_LENGTH }),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={ta('users.email')}
          name="email"
          rules={[{ type: 'email', message: ta('users.emailInvalid') }]}
        >
          <Input autoComplete="off" />
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
