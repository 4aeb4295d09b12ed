/**
 * What each API operation answers: the view types of `@workpoints/contracts`, which the API's
 * handlers return and its OpenAPI document describes. Every key must name an operation of the
 * document, and its answer must be what the document says it is (both checked below), so the
 * web app, the API and the document cannot drift apart without the build failing.
 */
import type {
  Actor,
  AppliedSuggestionsView,
  AttachmentUploaded,
  AttachmentView,
  AuthOptionsView,
  BulletinView,
  CalendarOverrideView,
  CalendarYearView,
  DepartmentNode,
  DepartmentView,
  ExportAccepted,
  ExportView,
  ImportView,
  InboxPage,
  InboxReadAllView,
  InboxReadView,
  LoginView,
  NotificationPage,
  PasswordResetView,
  PlanDashboard,
  PlanHeadingView,
  PlanPointView,
  PlanSummaryView,
  PlanView,
  PointDetail,
  PointPage,
  PointStateView,
  PointTargets,
  PublishResult,
  RobotView,
  ScoreRulesView,
  SecurityEventPage,
  SecuritySettingsView,
  SessionView,
  SessionsRevokedView,
  TicketView,
  TargetProgress,
  TodoView,
  UnreadCountView,
  UrgeResult,
  UserView,
} from '@workpoints/contracts';
import type { paths } from './openapi';

type Action = PointStateView;

/** null: the operation answers 204 No Content. */
interface Responses {
  'post /api/auth/login': LoginView;
  'post /api/auth/refresh': LoginView;
  'post /api/auth/logout': null;
  'post /api/auth/logout-all': SessionsRevokedView;
  'post /api/auth/password': null;
  'get /api/auth/sessions': SessionView[];
  'delete /api/auth/sessions/{sessionId}': null;
  'post /api/auth/tickets': TicketView;
  'get /api/auth/options': AuthOptionsView;
  'get /api/me': Actor;
  'get /api/departments': DepartmentView[];
  'post /api/departments': DepartmentView;
  'get /api/departments/tree': DepartmentNode[];
  'get /api/users': UserView[];
  'post /api/users': UserView;
  'patch /api/users/{userId}': UserView;
  'post /api/users/{userId}/deactivate': UserView;
  'post /api/users/{userId}/reactivate': UserView;
  'post /api/users/{userId}/reset-password': PasswordResetView;
  'post /api/users/{userId}/unlock': UserView;
  'post /api/users/{userId}/sessions/revoke': SessionsRevokedView;
  'get /api/security-events': SecurityEventPage;
  'get /api/security-settings': SecuritySettingsView;
  'put /api/security-settings': SecuritySettingsView;
  'get /api/imports': ImportView[];
  'post /api/imports/text': ImportView;
  'get /api/imports/{importId}': ImportView;
  'get /api/calendar/{year}': CalendarYearView;
  'post /api/calendar/overrides': CalendarOverrideView;
  'delete /api/calendar/overrides/{overrideId}': null;
  'get /api/plans': PlanSummaryView[];
  'get /api/plans/{planId}': PlanView;
  'patch /api/plans/{planId}': PlanView;
  'patch /api/plans/{planId}/points/{pointId}': PlanPointView;
  'delete /api/plans/{planId}/points/{pointId}': null;
  'post /api/plans/{planId}/points': PlanPointView;
  'post /api/plans/{planId}/points/{pointId}/merge': PlanPointView;
  'post /api/plans/{planId}/points/{pointId}/split': PlanPointView[];
  'patch /api/plans/{planId}/nodes/{nodeId}': PlanHeadingView;
  'post /api/plans/{planId}/apply-suggestions': AppliedSuggestionsView;
  'post /api/plans/{planId}/publish': PublishResult;
  'get /api/plans/{planId}/dashboard': PlanDashboard;
  'get /api/plans/{planId}/targets': TargetProgress;
  'post /api/plans/{planId}/exports': ExportAccepted;
  'get /api/exports/{exportId}': ExportView;
  'get /api/plans/{planId}/bulletins': BulletinView[];
  'post /api/plans/{planId}/bulletins/{month}': BulletinView;
  'get /api/plans/{planId}/score-rules': ScoreRulesView;
  'get /api/me/todo': TodoView;
  'post /api/points/{pointId}/attachments': AttachmentUploaded;
  'get /api/points/{pointId}/attachments': AttachmentView[];
  'get /api/points': PointPage;
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
  'get /api/inbox/unread-count': UnreadCountView;
  'post /api/inbox/read-all': InboxReadAllView;
  'post /api/inbox/{id}/read': InboxReadView;
  'get /api/departments/{id}/robots': RobotView[];
  'put /api/departments/{id}/robots/{channel}': RobotView;
  'delete /api/departments/{id}/robots/{channel}': null;
}

/** The wire form of an operation's answer (the views already carry dates as ISO strings). */
export type ApiResponses = Responses;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

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

/** The JSON body the document gives for an operation's success (200, 201 or 202). */
type DocumentedAnswer<K extends string> = K extends `${infer M extends Method} ${infer P}`
  ? P extends keyof paths
    ? M extends keyof paths[P]
      ? NonNullable<paths[P][M]> extends { responses: infer R }
        ? {
            [C in keyof R & (200 | 201 | 202)]: R[C] extends {
              content: { 'application/json': infer B };
            }
              ? B
              : never;
          }[keyof R & (200 | 201 | 202)]
        : never
      : never
    : never
  : never;

/** Each accepts the other: the view and the documented answer have the same fields and types. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// Fails to compile when a response above names an operation the API no longer documents.
type Undocumented = Exclude<keyof Responses, Operation>;
export const responsesMatchTheDocument: [Undocumented] extends [never] ? true : Undocumented = true;

// Fails to compile, naming the operations, when a view and the document's answer differ: a
// field the response DTO forgot (or describes with another type), or one the view lacks.
type Mismatched = {
  [K in keyof Responses]: Responses[K] extends null
    ? never
    : Same<Responses[K], DocumentedAnswer<K>> extends true
      ? never
      : K;
}[keyof Responses];
export const viewsMatchTheDocument: [Mismatched] extends [never]
  ? true
  : `the answer differs from the OpenAPI document: ${Mismatched}` = true;
