import type { NotificationContext, NotificationKind, RenderedMessage } from '@workpoints/contracts';
import { NOTICE_LABELS } from './labels';

/** The name of each kind of notification, as people see it in titles and the inbox. */
export const NOTIFICATION_LABELS: Record<NotificationKind, string> = {
  ...NOTICE_LABELS,
  assigned: '交办',
  returned: '退回',
  approved: '审核通过',
  completed: '办结',
  'extension-requested': '延期申请',
  'extension-decided': '延期审批结果',
  urged: '督办催办',
  bulletin: '月度通报',
  'account-locked': '账号锁定',
};

/** Robots show the title in a narrow list: a long point title is cut to this many characters. */
const TITLE_POINT_CHARS = 16;

/** `2024-05-24` → `2024年5月24日`; anything else is returned as it came. */
export function chineseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

interface Template {
  /** One sentence naming the plan, the point, the department and the date where there is one. */
  sentence(facts: Facts): string;
  /** What the free text is, when given (退回意见, 审批结果 …). */
  detailLabel: string;
}

interface Facts {
  /** 《计划》第3项“标题” */
  point: string;
  department: string;
  /** The due date written the Chinese way, or null. */
  date: string | null;
}

const TEMPLATES: Record<NotificationKind, Template> = {
  assigned: {
    sentence: ({ point, department, date }) =>
      `${point}已交办${department}牵头办理${date ? `，完成时限为${date}` : ''}。请及时签收并抓紧推进。`,
    detailLabel: '交办说明',
  },
  'ack-reminder': {
    sentence: ({ point, department, date }) =>
      `${point}已交办${department}牵头办理，尚未签收，请${date ? `于${date}前` : '尽快'}签收。`,
    detailLabel: '说明',
  },
  'report-reminder': {
    sentence: ({ point, department, date }) =>
      `请${department}${date ? `于${date}前` : '按时'}报送${point}的进展情况。`,
    detailLabel: '说明',
  },
  'report-missed': {
    sentence: ({ point, department, date }) =>
      `${department}${date ? `应于${date}前` : '应'}报送的${point}进展情况尚未报送，请尽快补报。`,
    detailLabel: '说明',
  },
  'deadline-reminder': {
    sentence: ({ point, department, date }) =>
      `${point}（牵头单位：${department}）${date ? `将于${date}到期` : '即将到期'}，请抓紧推进，按时办结。`,
    detailLabel: '说明',
  },
  overdue: {
    sentence: ({ point, department, date }) =>
      `${point}（牵头单位：${department}）${date ? `已于${date}到期` : '已超过完成时限'}，尚未办结，已逾期。请尽快办结或说明情况。`,
    detailLabel: '说明',
  },
  escalation: {
    sentence: ({ point, department, date }) =>
      `${point}（牵头单位：${department}）${date ? `已于${date}到期，` : ''}逾期仍未办结，提请督办。`,
    detailLabel: '说明',
  },
  returned: {
    sentence: ({ point, department }) =>
      `${department}报送的${point}材料被退回，请按意见修改后重新报送。`,
    detailLabel: '退回意见',
  },
  approved: {
    sentence: ({ point, department }) => `${department}报送的${point}办结材料已审核通过。`,
    detailLabel: '审核意见',
  },
  completed: {
    sentence: ({ point, department, date }) =>
      `${point}（牵头单位：${department}）已办结${date ? `，完成时限为${date}` : ''}。`,
    detailLabel: '说明',
  },
  'extension-requested': {
    sentence: ({ point, department, date }) =>
      `${department}申请${point}延期${date ? `，原完成时限为${date}` : ''}，请审批。`,
    detailLabel: '申请理由',
  },
  'extension-decided': {
    sentence: ({ point, department, date }) =>
      `${point}（牵头单位：${department}）的延期申请已审批${date ? `，完成时限为${date}` : ''}。`,
    detailLabel: '审批结果',
  },
  urged: {
    sentence: ({ point, department, date }) =>
      `督办员对${point}（牵头单位：${department}）进行催办${date ? `，完成时限为${date}` : ''}，请抓紧办理并及时反馈。`,
    detailLabel: '催办意见',
  },
  bulletin: {
    sentence: ({ point }) => `${point}工作要点落实情况通报及各单位得分排名已生成，请审阅后印发。`,
    detailLabel: '说明',
  },
  'account-locked': {
    sentence: ({ point }) =>
      `账号${point}因连续登录失败已被锁定。如非本人操作，请立即联系系统管理员；管理员可在“人员管理”中解锁或重置密码。`,
    detailLabel: '详情',
  },
};

function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, max - 1)
    .join('')
    .replace(/[，。；、：,.;:\s]+$/u, '')}…`;
}

/**
 * The message for one notification, in Simplified Chinese: a short title (email subject,
 * robot card title), plain text for email and the inbox, markdown for the robots. Every kind
 * names the plan, the point's number and title, the lead department, the due date where there
 * is one, the detail text where given, and the link.
 */
export function renderNotification(ctx: NotificationContext): RenderedMessage {
  const template = TEMPLATES[ctx.kind];
  const label = NOTIFICATION_LABELS[ctx.kind];
  // A plan-level notice (the bulletin) names the plan and the month instead of a point; an
  // account notice names the account.
  const planLevel = ctx.kind === 'bulletin';
  const accountLevel = ctx.kind === 'account-locked';
  const facts: Facts = {
    point: accountLevel
      ? `“${ctx.pointTitle}”`
      : planLevel
        ? `《${ctx.planTitle}》${ctx.pointTitle}`
        : `《${ctx.planTitle}》第${ctx.pointNumber}项“${ctx.pointTitle}”`,
    department: ctx.departmentName,
    date: ctx.dueDate ? chineseDate(ctx.dueDate) : null,
  };
  const sentence = template.sentence(facts);
  const detail = ctx.detail?.trim() ? `${template.detailLabel}：${ctx.detail.trim()}` : null;

  const title = accountLevel
    ? `【${label}】${shorten(ctx.pointTitle, TITLE_POINT_CHARS)}`
    : planLevel
      ? `【${label}】${ctx.pointTitle}《${shorten(ctx.planTitle, TITLE_POINT_CHARS)}》`
      : `【${label}】第${ctx.pointNumber}项“${shorten(ctx.pointTitle, TITLE_POINT_CHARS)}”`;
  const text = [sentence, ...(detail ? [detail] : []), `查看详情：${ctx.link}`].join('\n');
  // Blank lines between paragraphs: DingTalk's markdown joins single-newline lines.
  const markdown = [
    `### ${title}`,
    sentence,
    ...(detail ? [`> ${detail.replace(/\n+/g, ' ')}`] : []),
    `[查看详情](${ctx.link})`,
  ].join('\n\n');
  return { title, text, markdown, link: ctx.link };
}

/**
 * One message a day for a person with several notices: 《每日督办提醒》, how many, and one
 * line per notice with its link. `link` is where the whole list is (the inbox); by default the
 * web app's address taken from the first notice.
 */
export function renderDigest(
  items: RenderedMessage[],
  date: string,
  recipientName: string,
  link: string = digestLink(items),
): RenderedMessage {
  const day = chineseDate(date);
  const title = `《每日督办提醒》${day}（${items.length}条）`;
  const intro =
    items.length > 0
      ? `${recipientName}：${day}共有${items.length}条督办提醒，请及时处理。`
      : `${recipientName}：${day}没有新的督办提醒。`;
  const textLines = items.map((item, i) => `${i + 1}. ${item.title} ${item.link}`);
  const mdLines = items.map((item, i) => `${i + 1}. [${item.title}](${item.link})`);
  const text = [intro, ...textLines, ...(link ? [`查看全部：${link}`] : [])].join('\n');
  const markdown = [
    `### 《每日督办提醒》${day}`,
    intro,
    ...(mdLines.length > 0 ? [mdLines.join('\n')] : []),
    ...(link ? [`[查看全部](${link})`] : []),
  ].join('\n\n');
  return { title, text, markdown, link };
}

function digestLink(items: RenderedMessage[]): string {
  const first = items[0]?.link;
  if (!first) return '';
  try {
    return `${new URL(first).origin}/`;
  } catch {
    return first;
  }
}
