import type { PointStatus, RiskColour } from '../work-point/work-point.types';
import type { CalendarDate } from './wire';

/** A point as the dashboard's lists show it. */
export interface DashboardPoint {
  id: string;
  number: number;
  title: string;
  deadline: CalendarDate;
  status: PointStatus;
  statusLabel: string;
  risk: RiskColour;
  departmentId: string | null;
  departmentName: string | null;
}

export interface OverduePoint extends DashboardPoint {
  /** Working days since the (working-day-adjusted) deadline; null in a year the calendar does not know. */
  workdaysLate: number | null;
}

export interface DueSoonPoint extends DashboardPoint {
  /** Working days left to the deadline; null in a year the calendar does not know. */
  workdaysLeft: number | null;
}

export type StatusCounts = Record<PointStatus, number>;
export type RiskCounts = Record<RiskColour, number>;

/** A chapter's points by traffic light (`chapterId` null: points under no chapter). */
export interface ChapterFigures {
  chapterId: string | null;
  label: string;
  title: string;
  total: number;
  byRisk: RiskCounts;
}

/** A lead department's points (`departmentId` null: points with no lead yet). */
export interface DepartmentFigures {
  departmentId: string | null;
  name: string;
  /** Points it leads. */
  led: number;
  completed: number;
  /** Completed without ever turning overdue. */
  onTime: number;
  /** Completed after turning overdue. */
  completedLate: number;
  /** Open and overdue now. */
  overdue: number;
  /** Missed-report flags raised against it (每次未按时报送进展). */
  reportsMissed: number;
}

/** What supervisors read first (督办看板): a plan's points counted and listed. */
export interface PlanDashboard {
  planId: string;
  /** The day the figures are for (Asia/Shanghai). */
  today: CalendarDate;
  total: number;
  byStatus: StatusCounts;
  byRisk: RiskCounts;
  /** The lights in Chinese. */
  riskLabels: Record<RiskColour, string>;
  byChapter: ChapterFigures[];
  byDepartment: DepartmentFigures[];
  /** Open overdue points, the latest first, with the working days since the deadline. */
  overdue: OverduePoint[];
  /** Open points due within the next `dueWithinWorkdays` working days, soonest first. */
  dueSoon: DueSoonPoint[];
  dueWithinWorkdays: number;
}
