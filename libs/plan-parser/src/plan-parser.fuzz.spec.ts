import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from './parser-test-support';
import { parsePlan } from './plan-parser';
import type { ParsedPlan, Target } from './plan-parser.types';

/**
 * parsePlan never throws and always returns a well-formed plan: random strings, random bytes,
 * and the fixtures cut, repeated, shuffled and salted with noise. Seeded, so a failure
 * reproduces; the seed and case number are in the test name.
 */

const SEED = 0x5eed;
const CASES = 300;

const fixtures = readdirSync(join(__dirname, 'fixtures'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(__dirname, 'fixtures', f), 'utf8'));

/** Characters that make labels, targets, deadlines and units, and some that break things. */
const ALPHABET = [
  ...'一二三四五六七八九十、是（）()0123456789.．。，,；;：:\n 　',
  ...'局厅委处办室院中心牵头负责配合单位完成时限',
  ...'增长突破超过以上以下左右达到不低于力争万亿元件家个%月底前年上半季度长期坚持',
  ...'《》“”①②⑴⒈|登录扫一扫版权所有',
  '\u0000',
  '\uFFFD',
  '\uD800',
  '\u200B',
  '\r',
  '\t',
];
const NOISE_LINES = [
  '登录 注册 退出',
  '栏目：工作动态 发布时间：2024-01-01 浏览次数：12',
  '相关附件：',
  '扫一扫在手机打开当前页',
  '版权所有：某某局 ICP备000000号',
  '|',
  '- 2 -',
  'http://example.com/a.pdf',
];

type Random = () => number;
const pick = <T>(rand: Random, items: readonly T[]): T =>
  items[Math.floor(rand() * items.length)] as T;
const int = (rand: Random, max: number) => Math.floor(rand() * max);

function randomString(rand: Random): string {
  const length = int(rand, 3000);
  const out: string[] = [];
  for (let i = 0; i < length; i++) out.push(pick(rand, ALPHABET));
  return out.join('');
}

function randomUnicode(rand: Random): string {
  const length = int(rand, 2000);
  const out: string[] = [];
  for (let i = 0; i < length; i++) out.push(String.fromCharCode(int(rand, 0x10000)));
  return out.join('');
}

function randomBytes(rand: Random): string {
  const bytes = Buffer.alloc(int(rand, 4000));
  for (let i = 0; i < bytes.length; i++) bytes[i] = int(rand, 256);
  return bytes.toString(rand() < 0.5 ? 'utf8' : 'latin1');
}

/** A fixture with 1–4 random edits: lines deleted, repeated, shuffled, noise, cuts, joins. */
function mutated(rand: Random): string {
  let lines = pick(rand, fixtures).split('\n');
  const edits = 1 + int(rand, 4);
  for (let e = 0; e < edits; e++) {
    const at = int(rand, Math.max(1, lines.length));
    switch (int(rand, 8)) {
      case 0:
        lines.splice(at, 1 + int(rand, 3));
        break;
      case 1:
        lines.splice(at, 0, ...lines.slice(at, at + 1 + int(rand, 4)));
        break;
      case 2: {
        const window = lines.slice(at, at + 5);
        for (let i = window.length - 1; i > 0; i--) {
          const j = int(rand, i + 1);
          [window[i], window[j]] = [window[j] as string, window[i] as string];
        }
        lines.splice(at, window.length, ...window);
        break;
      }
      case 3:
        lines.splice(at, 0, pick(rand, NOISE_LINES));
        break;
      case 4:
        lines = [lines.join(pick(rand, ['', ' ', '\n\n']))];
        break;
      case 5: {
        const text = lines.join('\n');
        const cut = int(rand, text.length + 1);
        lines = (rand() < 0.5 ? text.slice(0, cut) : text.slice(cut)).split('\n');
        break;
      }
      case 6: {
        const text = lines.join('\n');
        const pos = int(rand, text.length + 1);
        lines = (text.slice(0, pos) + randomString(rand).slice(0, 40) + text.slice(pos)).split(
          '\n',
        );
        break;
      }
      default:
        lines = [...lines, ...lines];
    }
  }
  return lines.join('\n');
}

const COMPARATORS = new Set(['>=', '>', '=', '<=', '<', '~', 'range']);
const PARTS = new Set(['plan', 'review', 'problems']);
const isStrings = (xs: unknown) => Array.isArray(xs) && xs.every((x) => typeof x === 'string');

function checkTarget(t: Target): void {
  expect(typeof t.text).toBe('string');
  expect(Number.isFinite(t.value)).toBe(true);
  expect(typeof t.unit === 'string' && t.unit.length > 0).toBe(true);
  expect(COMPARATORS.has(t.comparator)).toBe(true);
  if (t.comparator === 'range') expect(Number.isFinite(t.valueMax)).toBe(true);
  else expect(t.valueMax).toBeUndefined();
  expect(t.aspirational === undefined || t.aspirational === true).toBe(true);
}

function checkPlan(plan: ParsedPlan): void {
  expect(plan.title === null || typeof plan.title === 'string').toBe(true);
  expect(plan.year === null || Number.isInteger(plan.year)).toBe(true);
  expect(isStrings(plan.warnings)).toBe(true);
  // the catch-all in parsePlan turns a bug into this warning: fuzzing must not reach it
  expect(plan.warnings.filter((w) => w.startsWith('解析时出错'))).toEqual([]);
  plan.targets.forEach(checkTarget);
  for (const c of plan.chapters) {
    expect(typeof c.numeral === 'string' && c.numeral.length > 0).toBe(true);
    expect(typeof c.title).toBe('string');
    expect(PARTS.has(c.part)).toBe(true);
    for (const s of c.sections)
      expect([typeof s.numeral, typeof s.title]).toEqual(['string', 'string']);
  }
  for (const p of plan.points) {
    expect(p.no).toMatch(/^\d+$/);
    expect(p.label.length).toBeGreaterThan(0);
    expect(p.chapter === null || typeof p.chapter === 'string').toBe(true);
    expect(p.section === null || typeof p.section === 'string').toBe(true);
    expect(PARTS.has(p.part)).toBe(true);
    expect(typeof p.title).toBe('string');
    expect(p.text.length).toBeGreaterThan(0);
    expect(isStrings(p.subItems)).toBe(true);
    expect(isStrings(p.leadUnits) && isStrings(p.coUnits) && isStrings(p.mentionedUnits)).toBe(
      true,
    );
    if (p.deadline !== null) {
      expect(typeof p.deadline.text).toBe('string');
      if (p.deadline.date !== null) {
        expect(p.deadline.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(new Date(`${p.deadline.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(
          p.deadline.date,
        );
      }
    }
    p.targets.forEach(checkTarget);
  }
  // it crosses process boundaries as JSON
  expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
}

describe(`parsePlan under fuzzing (seed ${SEED}, ${CASES} cases)`, () => {
  const rand = seededRandom(SEED);
  const makers = [randomString, randomUnicode, randomBytes, mutated, mutated, mutated];
  const inputs = Array.from({ length: CASES }, () => pick(rand, makers)(rand));

  it('never throws and always returns a well-formed plan', () => {
    inputs.forEach((input, i) => {
      let plan: ParsedPlan | undefined;
      try {
        plan = parsePlan(input);
      } catch (error) {
        throw new Error(
          `case ${i} threw: ${String(error)}\n${JSON.stringify(input.slice(0, 500))}`,
        );
      }
      try {
        checkPlan(plan);
      } catch (error) {
        throw new Error(
          `case ${i} is malformed: ${String(error)}\n${JSON.stringify(input.slice(0, 500))}`,
        );
      }
    });
  });

  it('keeps finding the points of a fixture among noise lines', () => {
    const source = fixtures.find((f) => f.startsWith('2024年全市科技创新工作要点'));
    expect(source).toBeDefined();
    const lines = (source ?? '').split('\n');
    const noisy: string[] = [];
    for (const line of lines) noisy.push(pick(rand, NOISE_LINES), line);
    expect(parsePlan(noisy.join('\n')).points.map((p) => p.no)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
  });
});
