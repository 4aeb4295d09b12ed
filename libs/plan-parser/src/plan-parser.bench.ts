import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parsePlan } from './plan-parser';

/**
 * Parse-time benchmark (wired into `npm run bench`): the real documents of the shared corpus
 * when it is present, a generated 5 MB plan (as paragraphs and flattened into one line) and
 * 5 MB of random bytes. Not part of the library's pure code: it reads files.
 */

export interface ParserBenchResult {
  name: string;
  bytes: number;
  ms: number;
}

/** `../shared/corpus` beside the repository (the folder holding nx.json), or null. */
export function findCorpusDir(from: string = __dirname): string | null {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'nx.json'))) {
      const corpus = resolve(dir, '..', 'shared', 'corpus');
      return existsSync(corpus) ? corpus : null;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The corpus documents (name → text), empty when the corpus is absent. */
export function readCorpus(dir: string | null = findCorpusDir()): Map<string, string> {
  const docs = new Map<string, string>();
  if (dir === null) return docs;
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.txt')) docs.set(name, readFileSync(join(dir, name), 'utf8'));
  }
  return docs;
}

/** A deterministic pseudo-random generator (mulberry32), so every run parses the same bytes. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
function cjk(n: number): string {
  if (n < 10) return DIGITS[n] ?? '';
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : (DIGITS[tens] ?? '')}十${DIGITS[n % 10] ?? ''}`;
}

/**
 * A plan of about `bytes` UTF-8 bytes shaped like the real ones: chapters, sections, points
 * numbered per section, with targets, deadlines, named units and responsibility brackets.
 */
export function generatePlan(bytes: number): string {
  const lines = [
    '2024年全市重点工作要点',
    '主要预期目标：高新技术企业突破1500家，技术合同成交额超50亿元，研发投入强度达到2.8%。',
  ];
  let size = 0;
  let point = 0;
  for (let chapter = 1; size < bytes && chapter <= 99; chapter++) {
    lines.push(`${cjk(chapter)}、第${chapter}方面重点任务`);
    for (let section = 1; section <= 20 && size < bytes; section++) {
      lines.push(`（${cjk(section)}）第${chapter}-${section}项专项行动`);
      for (let n = 1; n <= 20 && size < bytes; n++) {
        point++;
        const line =
          `${n}.推进第${point}项重点工作。会同市财政局开展专项行动，力争新增企业${point % 90}家以上，` +
          `6月底前完成方案，年底前全面完成。一是加强统筹协调；二是强化督查考核；三是做好宣传引导` +
          `（市科技局牵头，市发展改革委、市工业和信息化局配合）。`;
        lines.push(line);
        size += Buffer.byteLength(line, 'utf8') + 1;
      }
    }
  }
  return lines.join('\n');
}

export function randomBytesText(bytes: number, seed = 20240101): string {
  const next = seededRandom(seed);
  const buf = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) buf[i] = Math.floor(next() * 256);
  return buf.toString('utf8');
}

function time(
  name: string,
  text: string,
  bytes = Buffer.byteLength(text, 'utf8'),
): ParserBenchResult {
  const start = performance.now();
  parsePlan(text);
  return { name, bytes, ms: performance.now() - start };
}

const FIVE_MB = 5 * 1024 * 1024;

export function runParserBench(): ParserBenchResult[] {
  const results: ParserBenchResult[] = [];
  for (const [name, text] of readCorpus()) results.push(time(`corpus/${name}`, text));
  const generated = generatePlan(FIVE_MB);
  results.push(time('generated plan, 5 MB', generated));
  results.push(time('generated plan flattened into one line, 5 MB', generated.replace(/\n/g, '')));
  results.push(time('random bytes (decoded as UTF-8), 5 MB', randomBytesText(FIVE_MB), FIVE_MB));
  return results;
}
