import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractText } from '@workpoints/plan-import';
import { parsePlan } from '@workpoints/plan-parser';
import { repoRoot } from '@workpoints/temporal';

/**
 * Parse time of the importer: the real corpus documents (when ../shared/corpus is there), a
 * generated 5 MB plan and 1 MB of random bytes. Each figure is the median of several runs.
 */
interface Row {
  name: string;
  bytes: number;
  points: number;
  ms: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function time(name: string, bytes: Buffer, runs: number): Promise<Row> {
  const samples: number[] = [];
  let points = 0;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    const { text } = await extractText(bytes, name).catch(() => ({
      text: bytes.toString('latin1'),
    }));
    points = parsePlan(text).points.length;
    samples.push(performance.now() - start);
  }
  return { name, bytes: bytes.length, points, ms: median(samples) };
}

function bigPlan(targetBytes: number): Buffer {
  const lines = [
    '2026年全市知识产权工作要点',
    '2026年，全市知识产权工作的主要目标是：发明专利拥有量突破22件，质押融资超100亿元。',
  ];
  let n = 0;
  for (let c = 1; Buffer.byteLength(lines.join('\n')) < targetBytes; c += 1) {
    lines.push(`${c}、第${c}部分重点任务`);
    for (let i = 0; i < 30; i += 1) {
      n += 1;
      lines.push(
        `${n}. 推进第${n}项知识产权工作。会同省市场监管局开展专项行动，力争年底前办结案件增长20%以上，培育示范企业50家左右（保护处牵头，条法处、专利管理处配合）。一是完善机制；二是加强执法。`,
      );
    }
  }
  return Buffer.from(lines.join('\n'));
}

export async function runParserBench(): Promise<Row[]> {
  const rows: Row[] = [];
  const corpus = join(repoRoot(), '..', 'shared', 'corpus');
  if (existsSync(corpus))
    for (const f of readdirSync(corpus).filter((name) => name.endsWith('.txt')))
      rows.push(await time(f, readFileSync(join(corpus, f)), 20));
  else process.stderr.write(`corpus not found at ${corpus}: corpus figures skipped\n`);
  const plan = bigPlan(5 * 1024 * 1024);
  rows.push(await time('generated plan (5 MB)', plan, 3));
  rows.push(
    await time(
      'the same flattened into one line',
      Buffer.from(plan.toString().replace(/\n/g, '')),
      3,
    ),
  );
  const random = Buffer.from(
    Array.from({ length: 1024 * 1024 }, () => Math.floor(Math.random() * 256)),
  );
  rows.push(await time('random bytes read as text (1 MB)', random, 3));
  return rows;
}

export function formatParserBench(rows: Row[]): string {
  const lines = ['plan parser (extract + parse, median)'];
  for (const r of rows) {
    const size =
      r.bytes >= 1024 * 1024
        ? `${(r.bytes / 1024 / 1024).toFixed(1)} MB`
        : `${(r.bytes / 1024).toFixed(0)} KiB`;
    lines.push(
      `  ${`${r.name} (${size})`.padEnd(52, '.')} ${r.ms.toFixed(1).padStart(8)} ms  ${r.points} points`,
    );
  }
  return lines.join('\n');
}

if (require.main === module) {
  runParserBench().then(
    (rows) => console.log(formatParserBench(rows)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
