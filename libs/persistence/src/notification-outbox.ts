import { WorkCalendar } from '@workpoints/calendar';
import type {
  Channel,
  NoticeRecipient,
  NotificationContext,
  NotificationKind,
  PointParties,
} from '@workpoints/contracts';
import {
  addressees,
  deliveryTime,
  notificationPreferences,
  shanghaiDate,
} from '@workpoints/domain';
import { In, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm';
import { loadCalendarData } from './calendar-store';
import { DepartmentEntity } from './entities/department.entity';
import { DepartmentRobotEntity } from './entities/department-robot.entity';
import { NotificationEntity } from './entities/notification.entity';
import { PlanEntity } from './entities/plan.entity';
import { UserEntity } from './entities/user.entity';
import type { WorkPointEntity } from './entities/work-point.entity';

/** One reason to tell people about a point: a notice, an event, the coordinator's chase. */
export interface NotificationOccasion {
  kind: NotificationKind;
  /** What makes it this one: `due@sent` for a notice, the request id for an event. */
  occasion: string;
  dueDate: string | null;
  /** Roles on the point to tell. */
  recipients: NoticeRecipient[];
  parties: PointParties;
  detail: string | null;
  /** Marked urgent by the coordinator: never held by quiet hours or digests. */
  urgent?: boolean;
}

/**
 * Writes the outbox rows of some occasions of one point: to every person behind the roles (on
 * the channels they chose; email only with an address) and to every enabled robot of the
 * departments concerned, each with the instant it may go out (`deliveryTime`: quiet hours,
 * non-working days, digests). Call it inside the transaction that records what caused them;
 * the unique key makes a repeated row a no-op. Returns how many rows it offered.
 */
export async function writeOutbox(
  tx: EntityManager,
  point: WorkPointEntity,
  occasions: NotificationOccasion[],
  at: Date,
  publicUrl: string,
): Promise<number> {
  if (occasions.length === 0) return 0;
  const year = Number(shanghaiDate(at).slice(0, 4));
  const calendar = new WorkCalendar(await loadCalendarData(tx, year, year + 1));
  const plan = await tx.findOneByOrFail(PlanEntity, { id: point.planId });
  const rows: QueryDeepPartialEntity<NotificationEntity>[] = [];
  for (const o of occasions) {
    const lead = o.parties.leadDepartmentId
      ? await tx.findOneBy(DepartmentEntity, { id: o.parties.leadDepartmentId })
      : null;
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
    const urgent = o.urgent ?? false;
    const row = (
      channel: Channel,
      to: { userId: string } | { departmentId: string },
      preferences: ReturnType<typeof notificationPreferences>,
    ): QueryDeepPartialEntity<NotificationEntity> => {
      const { notBefore, digest } = deliveryTime({ at, channel, urgent, preferences, calendar });
      return {
        pointId: point.id,
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
        urgent,
        digest,
        notBefore,
        status: 'pending',
        createdAt: at,
      };
    };
    const { users, departments } = await recipientsOf(tx, o.recipients, o.parties);
    for (const user of users) {
      const preferences = notificationPreferences(user.notificationPreferences);
      for (const channel of preferences.kinds[o.kind] ?? preferences.channels) {
        if (channel === 'email' && !user.email) continue;
        rows.push(row(channel, { userId: user.id }, preferences));
      }
    }
    if (departments.length > 0)
      for (const robot of await tx.findBy(DepartmentRobotEntity, {
        departmentId: In(departments),
        enabled: true,
      }))
        rows.push(
          row(robot.channel, { departmentId: robot.departmentId }, notificationPreferences(null)),
        );
  }
  if (rows.length === 0) return 0;
  await tx.createQueryBuilder().insert().into(NotificationEntity).values(rows).orIgnore().execute();
  return rows.length;
}

/**
 * People (and departments, for their robots) behind the roles on a point (libs/domain
 * `addressees`): the active staff or heads of the departments, the supervisor, the
 * coordinators.
 */
async function recipientsOf(
  tx: EntityManager,
  roles: NoticeRecipient[],
  parties: PointParties,
): Promise<{ users: UserEntity[]; departments: string[] }> {
  const users = new Map<string, UserEntity>();
  const departments = new Set<string>();
  const byRole = { staff: new Set<string>(), head: new Set<string>() };
  const supervisors = new Set<string>();
  let coordinators = false;
  for (const a of addressees([...new Set(roles)], parties)) {
    switch (a.recipient) {
      case 'lead':
      case 'lead-head':
      case 'co':
        byRole[a.role].add(a.departmentId);
        departments.add(a.departmentId);
        break;
      case 'supervisor':
        supervisors.add(a.userId);
        break;
      case 'coordinator':
        coordinators = true;
        break;
    }
  }
  const add = (list: UserEntity[]) => list.forEach((u) => users.set(u.id, u));
  for (const role of ['staff', 'head'] as const)
    if (byRole[role].size > 0)
      add(
        await tx
          .getRepository(UserEntity)
          .createQueryBuilder('u')
          .where('u.department_id IN (:...ids)', { ids: [...byRole[role]] })
          .andWhere(':role = ANY(u.roles)', { role })
          .andWhere('u.active')
          .getMany(),
      );
  for (const id of supervisors) add(await tx.findBy(UserEntity, { id, active: true }));
  if (coordinators)
    add(
      await tx
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .where(`'coordinator' = ANY(u.roles)`)
        .andWhere('u.active')
        .getMany(),
    );
  return { users: [...users.values()], departments: [...departments].filter(Boolean) };
}

/** A notice about a whole plan (the monthly bulletin), to people picked by role. */
export interface PlanNotice {
  kind: NotificationKind;
  /** Names the plan and what makes it this one, e.g. `bulletin:{planId}:2024-03`. */
  occasion: string;
  /** Shown where a point's title would be (the month, for the bulletin). */
  subject: string;
  link: string;
  detail: string | null;
}

/**
 * Writes the outbox rows of a plan-level notice to every active coordinator, on the channels
 * each chose (no robots: the bulletin is for the office, not the departments' groups). Rows
 * carry no point; `uq_notifications_plan_once` makes a repeated call a no-op.
 */
export async function writePlanOutbox(
  tx: EntityManager,
  plan: PlanEntity,
  notice: PlanNotice,
  at: Date,
): Promise<number> {
  const year = Number(shanghaiDate(at).slice(0, 4));
  const calendar = new WorkCalendar(await loadCalendarData(tx, year, year + 1));
  const context: NotificationContext = {
    kind: notice.kind,
    pointNumber: 0,
    pointTitle: notice.subject,
    planTitle: plan.title,
    departmentName: '',
    dueDate: null,
    link: notice.link,
    detail: notice.detail,
  };
  const coordinators = await tx
    .getRepository(UserEntity)
    .createQueryBuilder('u')
    .where(`'coordinator' = ANY(u.roles)`)
    .andWhere('u.active')
    .getMany();
  const rows: QueryDeepPartialEntity<NotificationEntity>[] = [];
  for (const user of coordinators) {
    const preferences = notificationPreferences(user.notificationPreferences);
    for (const channel of preferences.kinds[notice.kind] ?? preferences.channels) {
      if (channel === 'email' && !user.email) continue;
      const { notBefore, digest } = deliveryTime({
        at,
        channel,
        urgent: false,
        preferences,
        calendar,
      });
      rows.push({
        pointId: null,
        userId: user.id,
        departmentId: null,
        recipientKey: `user:${user.id}`,
        kind: notice.kind,
        occasion: notice.occasion,
        channel,
        context,
        urgent: false,
        digest,
        notBefore,
        status: 'pending',
        createdAt: at,
      });
    }
  }
  if (rows.length === 0) return 0;
  // ON CONFLICT DO NOTHING without a target also covers the partial unique index.
  await tx.createQueryBuilder().insert().into(NotificationEntity).values(rows).orIgnore().execute();
  return rows.length;
}

/** A notice about an account (a lock-out), to the person and to the admins. */
export interface AccountNotice {
  kind: NotificationKind;
  /** Names the account and what makes it this one, e.g. `locked:{userId}:{lockedAt}`. */
  occasion: string;
  /** The account as people know it: `吴佳怡（zlglc.staff）`. */
  subject: string;
  detail: string;
  /** Where the person is sent (their settings) and where the admins are (people admin). */
  links: { person: string; admins: string };
}

/**
 * Writes the outbox rows of an account notice to the person (when active) and every active
 * admin, on the channels each chose. Urgent: a lock-out is news now, not at the next working
 * morning. No robots: an account is no group's business. Returns how many rows it offered.
 */
export async function writeAccountOutbox(
  tx: EntityManager,
  person: UserEntity,
  notice: AccountNotice,
  at: Date,
): Promise<number> {
  const year = Number(shanghaiDate(at).slice(0, 4));
  const calendar = new WorkCalendar(await loadCalendarData(tx, year, year + 1));
  const admins = await tx
    .getRepository(UserEntity)
    .createQueryBuilder('u')
    .where(`'admin' = ANY(u.roles)`)
    .andWhere('u.active')
    .getMany();
  const recipients = new Map<string, { user: UserEntity; link: string }>();
  for (const admin of admins) recipients.set(admin.id, { user: admin, link: notice.links.admins });
  if (person.active) recipients.set(person.id, { user: person, link: notice.links.person });
  const rows: QueryDeepPartialEntity<NotificationEntity>[] = [];
  for (const { user, link } of recipients.values()) {
    const preferences = notificationPreferences(user.notificationPreferences);
    const context: NotificationContext = {
      kind: notice.kind,
      pointNumber: 0,
      pointTitle: notice.subject,
      planTitle: '',
      departmentName: '',
      dueDate: null,
      link,
      detail: notice.detail,
    };
    for (const channel of preferences.kinds[notice.kind] ?? preferences.channels) {
      if (channel === 'email' && !user.email) continue;
      const { notBefore, digest } = deliveryTime({
        at,
        channel,
        urgent: true,
        preferences,
        calendar,
      });
      rows.push({
        pointId: null,
        userId: user.id,
        departmentId: null,
        recipientKey: `user:${user.id}`,
        kind: notice.kind,
        occasion: notice.occasion,
        channel,
        context,
        urgent: true,
        digest,
        notBefore,
        status: 'pending',
        createdAt: at,
      });
    }
  }
  if (rows.length === 0) return 0;
  await tx.createQueryBuilder().insert().into(NotificationEntity).values(rows).orIgnore().execute();
  return rows.length;
}
