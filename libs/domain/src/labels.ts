import type {
  Channel,
  DeliveryStatus,
  NoticeKind,
  NoticeRecipient,
  PlanEvent,
  PointStatus,
  RiskColour,
  Role,
  TimelineEvent,
} from '@workpoints/contracts';

/** Chinese labels shown to users; the English keys are what code and the API use. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  coordinator: '督办员',
  staff: '承办人',
  head: '处室负责人',
  supervisor: '分管领导',
};

export const STATUS_LABELS: Record<PointStatus, string> = {
  draft: '草稿',
  assigned: '已交办',
  acknowledged: '已签收',
  in_progress: '推进中',
  submitted: '已报送办结',
  head_approved: '处室负责人已审核',
  completed: '已办结',
  cancelled: '已取消',
};

export const RISK_LABELS: Record<RiskColour, string> = {
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
};

export const EVENT_LABELS: Record<TimelineEvent, string> = {
  publish: '发布交办',
  acknowledge: '签收',
  report: '报送进展',
  submit: '申请办结',
  approve: '审核通过',
  return: '退回',
  overdue: '逾期',
  notice: '提醒',
  risk: '预警变化',
  contribute: '配合单位报送材料',
  'request-extension': '申请延期',
  'decide-extension': '审批延期',
  suspend: '暂停',
  resume: '恢复',
  cancel: '取消',
  reassign: '调整责任单位',
  'change-deadline': '调整完成时限',
  'change-policy': '调整督办规则',
};

export const NOTICE_LABELS: Record<NoticeKind, string> = {
  'ack-reminder': '签收提醒',
  'report-reminder': '进展报送提醒',
  'report-missed': '未按时报送进展',
  'deadline-reminder': '到期提醒',
  overdue: '逾期通知',
  escalation: '逾期提请督办',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  inbox: '站内消息',
  email: '邮件',
  wecom: '企业微信机器人',
  dingtalk: '钉钉机器人',
  feishu: '飞书机器人',
};

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: '待发送',
  queued: '发送中',
  sent: '已发送',
  dead: '发送失败',
};

export const RECIPIENT_LABELS: Record<NoticeRecipient, string> = {
  lead: '牵头单位',
  'lead-head': '牵头单位负责人',
  co: '配合单位',
  supervisor: '分管领导',
  coordinator: '督办员',
};

/**
 * What a timeline entry is called: its event, except that a sign-off says which level approved
 * or returned, and an extension decision whether it was granted. A key, so each language names
 * it in its own words (the web app's English), and TIMELINE_LABELS in Chinese.
 */
export type TimelineLabelKey =
  | TimelineEvent
  | PlanEvent
  | 'approve-head'
  | 'approve-supervisor'
  | 'return-head'
  | 'return-supervisor'
  | 'extension-approved'
  | 'extension-rejected';

export const PLAN_EVENT_LABELS: Record<PlanEvent, string> = {
  plan_created: '创建计划',
  plan_assigned: '调整交办',
  plan_published: '发布计划',
  plan_imported: '导入计划',
  plan_edited: '修改草稿',
  suggestions_applied: '采纳建议的牵头单位',
  calendar_changed: '调整工作日历',
  // Recorded by the API on a point's trail without changing its lifecycle.
  urge: '督办员催办',
  notification_retried: '重发通知',
  robot_changed: '设置群机器人',
  target_added: '添加量化目标',
};

export const TIMELINE_LABELS: Record<TimelineLabelKey, string> = {
  ...EVENT_LABELS,
  ...PLAN_EVENT_LABELS,
  'approve-head': '处室负责人审核通过',
  'approve-supervisor': '分管领导审核通过，办结',
  'return-head': '处室负责人退回',
  'return-supervisor': '分管领导退回',
  'extension-approved': '同意延期',
  'extension-rejected': '不同意延期',
};

/**
 * The key of a timeline entry's label (from the audit row's event, status before, and
 * `after.changes.extension.decision`); null for an event no release records any more.
 */
export function timelineLabelKey(
  event: string,
  from: string | null,
  after?: { changes?: unknown } | null,
): TimelineLabelKey | null {
  if (event === 'decide-extension') {
    const decision = (after?.changes as { extension?: { decision?: string } } | null | undefined)
      ?.extension?.decision;
    if (decision === 'approved') return 'extension-approved';
    if (decision === 'rejected') return 'extension-rejected';
  }
  const level = from === 'head_approved' ? 'supervisor' : 'head';
  if (event === 'approve') return `approve-${level}`;
  if (event === 'return') return `return-${level}`;
  return event in TIMELINE_LABELS ? (event as TimelineLabelKey) : null;
}

/** The Chinese label of a timeline entry (an unknown event shows as it is). */
export function timelineLabel(
  event: string,
  from: string | null,
  after?: Record<string, unknown> | null,
): string {
  const key = timelineLabelKey(event, from, after);
  return key ? TIMELINE_LABELS[key] : event;
}
