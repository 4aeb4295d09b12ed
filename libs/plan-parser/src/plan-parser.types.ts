// Targets and parts are also in the API's answers, so their shapes live in the contracts.
import type { Comparator, PlanPart, Target } from '@workpoints/contracts';
export type { Comparator, PlanPart, Target };

export interface ParsedDeadline {
  /** The phrase as written: "6月底前", "上半年", "长期坚持", or the 完成时限 value. */
  text: string;
  /** YYYY-MM-DD in the plan's year; null for ongoing work or a phrase that cannot be resolved. */
  date: string | null;
}

/** One item of the document: a numbered work point, or (without numbers) a section or 一是 item. */
export interface ParsedPoint {
  /** The item's number in arabic digits, as numbered in its scope: "17", "3" for 三是, "2" for （2）. */
  no: string;
  /** The label as written: "17.", "4、", "一是", "（2）", "①", "（一）". */
  label: string;
  /** Numeral of the enclosing chapter (一、), without punctuation: "二". */
  chapter: string | null;
  /** Numeral of the enclosing section ((一)), without brackets: "五". */
  section: string | null;
  part: PlanPart;
  /** The first sentence, up to the first 。 (without it), responsibility phrases removed. */
  title: string;
  /** The whole item without its label, noise and stray spaces removed. */
  text: string;
  /** 一是…二是… (or a differently numbered list) inside the item, without their labels. */
  subItems: string[];
  leadUnits: string[];
  coUnits: string[];
  /** Units named in the text (会同省农业厅 → 省农业厅), other than the lead and co-units. */
  mentionedUnits: string[];
  deadline: ParsedDeadline | null;
  targets: Target[];
}

export interface ParsedSection {
  numeral: string;
  title: string;
}

/** A chapter heading (一、) with its sections ((一)): the skeleton of the plan's tree. */
export interface ParsedChapter {
  numeral: string;
  title: string;
  part: PlanPart;
  sections: ParsedSection[];
}

export interface ParsedPlan {
  /** The document's title line ("2023年全省知识产权工作要点"), null when it has none. */
  title: string | null;
  year: number | null;
  /** Headline targets: those of the preamble (and of a summary's forward-plan introduction). */
  targets: Target[];
  chapters: ParsedChapter[];
  points: ParsedPoint[];
  /** What the parser was unsure of, in Chinese for the coordinator. */
  warnings: string[];
}

export interface ParsePlanOptions {
  /** The plan's year, overriding the one read from the document. */
  year?: number;
}
