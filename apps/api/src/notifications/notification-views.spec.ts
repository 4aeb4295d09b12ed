import {
  AttachmentEntity,
  DepartmentEntity,
  DepartmentRobotEntity,
  InboxItemEntity,
  NotificationEntity,
  UserEntity,
  WorkPointEntity,
} from '@workpoints/persistence';
import { toAttachmentView } from '../attachments/attachment.mapper';
import { toInboxItemView } from './inbox.service';
import { toNotificationView } from './notification-view';
import { toRobotView } from './robots.service';

const wireForm = (view: object) => expect(JSON.parse(JSON.stringify(view))).toEqual(view);
const at = new Date('2026-06-23T01:00:00.000Z');
const point = Object.assign(new WorkPointEntity(), {
  id: 'point-1',
  planId: 'plan-1',
  number: 3,
  title: '完善知识产权保护体系',
  text: '全文不在消息里',
});

describe('notification, inbox, robot and attachment views', () => {
  it('a robot never shows its secret, nor its webhook token', () => {
    const robot = Object.assign(new DepartmentRobotEntity(), {
      id: 'robot-1',
      departmentId: 'd1',
      channel: 'wecom',
      webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcdef0123456789',
      secret: 'SEC-very-secret',
      enabled: true,
      createdAt: at,
      hasSecret: true,
    });
    const view = toRobotView(robot, Object.assign(new DepartmentEntity(), { name: '保护处' }));
    expect(view).not.toHaveProperty('secret');
    expect(JSON.stringify(view)).not.toContain('SEC-very-secret');
    expect(JSON.stringify(view)).not.toContain('abcdef0123456789');
    expect(view).toMatchObject({ hasSecret: true, channelLabel: '企业微信机器人' });
    expect(view.createdAt).toBe('2026-06-23T01:00:00.000Z');
    wireForm(view);
  });

  it('a notification names its point and recipient, never the row’s context or user row', () => {
    const n = Object.assign(new NotificationEntity(), {
      id: 'n1',
      pointId: 'point-1',
      point,
      kind: 'deadline-reminder',
      occasion: '2026-06-30/2026-06-23',
      recipientKey: 'user:u1',
      userId: 'u1',
      user: Object.assign(new UserEntity(), { displayName: '吴佳怡', passwordHash: 'secret-hash' }),
      departmentId: null,
      channel: 'email',
      context: { link: 'https://example.org/points/point-1' },
      urgent: false,
      digest: false,
      notBefore: at,
      status: 'sent',
      attempts: 1,
      lastError: null,
      createdAt: at,
      queuedAt: at,
      sentAt: null,
    });
    const view = toNotificationView(n);
    expect(view.point).toEqual({
      id: 'point-1',
      planId: 'plan-1',
      number: 3,
      title: '完善知识产权保护体系',
    });
    expect(view.recipient.label).toBe('吴佳怡');
    expect(view).not.toHaveProperty('context');
    expect(view).not.toHaveProperty('user');
    expect(JSON.stringify(view)).not.toContain('secret-hash');
    expect([view.notBefore, view.queuedAt, view.sentAt]).toEqual([
      '2026-06-23T01:00:00.000Z',
      '2026-06-23T01:00:00.000Z',
      null,
    ]);
    wireForm(view);
  });

  it('an inbox item carries its instants as ISO strings and its point by reference', () => {
    const item = Object.assign(new InboxItemEntity(), {
      id: 'i1',
      notificationId: 'n1',
      userId: 'u1',
      pointId: 'point-1',
      point,
      kind: 'urged',
      title: '催办',
      text: '请尽快报送',
      link: 'https://example.org/points/point-1',
      createdAt: at,
      readAt: null,
    });
    const view = toInboxItemView(item);
    expect(view).toMatchObject({ kindLabel: '督办催办', createdAt: '2026-06-23T01:00:00.000Z' });
    expect(view.point).not.toHaveProperty('text');
    wireForm(view);
  });

  it('an attachment in a list never carries its content', () => {
    const a = Object.assign(new AttachmentEntity(), {
      id: 'a1',
      pointId: 'point-1',
      uploadedById: 'u1',
      uploadedBy: Object.assign(new UserEntity(), { id: 'u1', displayName: '吴佳怡' }),
      departmentId: 'd1',
      filename: '调研报告.pdf',
      contentType: 'application/pdf',
      size: 4,
      sha256: 'f'.repeat(64),
      content: Buffer.from('%PDF'),
      requestId: null,
      createdAt: at,
    });
    const view = toAttachmentView(a);
    expect(view).not.toHaveProperty('content');
    expect(view.uploadedBy).toEqual({ id: 'u1', name: '吴佳怡' });
    wireForm(view);
  });
});
