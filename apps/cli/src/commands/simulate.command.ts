import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { PACKAGE_KNOWN_YEARS, isCalendarDate } from '@workpoints/calendar';
import { shanghaiDate } from '@workpoints/domain';
import { EVENT_KIND_LABELS, type SimulationEvent } from '../simulate/simulation-events';
import { loadSimulationPlan } from '../simulate/simulation-plan';
import { SimulationException } from '../simulate/simulation.exception';
import { runSimulation } from '../simulate/simulator';

export const SIMULATE_USAGE = `workpoints simulate --plan FILE --from YYYY-MM-DD --to YYYY-MM-DD [--json] [--year YYYY] [--stats OUT.json]

Runs the plan's real work-point workflows on the Temporal time-skipping test server (a dry run:
nothing is written, nobody acts unless FILE scripts it). Every point is published at --from
09:00 Asia/Shanghai; the run stops at the end of --to. FILE is a plan document (.docx, .pdf,
.html, .txt) or the JSON that \`parse --json\` prints, optionally with scripted "actions"
(see apps/cli/README.md). With --json, stdout is one JSON object
{ "events": [{ "at", "pointNo", "kind", "recipients" }] }; progress and warnings go to stderr.
--year sets the plan's year (deadline phrases, and YYYY-12-31 for points without a deadline).
--stats writes the run's figures (times, history events per point) to a JSON file.`;

function fail(error: SimulationException): number {
  console.error(`错误：${error.zh}\nerror: ${error.en}`);
  if (error.code === 'USAGE') console.error(`\n${SIMULATE_USAGE}`);
  return 2;
}

const usage = (zh: string, en: string) => new SimulationException('USAGE', zh, en);

interface Args {
  plan: string;
  from: string;
  to: string;
  json: boolean;
  year?: number;
  stats?: string;
}

function readArgs(args: string[]): Args | 'help' {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        plan: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        json: { type: 'boolean' },
        year: { type: 'string' },
        stats: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = (/'([^']+)'/.exec(message)?.[1] ?? '').split(' ')[0] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw usage(`未知参数：${option}`, `unknown option: ${option}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw usage(`参数 ${option} 缺少取值或取值有误`, message);
    throw usage(`命令行参数有误：${message}`, message);
  }
  if (values['help']) return 'help';
  if (positionals.length > 0)
    throw usage(
      `多余的参数：${positionals.join(' ')}（计划文件请用 --plan 指定）`,
      `unexpected argument(s): ${positionals.join(' ')} (give the plan file with --plan)`,
    );
  const missing = ['plan', 'from', 'to'].filter((k) => typeof values[k] !== 'string');
  if (missing.length > 0)
    throw usage(
      `缺少参数：${missing.map((k) => `--${k}`).join('、')}`,
      `missing option(s): ${missing.map((k) => `--${k}`).join(', ')}`,
    );
  const [plan, from, to] = [values['plan'], values['from'], values['to']] as string[];
  for (const [name, value] of [
    ['--from', from],
    ['--to', to],
  ] as const)
    if (!isCalendarDate(value))
      throw new SimulationException(
        'BAD_DATE',
        `${name} 应为 YYYY-MM-DD 格式的真实日期：${value}`,
        `${name} must be a real date as YYYY-MM-DD, got "${value}"`,
      );
  if (to < from)
    throw new SimulationException(
      'BAD_RANGE',
      `--to（${to}）早于 --from（${from}）`,
      `--to (${to}) is before --from (${from})`,
    );
  let year: number | undefined;
  if (values['year'] !== undefined) {
    year = Number(values['year']);
    if (!(Number.isInteger(year) && year >= 2000 && year <= 2100))
      throw usage(
        `--year 应为年份，例如 2024：${String(values['year'])}`,
        `--year must be a year such as 2024, got "${String(values['year'])}"`,
      );
  }
  return {
    plan,
    from,
    to,
    json: values['json'] === true,
    ...(year === undefined ? {} : { year }),
    ...(typeof values['stats'] === 'string' ? { stats: values['stats'] } : {}),
  };
}

function readable(events: SimulationEvent[], from: string, to: string, points: number): string {
  const time = (iso: string) => {
    const d = new Date(iso);
    return `${shanghaiDate(d)} ${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(11, 16)}`;
  };
  return [
    `模拟 ${from} … ${to}：${points} 项要点，${events.length} 条事件（北京时间）`,
    ...events.map(
      (e) =>
        `${time(e.at)}  第${e.pointNo}项  ${EVENT_KIND_LABELS[e.kind]}（${e.kind}）  → ${e.recipients.join('、') || '—'}`,
    ),
  ].join('\n');
}

/** `workpoints simulate`: see SIMULATE_USAGE and apps/cli/README.md. */
export async function simulateCommand(argv: string[]): Promise<number> {
  const log = (line: string) => console.error(line);
  try {
    const args = readArgs(argv);
    if (args === 'help') {
      console.log(SIMULATE_USAGE);
      return 0;
    }
    const plan = await loadSimulationPlan(args.plan, {
      from: args.from,
      to: args.to,
      ...(args.year === undefined ? {} : { year: args.year }),
    });
    for (const warning of plan.warnings) log(`提示 / note: ${warning}`);
    const unknown = [
      ...new Set([Number(args.from.slice(0, 4)), Number(args.to.slice(0, 4))]),
    ].filter((y) => !PACKAGE_KNOWN_YEARS.includes(y));
    if (unknown.length > 0)
      log(
        `提示 / note: 工作日历不知道 ${unknown.join('、')} 年的节假日，这些年份不会发出提醒 / the calendar does not know ${unknown.join(', ')}: no notices fall in those years`,
      );
    const result = await runSimulation(plan, {
      from: args.from,
      to: args.to,
      log,
      histories: args.stats !== undefined,
    });
    if (args.stats) await writeFile(args.stats, `${JSON.stringify(result.figures, null, 2)}\n`);
    console.log(
      args.json
        ? JSON.stringify({ events: result.events }, null, 2)
        : readable(result.events, args.from, args.to, plan.points.length),
    );
    return 0;
  } catch (error) {
    if (error instanceof SimulationException) return fail(error);
    throw error;
  }
}
