import { WorkCalendar } from '@workpoints/calendar';
import type {
  Channel,
  NoticeRecipient,
  NotificationContext,
  NotificationKind,
  PointParties,
  TransitionRecord,
} from '@workpoints/contracts';
import { deliveryTime, notificationPreferences, shanghaiDate } from '@workpoints/domain';
import {
  DepartmentEntity,
  DepartmentRobotEntity,
  NotificationEntity,
  PlanEntity,
  UserEntity,
  loadCalendarData,
  type WorkPointEntity,
} from '@workpoints/persistence';
import { In, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** One reason to tell people: a notice of the workflow, or an event of the lifecycle. */
interface Occasion {
  kind: NotificationKind;
  occasion: string;
  dueDate: string | null;
  recipients: NoticeRecipient[];
  parties: PointParties;
  detail: string | null;
}

/** The lifecycle events people are told of, and whom (roles on the point). */
function eventOccasions(rec: TransitionRecord, parties: PointParties): Occasion[] {
  const base = { occasion: rec.requestId, parties, dueDate: null };
  switch (rec.event) {
    case 'publish':
      return [{ ...base, kind: 'assigned', recipients: ['lead', 'lead-head', 'co'], detail: null }];
    case 'return':
      return [{ ...base, kind: 'returned', recipients: ['lead'], detail: rec.comment }];
    case 'approve':
      return rec.signOff?.level === 'supervisor'
        ? [
            {
              ...base,
              kind: 'completed',
              recipients: ['lead', 'lead-head', 'coordinator'],
              detail: rec.comment,
            },
          ]
        : [{ ...base, kind: 'approved', recipients: ['lead', 'supervisor'], detail: rec.comment }];
    case 'request-extension': {
      const ext = rec.changes?.extension;
      const detail = ext ? `申请延期至 ${ext.deadline}：${ext.reason ?? ''}` : rec.comment;
      return [{ ...base, kind: 'extension-requested', recipients: ['supervisor'], detail }];
    }
    case 'decide-extension': {
      const ext = rec.changes?.extension;
      const detail = ext
        ? ext.decision === 'approved'
          ? `同意延期至 ${ext.deadline}${ext.reason ? `：${ext.reason}` : ''}`
          : `不同意延期：${ext.reason ?? ''}`
        : rec.comment;
      return [{ ...base, kind: 'extension-decided', recipients: ['lead', 'lead-head'], detail }];
    }
    // The department's own steps and the workflow's own notices (sent as notices) tell no one
    // here; steering is seen in the point's timeline.
    case 'acknowledge':
    case 'report':
    case 'submit':
    case 'contribute':
    case 'notice':
    case 'overdue':
    case 'risk':
    case 'suspend':
    case 'resume':
    case 'cancel':
    case 'reassign':
    case 'change-deadline':
    case 'change-policy':
      return [];
  }
}

/**
 * The outbox rows of a transition: every notice and lifecycle event, to every person (on the
 * channels they chose) and every department robot it concerns, each with the instant it may
 * go out (quiet hours, non-working days, digests). Runs inside the recording transaction, so
 * a transition and its notifications are stored together or not at all; the unique key makes
 * a repeated row a no-op.
 */
export async function writeNotifications(
  tx: EntityManager,
  rec: TransitionRecord,
  point: WorkPointEntity,
  publicUrl: string,
): Promise<number> {
  const parties: PointParties = rec.changes?.parties ?? {
    leadDepartmentId: point.leadDepartmentId ?? '',
    coDepartmentIds: [],
    supervisorId: point.supervisorId ?? '',
  };
  const occasions: Occasion[] = [
    ...(rec.notices ?? []).map((n) => ({
      kind: n.kind,
      occasion: `${n.dueDate}@${n.noticeDate}`,
      dueDate: n.dueDate,
      recipients: n.recipients,
      parties: n.parties,
      detail: null,
    })),
    ...eventOccasions(rec, parties),
  ];
  if (occasions.length === 0) return 0;
  if (!rec.changes?.parties)
    for (const o of occasions)
      if (o.parties === parties) o.parties = await withCoDepartments(tx, point, parties);

  const at = new Date(rec.at);
  const year = Number(shanghaiDate(at).slice(0, 4));
  const calendar = new WorkCalendar(await loadCalendarData(tx, year, year + 1));
  const plan = await tx.findOneByOrFail(PlanEntity, { id: point.planId });
  const lead = parties.leadDepartmentId
    ? await tx.findOneBy(DepartmentEntity, { id: parties.leadDepartmentId })
    : null;

  const rows: QueryDeepPartialEntity<NotificationEntity>[] = [];
  for (const o of occasions) {
    const context: NotificationContext = {
      kind: o.kind,
      pointNumber: point.number,
      pointTitle: point.title,
      planTitle: plan.title,
      departmentName: lead?.name ?? '',
      dueDate: o.dueDate,
      link: `${publicUrl}/points/${point.id}`,
      detail: o.detail,
    };
    const { users, departments } = await recipientsOf(tx, o.recipients, o.parties);
    for (const user of users) {
      const preferences = notificationPreferences(user.notificationPreferences);
      const channels = preferences.kinds[o.kind] ?? preferences.channels;
      for (const channel of channels) {
        if (channel === 'email' && !user.email) continue;
        rows.push(
          row(point.id, o, context, channel, { userId: user.id }, at, preferences, calendar),
        );
      }
    }
    if (departments.length > 0) {
      const robots = await tx.findBy(DepartmentRobotEntity, {
        departmentId: In(departments),
        enabled: true,
      });
      for (const robot of robots)
        rows.push(
          row(
            point.id,
            o,
            context,
            robot.channel,
            { departmentId: robot.departmentId },
            at,
            notificationPreferences(null),
            calendar,
          ),
        );
    }
  }
  if (rows.length === 0) return 0;
  await tx.createQueryBuilder().insert().into(NotificationEntity).values(rows).orIgnore().execute();
  return rows.length;
}

function row(
  pointId: string,
  o: Occasion,
  context: NotificationContext,
  channel: Channel,
  to: { userId: string } | { departmentId: string },
  at: Date,
  preferences: ReturnType<typeof notificationPreferences>,
  calendar: WorkCalendar,
): QueryDeepPartialEntity<NotificationEntity> {
  const { notBefore, digest } = deliveryTime({ at, channel, urgent: false, preferences, calendar });
  return {
    pointId,
    ...('userId' in to
      ? { userId: to.userId, departmentId: null, recipientKey: `user:${to.userId}` }
      : {
          userId: null,
          departmentId: to.departmentId,
          recipientKey: `department:${to.departmentId}`,
        }),
    kind: o.kind,
    occasion: o.occasion,
    channel,
    context,
    urgent: false,
    digest,
    notBefore,
    status: 'pending',
    createdAt: at,
  };
}

/** The co-departments as the read model holds them, unless the transition changed them. */
async function withCoDepartments(
  tx: EntityManager,
  point: WorkPointEntity,
  parties: PointParties,
): Promise<PointParties> {
  const rows: { department_id: string }[] = await tx.query(
    'SELECT department_id FROM work_point_co_departments WHERE point_id = $1',
    [point.id],
  );
  return { ...parties, coDepartmentIds: rows.map((r) => r.department_id) };
}

/** People (and departments, for their robots) behind the roles on a point. */
async function recipientsOf(
  tx: EntityManager,
  roles: NoticeRecipient[],
  parties: PointParties,
): Promise<{ users: UserEntity[]; departments: string[] }> {
  const users = new Map<string, UserEntity>();
  const departments = new Set<string>();
  const add = (list: UserEntity[]) => list.forEach((u) => users.set(u.id, u));
  const inDepartments = (ids: string[], role: 'staff' | 'head') =>
    ids.length === 0
      ? Promise.resolve([])
      : tx
          .getRepository(UserEntity)
          .createQueryBuilder('u')
          .where('u.department_id IN (:...ids)', { ids })
          .andWhere(':role = ANY(u.roles)', { role })
          .andWhere('u.active')
          .getMany();
  for (const role of new Set(roles)) {
    switch (role) {
      case 'lead':
        add(await inDepartments([parties.leadDepartmentId], 'staff'));
        departments.add(parties.leadDepartmentId);
        break;
      case 'lead-head':
        add(await inDepartments([parties.leadDepartmentId], 'head'));
        departments.add(parties.leadDepartmentId);
        break;
      case 'co':
        add(await inDepartments(parties.coDepartmentIds, 'staff'));
        parties.coDepartmentIds.forEach((id) => departments.add(id));
        break;
      case 'supervisor':
        add(await tx.findBy(UserEntity, { id: parties.supervisorId, active: true }));
        break;
      case 'coordinator':
        add(
          await tx
            .getRepository(UserEntity)
            .createQueryBuilder('u')
            .where(`'coordinator' = ANY(u.roles)`)
            .andWhere('u.active')
            .getMany(),
        );
        break;
    }
  }
  return { users: [...users.values()], departments: [...departments].filter(Boolean) };
}
