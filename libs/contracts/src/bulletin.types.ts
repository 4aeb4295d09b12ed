/**
 * The monthly bulletin (一月一通报): a Temporal Schedule starts `monthlyBulletinWorkflow` just
 * after midnight on the 1st of every month (Asia/Shanghai); the workflow waits for 09:00 on the
 * month's first working day — which a schedule's calendar spec cannot express — and produces
 * every published plan's bulletin for the month before.
 */
export const MONTHLY_BULLETIN_SCHEDULE_ID = 'workpoints-monthly-bulletin';
export const MONTHLY_BULLETIN_WORKFLOW_TYPE = 'monthlyBulletinWorkflow';
/** When the bulletin is produced on its first working day (Asia/Shanghai). */
export const MONTHLY_BULLETIN_TIME = '09:00';

export interface MonthlyBulletinInput {
  /** `YYYY-MM` to report on; by default the month before the one the run starts in. */
  month?: string | null;
}

export interface MonthlyBulletinResult {
  month: string;
  /** The working day it was produced on, `YYYY-MM-DD`. */
  producedOn: string;
  bulletins: ProducedBulletin[];
}

export interface ProducedBulletin {
  planId: string;
  bulletinId: string;
}

export interface ProduceBulletinsRequest {
  month: string;
  /** Workflow time of the production (ISO): the bulletin's date and the day its figures end. */
  at: string;
}

export interface BulletinActivities {
  /** Every published plan's bulletin for `month`, produced as the schedule's (coordinators told). */
  produceMonthlyBulletins(request: ProduceBulletinsRequest): Promise<ProducedBulletin[]>;
}
