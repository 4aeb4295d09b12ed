import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { atShanghaiTime, isCalendarDate } from '@workpoints/calendar';
import type { PointPolicy } from '@workpoints/contracts';
import {
  deadlineInstant,
  policyChangeProblems,
  resolvePolicy,
  shanghaiDate,
} from '@workpoints/domain';
import { ImportError, extractText } from '@workpoints/plan-import';
import { parsePlan } from '@workpoints/plan-parser';
import { SimulationException } from './simulation.exception';

/** What a scripted action does: one Workflow Update of the point's workflow. */
export const SCRIPTED_VERBS = [
  'acknowledge',
  'report',
  'submit',
  'approve',
  'return',
  'request-extension',
  'decide-extension',
] as const;
export type ScriptedVerb = (typeof SCRIPTED_VERBS)[number];

/** Who acts: the lead department's staff member, its head, or the point's supervisor. */
export const SCRIPTED_ACTORS = ['lead', 'head', 'supervisor'] as const;
export type ScriptedActor = (typeof SCRIPTED_ACTORS)[number];

/** Scripted actions without an `at` happen at this time (after the 09:00 reminders). */
export const DEFAULT_ACTION_TIME = '10:00';
/** Points are published at this time on the first simulated day. */
export const PUBLISH_TIME = '09:00';

export interface ScriptedAction {
  pointNo: string;
  /** The simulated instant, epoch milliseconds. */
  at: number;
  /** Its day, Asia/Shanghai. */
  on: string;
  do: ScriptedVerb;
  /** Who acts; null: the usual actor (lead staff; approve/return: whose turn it is). */
  by: ScriptedActor | null;
  text: string | null;
  percent: number | null;
  comment: string | null;
  deadline: string | null;
  approve: boolean | null;
  /** Position in the file: actions at the same instant run in file order. */
  seq: number;
}

export interface SimulatedPoint {
  /** The point's number as the file gives it ("1"), or its position when numbers clash. */
  no: string;
  /** The workflow's point number. */
  number: number;
  title: string;
  /** Department names, as the file gives them. */
  lead: string;
  co: string[];
  supervisor: string;
  /** The date the deadline phrase names; the workflow moves it to a working day. */
  deadline: string;
  policy: PointPolicy;
}

export interface SimulationPlan {
  title: string | null;
  year: number;
  points: SimulatedPoint[];
  /** Sorted by instant, then file order. */
  actions: ScriptedAction[];
  /** For stderr: what the loader assumed (bilingual lines). */
  warnings: string[];
}

export interface LoadOptions {
  /** The plan's year, overriding the file's (as `parse --year`). */
  year?: number;
  /** The simulated range, `YYYY-MM-DD`: actions must fall inside it. */
  from: string;
  to: string;
}

/** The supervisor's name when the file names none. */
export const DEFAULT_SUPERVISOR = '分管领导';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [];
const optionalString = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : null;

function badPlan(file: string, zh: string, en: string): never {
  throw new SimulationException('BAD_PLAN', `${file}：${zh}`, `${file}: ${en}`);
}

/** Reads FILE: the JSON `parse --json` prints (possibly with actions), or a plan document. */
export async function loadSimulationPlan(
  file: string,
  options: LoadOptions,
): Promise<SimulationPlan> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new SimulationException(
        'FILE_NOT_FOUND',
        `找不到计划文件：${file}`,
        `plan file not found: ${file}`,
      );
    throw new SimulationException(
      'FILE_UNREADABLE',
      `无法读取计划文件 ${file}：${(error as Error).message}`,
      `cannot read plan file ${file}: ${(error as Error).message}`,
    );
  }
  const head = bytes
    .subarray(0, 64)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (extname(file).toLowerCase() === '.json' || head.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      badPlan(file, `不是有效的 JSON：${(error as Error).message}`, `not valid JSON`);
    }
    return fromJson(file, json, options);
  }
  try {
    const extracted = await extractText(bytes, file);
    const parsed = parsePlan(
      extracted.text,
      options.year === undefined ? {} : { year: options.year },
    );
    const json: Json = {
      title: parsed.title,
      year: parsed.year,
      points: parsed.points.map((p) => ({ ...p })),
    };
    const plan = fromJson(file, json, options);
    plan.warnings.unshift(
      ...[...extracted.warnings, ...parsed.warnings].map((w) => `解析提示 / parser note: ${w}`),
    );
    return plan;
  } catch (error) {
    if (error instanceof ImportError)
      throw new SimulationException(
        'FILE_UNREADABLE',
        `无法读取计划文件 ${file}：${error.message}`,
        `cannot read plan file ${file} as a document (${error.code})`,
      );
    throw error;
  }
}

function policyOf(file: string, where: string, base: PointPolicy, value: unknown): PointPolicy {
  if (value === undefined || value === null) return base;
  if (!isObject(value))
    badPlan(file, `${where}的 policy 应为对象`, `${where}: policy must be an object`);
  const problems = policyChangeProblems(value, base);
  if (problems.length > 0)
    badPlan(file, `${where}的${problems.join('；')}`, `${where}: invalid policy`);
  return resolvePolicy(base, value as Partial<PointPolicy>);
}

function fromJson(file: string, json: unknown, options: LoadOptions): SimulationPlan {
  if (!isObject(json) || !Array.isArray(json['points']))
    badPlan(
      file,
      '应包含 points 列表（parse --json 的输出格式）',
      'expected an object with a "points" list (the output of parse --json)',
    );
  const warnings: string[] = [];
  const fileYear = typeof json['year'] === 'number' ? json['year'] : null;
  const year = options.year ?? fileYear ?? Number(options.from.slice(0, 4));
  const planSupervisor = optionalString(json['supervisor']) ?? DEFAULT_SUPERVISOR;
  const planPolicy = policyOf(file, '计划', resolvePolicy(undefined), json['policy']);

  const rawPoints = (json['points'] as unknown[]).filter((p, i) => {
    if (!isObject(p)) badPlan(file, `第 ${i + 1} 个要点不是对象`, `points[${i}] is not an object`);
    return p['part'] === undefined || p['part'] === 'plan';
  }) as Json[];
  const skipped = (json['points'] as unknown[]).length - rawPoints.length;
  if (skipped > 0)
    warnings.push(
      `跳过 ${skipped} 项回顾或问题（只模拟计划要点） / skipped ${skipped} review or problem items (only plan points are simulated)`,
    );
  if (rawPoints.length === 0) badPlan(file, '没有可模拟的要点', 'no work points to simulate');

  const given = rawPoints.map((p) =>
    typeof p['no'] === 'string' || typeof p['no'] === 'number' ? String(p['no']).trim() : '',
  );
  const numbersUsable =
    given.every((no) => /^[1-9]\d{0,5}$/.test(no)) && new Set(given).size === given.length;
  if (!numbersUsable)
    warnings.push(
      '要点编号缺失或重复，按出现顺序重新编号为 1、2、3… / point numbers are missing or repeated; numbered 1, 2, 3… in order',
    );

  const missingLead: string[] = [];
  const missingDeadline: string[] = [];
  const points: SimulatedPoint[] = rawPoints.map((p, i) => {
    const no = (numbersUsable ? given[i] : undefined) ?? String(i + 1);
    const where = `第${no}项`;
    const leads = strings(p['leadUnits']);
    let lead = leads[0];
    if (!lead) {
      lead = `第${no}项牵头单位`;
      missingLead.push(no);
    } else if (leads.length > 1)
      warnings.push(
        `${where}有多个牵头单位，以“${lead}”为牵头单位，其余按配合单位提醒 / point ${no} names several lead departments; "${lead}" leads, the others are treated as co-departments`,
      );
    const co = [...new Set([...leads.slice(1), ...strings(p['coUnits'])])].filter(
      (c) => c !== lead,
    );
    const raw = p['deadline'];
    const date = typeof raw === 'string' ? raw : isObject(raw) ? raw['date'] : null;
    let deadline = `${year}-12-31`;
    if (date === null || date === undefined) missingDeadline.push(no);
    else if (isCalendarDate(date)) deadline = date;
    else
      badPlan(
        file,
        `${where}的完成时限不是 YYYY-MM-DD 日期：${String(date)}`,
        `point ${no}: deadline date is not YYYY-MM-DD: ${String(date)}`,
      );
    return {
      no,
      number: Number(no),
      title: optionalString(p['title']) ?? where,
      lead,
      co,
      supervisor: optionalString(p['supervisor']) ?? planSupervisor,
      deadline,
      policy: policyOf(file, where, planPolicy, p['policy']),
    };
  });
  const list = (nos: string[]) =>
    nos.length > 12 ? `${nos.slice(0, 12).join('、')}…` : nos.join('、');
  if (missingLead.length > 0)
    warnings.push(
      `${missingLead.length} 项没有牵头单位（第${list(missingLead)}项），模拟中称为“第N项牵头单位” / ${missingLead.length} point(s) have no lead department; called "第N项牵头单位"`,
    );
  if (missingDeadline.length > 0)
    warnings.push(
      `${missingDeadline.length} 项没有完成时限日期（第${list(missingDeadline)}项），按 ${year}-12-31 模拟 / ${missingDeadline.length} point(s) have no deadline date; using ${year}-12-31`,
    );

  const byNo = new Map(points.map((p) => [p.no, p]));
  const scripted: { pointNo: string; raw: unknown; where: string; whereEn: string }[] = [];
  rawPoints.forEach((p, i) => {
    const actions = p['actions'];
    const no = points[i]?.no ?? String(i + 1);
    if (actions === undefined) return;
    if (!Array.isArray(actions))
      badPlan(file, `第${no}项的 actions 应为列表`, `point ${no}: actions must be a list`);
    actions.forEach((raw, k) =>
      scripted.push({
        pointNo: no,
        raw,
        where: `第${no}项第${k + 1}个操作`,
        whereEn: `point ${no}, action ${k + 1}`,
      }),
    );
  });
  const top = json['actions'];
  if (top !== undefined) {
    if (!Array.isArray(top))
      badPlan(file, '顶层 actions 应为列表', 'top-level actions must be a list');
    top.forEach((raw, k) => {
      const point =
        isObject(raw) && (typeof raw['point'] === 'string' || typeof raw['point'] === 'number')
          ? String(raw['point'])
          : '';
      if (!byNo.has(point))
        throw new SimulationException(
          'UNKNOWN_POINT',
          `actions 第${k + 1}项针对的要点“${point}”不存在（计划中的要点编号：${[...byNo.keys()].join('、')}）`,
          `actions[${k}] names point "${point}", which is not in the plan`,
        );
      scripted.push({
        pointNo: point,
        raw,
        where: `actions 第${k + 1}项（第${point}项）`,
        whereEn: `actions[${k}] (point ${point})`,
      });
    });
  }

  const publishAt = atShanghaiTime(options.from, PUBLISH_TIME).getTime();
  const endAt = deadlineInstant(options.to).getTime(); // the end of that day
  const actions: ScriptedAction[] = [];
  scripted.forEach(({ pointNo, raw, where, whereEn }, seq) => {
    const action = parseAction(where, whereEn, pointNo, raw, seq);
    if (action.at <= publishAt)
      throw new SimulationException(
        'BAD_ACTION',
        `${where}（${action.on} ${action.do}）早于发布时间 ${options.from} ${PUBLISH_TIME}`,
        `${whereEn}: ${action.do} on ${action.on} is before the points are published (${options.from} ${PUBLISH_TIME} Asia/Shanghai)`,
      );
    if (action.at > endAt) {
      warnings.push(
        `${where}（${action.on}）晚于 --to ${options.to}，不执行 / action on ${action.on} is after --to ${options.to}; not run`,
      );
      return;
    }
    actions.push(action);
  });
  actions.sort((a, b) => a.at - b.at || a.seq - b.seq);

  return {
    title: optionalString(json['title']),
    year,
    points,
    actions,
    warnings,
  };
}

function parseAction(
  where: string,
  whereEn: string,
  pointNo: string,
  raw: unknown,
  seq: number,
): ScriptedAction {
  const bad = (zh: string, en: string): never => {
    throw new SimulationException('BAD_ACTION', `${where}：${zh}`, `${whereEn}: ${en}`);
  };
  if (!isObject(raw)) return bad('应为对象', 'must be an object');
  const verb = raw['do'];
  if (!SCRIPTED_VERBS.includes(verb as ScriptedVerb))
    bad(
      `do 应为 ${SCRIPTED_VERBS.join('、')} 之一：${String(verb)}`,
      `"do" must be one of ${SCRIPTED_VERBS.join(', ')}, got ${String(verb)}`,
    );
  const on = raw['on'];
  if (!isCalendarDate(on))
    bad(
      `on 应为 YYYY-MM-DD 日期：${String(on)}`,
      `"on" must be a YYYY-MM-DD date, got ${String(on)}`,
    );
  let at = atShanghaiTime(on as string, DEFAULT_ACTION_TIME).getTime();
  if (raw['at'] !== undefined) {
    const instant = typeof raw['at'] === 'string' ? Date.parse(raw['at']) : Number.NaN;
    if (!/T\d{2}:\d{2}/.test(String(raw['at'])) || Number.isNaN(instant))
      bad(
        `at 应为带时区的 ISO 时刻，例如 ${on as string}T15:30:00+08:00：${String(raw['at'])}`,
        `"at" must be an ISO-8601 instant, got ${String(raw['at'])}`,
      );
    if (shanghaiDate(new Date(instant)) !== on)
      bad(
        `at（${String(raw['at'])}）不在 on 所指的日期 ${on as string}（北京时间）`,
        `"at" is not on the day "on" names (Asia/Shanghai)`,
      );
    at = instant;
  }
  const by = raw['by'];
  if (by !== undefined && !SCRIPTED_ACTORS.includes(by as ScriptedActor))
    bad(
      `by 应为 lead、head 或 supervisor：${String(by)}`,
      `"by" must be lead, head or supervisor, got ${String(by)}`,
    );
  const percent = raw['percent'];
  if (percent !== undefined && percent !== null && typeof percent !== 'number')
    bad('percent 应为数字', '"percent" must be a number');
  const deadline = raw['deadline'];
  if (deadline !== undefined && deadline !== null && !isCalendarDate(deadline))
    bad(
      `deadline 应为 YYYY-MM-DD 日期：${String(deadline)}`,
      `"deadline" must be a YYYY-MM-DD date`,
    );
  if (verb === 'request-extension' && deadline == null)
    bad('申请延期须给出 deadline（新的完成时限）', 'request-extension needs "deadline"');
  const approve = raw['approve'];
  if (approve !== undefined && typeof approve !== 'boolean')
    bad('approve 应为 true 或 false', '"approve" must be true or false');
  return {
    pointNo,
    at,
    on: on as string,
    do: verb as ScriptedVerb,
    by: (by as ScriptedActor | undefined) ?? null,
    text: optionalString(raw['text']),
    percent: typeof percent === 'number' ? percent : null,
    comment: optionalString(raw['comment']),
    deadline: (deadline as string | null | undefined) ?? null,
    approve: typeof approve === 'boolean' ? approve : null,
    seq,
  };
}
