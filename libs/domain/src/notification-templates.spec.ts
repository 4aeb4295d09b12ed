import { NOTIFICATION_KINDS, type NotificationContext } from '@workpoints/contracts';
import { chineseDate, renderDigest, renderNotification } from './notification-templates';

const base: NotificationContext = {
  kind: 'ack-reminder',
  pointNumber: 3,
  pointTitle: '推进政务服务“一网通办”',
  planTitle: '2024年市政府办公室工作要点',
  departmentName: '市政务服务数据管理局',
  dueDate: '2024-05-24',
  link: 'https://workpoints.example.gov.cn/points/42',
};

describe('notification templates', () => {
  it('writes dates the Chinese way', () => {
    expect(chineseDate('2024-05-24')).toBe('2024年5月24日');
    expect(chineseDate('2024-12-01')).toBe('2024年12月1日');
    expect(chineseDate('年底前')).toBe('年底前');
  });

  it('renders an acknowledgement reminder exactly', () => {
    expect(renderNotification(base)).toEqual({
      title: '【签收提醒】第3项“推进政务服务“一网通办””',
      text: [
        '《2024年市政府办公室工作要点》第3项“推进政务服务“一网通办””已交办市政务服务数据管理局牵头办理，尚未签收，请于2024年5月24日前签收。',
        '查看详情：https://workpoints.example.gov.cn/points/42',
      ].join('\n'),
      markdown: [
        '### 【签收提醒】第3项“推进政务服务“一网通办””',
        '《2024年市政府办公室工作要点》第3项“推进政务服务“一网通办””已交办市政务服务数据管理局牵头办理，尚未签收，请于2024年5月24日前签收。',
        '[查看详情](https://workpoints.example.gov.cn/points/42)',
      ].join('\n\n'),
      link: 'https://workpoints.example.gov.cn/points/42',
    });
  });

  it('renders a return with its comment and an overdue notice exactly', () => {
    const returned = renderNotification({
      ...base,
      kind: 'returned',
      dueDate: null,
      detail: '  请补充完成率数据和佐证材料。 ',
    });
    expect(returned.title).toBe('【退回】第3项“推进政务服务“一网通办””');
    expect(returned.text).toBe(
      [
        '市政务服务数据管理局报送的《2024年市政府办公室工作要点》第3项“推进政务服务“一网通办””材料被退回，请按意见修改后重新报送。',
        '退回意见：请补充完成率数据和佐证材料。',
        '查看详情：https://workpoints.example.gov.cn/points/42',
      ].join('\n'),
    );
    expect(returned.markdown).toContain('\n\n> 退回意见：请补充完成率数据和佐证材料。\n\n');

    const overdue = renderNotification({ ...base, kind: 'overdue', dueDate: '2024-06-28' });
    expect(overdue.title).toBe('【逾期通知】第3项“推进政务服务“一网通办””');
    expect(overdue.text.split('\n')[0]).toBe(
      '《2024年市政府办公室工作要点》第3项“推进政务服务“一网通办””（牵头单位：市政务服务数据管理局）已于2024年6月28日到期，尚未办结，已逾期。请尽快办结或说明情况。',
    );
  });

  it('renders an extension decision with its result and the new deadline', () => {
    const decided = renderNotification({
      ...base,
      kind: 'extension-decided',
      dueDate: '2024-09-30',
      detail: '同意延期至2024年9月30日',
    });
    expect(decided.title).toBe('【延期审批结果】第3项“推进政务服务“一网通办””');
    expect(decided.text).toBe(
      [
        '《2024年市政府办公室工作要点》第3项“推进政务服务“一网通办””（牵头单位：市政务服务数据管理局）的延期申请已审批，完成时限为2024年9月30日。',
        '审批结果：同意延期至2024年9月30日',
        '查看详情：https://workpoints.example.gov.cn/points/42',
      ].join('\n'),
    );
  });

  it('keeps titles short when the point title is long', () => {
    const message = renderNotification({
      ...base,
      kind: 'assigned',
      pointTitle: '深入实施营商环境优化提升行动，持续深化“放管服”改革，推动更多事项网上办',
    });
    expect(message.title).toBe('【交办】第3项“深入实施营商环境优化提升行动…”');
    expect(message.text).toContain(
      '“深入实施营商环境优化提升行动，持续深化“放管服”改革，推动更多事项网上办”',
    );
  });

  const POINT_KINDS = NOTIFICATION_KINDS.filter(
    (kind) => kind !== 'bulletin' && kind !== 'account-locked',
  );

  it.each(POINT_KINDS)(
    'renders %s with the plan, number, title, department, date, detail and link',
    (kind) => {
      const message = renderNotification({ ...base, kind, detail: '请于本周内反馈。' });
      expect(message.title).toContain('第3项');
      expect(Array.from(message.title).length).toBeLessThanOrEqual(30);
      for (const body of [message.text, message.markdown]) {
        expect(body).toContain('《2024年市政府办公室工作要点》');
        expect(body).toContain('第3项“推进政务服务“一网通办””');
        expect(body).toContain('市政务服务数据管理局');
        expect(body).toContain('请于本周内反馈。');
        expect(body).toContain(base.link);
        expect(body).not.toContain('undefined');
        expect(body).not.toContain('null');
      }
      expect(message.text.endsWith(base.link)).toBe(true);
      expect(message.markdown).toContain(`](${base.link})`);
      expect(message.link).toBe(base.link);
      // Kinds about a day say which; sign-off results need none.
      if (!['returned', 'approved'].includes(kind)) expect(message.text).toContain('2024年5月24日');
      expect(message.text).not.toContain('2024-05-24');
    },
  );

  it('renders the monthly bulletin notice with the plan and the month, not a point', () => {
    const message = renderNotification({
      ...base,
      kind: 'bulletin',
      pointNumber: 0,
      pointTitle: '2024年3月',
      departmentName: '',
      dueDate: null,
      link: 'https://workpoints.example.gov.cn/plans/7/bulletins/2024-03',
      detail: '办结2项，逾期未完成1项，参与排名单位5个。',
    });
    expect(message.title).toBe('【月度通报】2024年3月《2024年市政府办公室工作要点》');
    expect(message.text).toBe(
      [
        '《2024年市政府办公室工作要点》2024年3月工作要点落实情况通报及各单位得分排名已生成，请审阅后印发。',
        '说明：办结2项，逾期未完成1项，参与排名单位5个。',
        '查看详情：https://workpoints.example.gov.cn/plans/7/bulletins/2024-03',
      ].join('\n'),
    );
    expect(message.text).not.toContain('第0项');
  });

  it('renders a lock-out notice about the account, not a point or a plan', () => {
    const message = renderNotification({
      kind: 'account-locked',
      pointNumber: 0,
      pointTitle: '吴佳怡（zlglc.staff）',
      planTitle: '',
      departmentName: '',
      dueDate: null,
      link: 'https://workpoints.example.gov.cn/inbox',
      detail: '连续5次登录失败，锁定至2026年3月2日 09:15；来自 10.0.0.8',
    });
    expect(message.title).toBe('【账号锁定】吴佳怡（zlglc.staff）');
    expect(message.text).toBe(
      [
        '账号“吴佳怡（zlglc.staff）”因连续登录失败已被锁定。如非本人操作，请立即联系系统管理员；管理员可在“人员管理”中解锁或重置密码。',
        '详情：连续5次登录失败，锁定至2026年3月2日 09:15；来自 10.0.0.8',
        '查看详情：https://workpoints.example.gov.cn/inbox',
      ].join('\n'),
    );
    expect(message.text).not.toMatch(/第0项|《》/);
  });

  it.each(POINT_KINDS)('renders %s without a due date or detail', (kind) => {
    const message = renderNotification({ ...base, kind, dueDate: null, detail: null });
    expect(message.text).not.toMatch(/undefined|null|年\d+月/);
    expect(message.text).toContain('市政务服务数据管理局');
    expect(message.text.split('\n')).toHaveLength(2);
  });

  it('renders a daily digest with a count and one line per notice', () => {
    const items = [
      renderNotification(base),
      renderNotification({
        ...base,
        kind: 'deadline-reminder',
        pointNumber: 7,
        pointTitle: '新增市场主体2万户',
        link: 'https://workpoints.example.gov.cn/points/57',
      }),
    ];
    const digest = renderDigest(items, '2024-05-22', '张三');
    expect(digest.title).toBe('《每日督办提醒》2024年5月22日（2条）');
    expect(digest.text).toBe(
      [
        '张三：2024年5月22日共有2条督办提醒，请及时处理。',
        '1. 【签收提醒】第3项“推进政务服务“一网通办”” https://workpoints.example.gov.cn/points/42',
        '2. 【到期提醒】第7项“新增市场主体2万户” https://workpoints.example.gov.cn/points/57',
        '查看全部：https://workpoints.example.gov.cn/',
      ].join('\n'),
    );
    expect(digest.markdown).toContain(
      '1. [【签收提醒】第3项“推进政务服务“一网通办””](https://workpoints.example.gov.cn/points/42)\n2. [【到期提醒】第7项“新增市场主体2万户”](https://workpoints.example.gov.cn/points/57)',
    );
    expect(digest.link).toBe('https://workpoints.example.gov.cn/');
    expect(renderDigest(items, '2024-05-22', '张三', 'https://w.example/inbox').link).toBe(
      'https://w.example/inbox',
    );
    expect(renderDigest([], '2024-05-22', '张三').text).toBe(
      '张三：2024年5月22日没有新的督办提醒。',
    );
  });
});
