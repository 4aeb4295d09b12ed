import type { Comparator, Target } from '../target.types';
import type { CalendarDate } from './wire';

/** One target of a plan's point, with its latest actual and the year's trend. */
export interface TargetProgressRow {
  point: { id: string; number: number; title: string };
  /** Lead department (牵头单位); null when none is assigned. */
  department: { id: string; name: string } | null;
  target: {
    /** Index into the point's targets, as departments report against it. */
    index: number;
    text: string;
    value: number;
    valueMax: number | null;
    unit: string;
    comparator: Comparator;
    /** A stretch target (力争). */
    aspirational: boolean;
  };
  /** The latest reported actual, whenever reported; `date` is its day in Asia/Shanghai. */
  latest: { value: number; date: CalendarDate } | null;
  /** Whether the latest actual meets the target; null before any actual. */
  met: boolean | null;
  /** `met` in Chinese. */
  metLabel: string;
  /** Every actual reported in the plan's year, oldest first. */
  trend: { date: CalendarDate; value: number }[];
}

/** Quantitative targets across a plan (目标完成情况). */
export interface TargetProgress {
  planId: string;
  year: number;
  rows: TargetProgressRow[];
  totals: {
    targets: number;
    /** Targets with at least one actual. */
    withActual: number;
    /** Targets whose latest actual meets them. */
    met: number;
  };
}

/** A point's targets after one was added by hand. */
export interface PointTargets {
  pointId: string;
  /** The same request id came before: nothing new was added. */
  repeated: boolean;
  /** The point's targets; `index` is what departments report actuals against. */
  targets: (Target & { index: number })[];
}
