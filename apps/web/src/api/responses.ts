/**
 * What each API operation answers. The API's handlers return these types; the web app
 * imports them (type-only, erased from the bundle) instead of copying them, and
 * `Jsonify` turns them into what arrives over the wire (dates become strings).
 * Every key must name an operation of the OpenAPI document (checked below).
 */
import type { Jsonify } from 'type-fest';
import type { Actor } from '@workpoints/contracts';
import type {
  CalendarOverrideEntity,
  DepartmentEntity,
  PlanEntity,
  PlanNodeEntity,
  UserEntity,
  WorkPointEntity,
} from '../../../../libs/persistence/src/entities';
import type { TargetProgress } from '../../../../libs/reports/src/target-progress';
import type { BulletinSummary } from '../../../../libs/reports/src/bulletin/produce-bulletin';
import type { PointDetail, PointSummary } from '../../../api/src/points/points.service';
import type { PointStateView } from '../../../api/src/points/point-actions.service';
import type { TodoView } from '../../../api/src/points/todo.service';
import type {
  AttachmentUploaded,
  AttachmentView,
} from '../../../api/src/attachments/attachments.service';
import type { PlanView } from '../../../api/src/plans/plans.service';
import type { PublishResult } from '../../../api/src/plans/plan-publication.service';
import type { ImportView } from '../../../api/src/imports/imports.service';
import type { DepartmentNode } from '../../../api/src/departments/departments.service';
import type { InboxPage } from '../../../api/src/notifications/inbox.service';
import type { RobotView } from '../../../api/src/notifications/robots.service';
import type { NotificationPage } from '../../../api/src/notifications/notifications.service';
import type { UrgeResult } from '../../../api/src/notifications/urge.service';
import type { CalendarYearView } from '../../../api/src/calendar/calendar.service';
import type { PlanDashboard } from '../../../api/src/dashboard/dashboard.service';
import type { ExportAccepted, ExportView } from '../../../api/src/exports/exports.service';
import type { PointTargets } from '../../../api/src/targets/targets.service';
import type { ScoreRulesView } from '../../../api/src/bulletins/bulletins.service';
import type { paths } from './openapi';

type Action = Jsonify<PointStateView>;

interface Responses {
  'post /api/auth/login': { accessToken: string; user: Actor };
  'get /api/me': Actor;
  'get /api/departments': DepartmentEntity[];
  'post /api/departments': DepartmentEntity;
  'get /api/departments/tree': DepartmentNode[];
  'get /api/users': UserEntity[];
  'post /api/users': UserEntity;
  'get /api/imports': ImportView[];
  'post /api/imports/text': ImportView;
  'get /api/imports/{importId}': ImportView;
  'get /api/calendar/{year}': CalendarYearView;
  'post /api/calendar/overrides': CalendarOverrideEntity;
  'delete /api/calendar/overrides/{overrideId}': null;
  'get /api/plans': PlanEntity[];
  'get /api/plans/{planId}': PlanView;
  'patch /api/plans/{planId}': PlanView;
  'patch /api/plans/{planId}/points/{pointId}': WorkPointEntity;
  'delete /api/plans/{planId}/points/{pointId}': null;
  'post /api/plans/{planId}/points': WorkPointEntity;
  'post /api/plans/{planId}/points/{pointId}/merge': WorkPointEntity;
  'post /api/plans/{planId}/points/{pointId}/split': WorkPointEntity[];
  'patch /api/plans/{planId}/nodes/{nodeId}': PlanNodeEntity;
  'post /api/plans/{planId}/apply-suggestions': { applied: number };
  'post /api/plans/{planId}/publish': PublishResult;
  'get /api/plans/{planId}/dashboard': PlanDashboard;
  'get /api/plans/{planId}/targets': TargetProgress;
  'post /api/plans/{planId}/exports': ExportAccepted;
  'get /api/exports/{exportId}': ExportView;
  'get /api/plans/{planId}/bulletins': BulletinSummary[];
  'post /api/plans/{planId}/bulletins/{month}': BulletinSummary;
  'get /api/plans/{planId}/score-rules': ScoreRulesView;
  'get /api/me/todo': TodoView;
  'post /api/points/{pointId}/attachments': AttachmentUploaded;
  'get /api/points/{pointId}/attachments': AttachmentView[];
  'get /api/points': { total: number; items: PointSummary[] };
  'get /api/points/{pointId}': PointDetail;
  'get /api/points/{pointId}/state': PointStateView;
  'post /api/points/{pointId}/acknowledge': Action;
  'post /api/points/{pointId}/reports': Action;
  'post /api/points/{pointId}/submit': Action;
  'post /api/points/{pointId}/approve': Action;
  'post /api/points/{pointId}/return': Action;
  'post /api/points/{pointId}/contributions': Action;
  'post /api/points/{pointId}/extension-requests': Action;
  'post /api/points/{pointId}/extension-requests/decision': Action;
  'post /api/points/{pointId}/suspend': Action;
  'post /api/points/{pointId}/resume': Action;
  'post /api/points/{pointId}/cancel': Action;
  'post /api/points/{pointId}/reassign': Action;
  'put /api/points/{pointId}/deadline': Action;
  'put /api/points/{pointId}/policy': Action;
  'post /api/points/{pointId}/targets': PointTargets;
  'post /api/points/{pointId}/urge': UrgeResult;
  'get /api/points/{pointId}/notifications': NotificationPage;
  'get /api/inbox': InboxPage;
  'get /api/inbox/unread-count': { unreadCount: number };
  'post /api/inbox/read-all': { marked: number; unreadCount: number };
  'post /api/inbox/{id}/read': { unreadCount: number };
  'get /api/departments/{id}/robots': RobotView[];
  'put /api/departments/{id}/robots/{channel}': RobotView;
  'delete /api/departments/{id}/robots/{channel}': null;
}

/** `get /api/points/{pointId}` and the like: every method and path of the OpenAPI document. */
export type Operation = {
  [P in keyof paths]: {
    [M in keyof paths[P] & string]: M extends 'parameters'
      ? never
      : [NonNullable<paths[P][M]>] extends [never]
        ? never
        : `${M} ${P & string}`;
  }[keyof paths[P] & string];
}[keyof paths];

/** The wire form of an operation's answer. */
export type ApiResponses = { [K in keyof Responses]: Jsonify<Responses[K]> };

// Fails to compile when a response above names an operation the API no longer documents.
type Undocumented = Exclude<keyof Responses, Operation>;
export const responsesMatchTheDocument: [Undocumented] extends [never] ? true : Undocumented = true;
