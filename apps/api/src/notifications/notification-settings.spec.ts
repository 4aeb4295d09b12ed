import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { EmailDto, NotificationPreferencesDto } from './dto/preferences.dto';
import { PutRobotDto } from './dto/robot.dto';
import { redactError } from './notification-view';
import { maskWebhookUrl } from './robots.service';

async function problems(cls: new () => object, body: unknown): Promise<string[]> {
  const errors = await validate(plainToInstance(cls, body), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  const flat = (list: typeof errors): string[] =>
    list.flatMap((e) => [...Object.values(e.constraints ?? {}), ...flat(e.children ?? [])]);
  return flat(errors);
}

describe('notification preferences', () => {
  it('takes a full, valid choice and an empty one', async () => {
    expect(
      await problems(NotificationPreferencesDto, {
        channels: ['inbox', 'email'],
        kinds: { urged: ['inbox', 'email'], overdue: [] },
        digestTime: '08:30',
        quietHours: { from: '22:00', to: '07:30' },
      }),
    ).toEqual([]);
    expect(await problems(NotificationPreferencesDto, {})).toEqual([]);
    expect(await problems(NotificationPreferencesDto, { digestTime: null })).toEqual([]);
  });

  // The rules and their wording are libs/domain's (notification-preferences.spec.ts): here, that
  // a request is refused with each field's problems.
  it('names every problem in Chinese', async () => {
    const found = await problems(NotificationPreferencesDto, {
      channels: ['inbox', 'inbox', 'wecom'],
      kinds: { nope: ['inbox'], overdue: ['sms'], urged: ['email', 'email'] },
      digestTime: '8:30',
      quietHours: { from: '09:00', to: '18:00' },
    });
    expect(found).toEqual(
      expect.arrayContaining([
        'channels 只能包含 inbox（站内消息）和 email（邮件）；channels 不能重复',
        '未知的通知类型：nope；overdue 只能包含 inbox（站内消息）和 email（邮件）；urged 的渠道不能重复',
        'digestTime 应为 HH:MM（00:00–23:59），或为 null（逐条发送）',
        '免打扰时段应跨夜：开始时间须晚于结束时间（如 18:00 至次日 09:00）',
      ]),
    );
    expect(
      await problems(NotificationPreferencesDto, { quietHours: { from: '24:00', to: '07:00' } }),
    ).toEqual(['from 应为 HH:MM（00:00–23:59）']);
    expect(await problems(NotificationPreferencesDto, { kinds: ['urged'] })).toEqual([
      '应为对象，如 {"urged": ["inbox", "email"]}',
    ]);
  });

  it('takes an email address or null, nothing else', async () => {
    expect(await problems(EmailDto, { email: 'a@example.gov.cn' })).toEqual([]);
    expect(await problems(EmailDto, { email: null })).toEqual([]);
    expect(await problems(EmailDto, { email: 'a@' })).toContain(
      'email 应为有效的邮箱地址，或为 null（不接收邮件）',
    );
    expect(await problems(EmailDto, {})).toContain(
      'email 应为有效的邮箱地址，或为 null（不接收邮件）',
    );
  });
});

describe('robots', () => {
  it('takes http(s) webhooks only', async () => {
    expect(await problems(PutRobotDto, { webhookUrl: 'http://10.0.0.5:8080/hook' })).toEqual([]);
    expect(await problems(PutRobotDto, { webhookUrl: 'javascript:alert(1)' })).toContain(
      'webhookUrl 应为 http:// 或 https:// 开头的网址',
    );
    expect(await problems(PutRobotDto, { secret: null, enabled: false })).toEqual([]);
  });

  it('hides the token of every kind of webhook address', () => {
    expect(
      maskWebhookUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4'),
    ).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a****');
    expect(maskWebhookUrl('https://oapi.dingtalk.com/robot/send?access_token=abcdef0123')).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abcd****',
    );
    expect(
      maskWebhookUrl('https://open.feishu.cn/open-apis/bot/v2/hook/2f7d5c1e-aaaa-bbbb-cccc'),
    ).toBe('https://open.feishu.cn/open-apis/bot/v2/hook/2f7d****');
    expect(maskWebhookUrl('not a url at all')).toBe('not ****');
  });

  it('redacts tokens that an error might carry', () => {
    expect(redactError('HTTP 404 https://x/send?key=abc&access_token=def')).toBe(
      'HTTP 404 https://x/send?key=***&access_token=***',
    );
    expect(redactError(null)).toBeNull();
  });
});
