import { isAsciiAlnum, isDigit, isIdeograph } from './chars';

/**
 * Units (departments, bureaus, centres, partner organisations) named in a text. Chinese has no
 * spaces between words, so a name is found from its end: a unit suffix (局, 厅, 委员会, 中心,
 * 大学 …), then back over the characters before it up to a function word (的, 和, 在, 会同 …)
 * or punctuation, then without a leading verb (推进, 支持 …). Suffixes that are also ordinary
 * words (格局, 举办, 查处, 部门, 中心工作) are refused by the characters around them.
 */

interface Suffix {
  text: string;
  /** Least length of the whole name, suffix included. */
  min: number;
  ok?: (t: string, start: number, end: number) => boolean;
}

/** After 处, 办: the name must end there (a delimiter, a conjunction or a responsibility verb). */
const NAME_END = new Set([
  '、',
  '，',
  ',',
  '。',
  '；',
  ';',
  '：',
  ':',
  '）',
  ')',
  ' ',
  '\n',
  '和',
  '与',
  '及',
  '等',
  '牵',
  '负',
  '配',
  '协',
]);

const endsName = (t: string, end: number) => end >= t.length || NAME_END.has(t[end] ?? '');
const before = (t: string, start: number, chars: string) =>
  chars.includes(t[start - 1] ?? '\u0000');
const after = (t: string, end: number, chars: string) => chars.includes(t[end] ?? '\u0000');
const followedBy = (t: string, end: number, words: string[]) =>
  words.some((w) => t.startsWith(w, end));

/** Grouped by last character; longer suffixes first. */
const SUFFIXES = new Map<string, Suffix[]>();
function suffix(text: string, min: number, ok?: Suffix['ok']): void {
  const last = text[text.length - 1] ?? '';
  const list = SUFFIXES.get(last) ?? [];
  list.push({ text, min, ok });
  list.sort((a, b) => b.text.length - a.text.length);
  SUFFIXES.set(last, list);
}

suffix(
  '局',
  2,
  (t, s, e) => !before(t, s, '格布结大全开当时残僵骗饭赌棋邮药') && !after(t, e, '面势限部'),
);
suffix('厅', 3, (t, s, e) => !before(t, s, '展大餐客门舞歌') && !after(t, e, '堂'));
suffix('委员会', 4);
suffix('管委会', 3);
suffix('联合会', 4);
suffix('协会', 3);
suffix('学会', 3, (t, s) => !before(t, s, '要不'));
suffix('商会', 3);
suffix('促进会', 4);
suffix('委', 2, (t, s, e) => !before(t, s, '常编主') && !after(t, e, '托派员屈婉会'));
suffix('办公室', 4);
suffix('办公厅', 4);
suffix('督查室', 4);
suffix('研究室', 4);
suffix(
  '办',
  3,
  (t, s, e) => endsName(t, e) && !before(t, s, '举主承创督开代兴合申查包难好快简一网协会交帮经'),
);
suffix(
  '处',
  3,
  (t, s, e) =>
    endsName(t, e) && !before(t, s, '查调惩之到相好各处住出益长短难用坏别此彼何深远近妥'),
);
suffix('院', 3, (t, s, e) => !after(t, e, '所校士长线内子落') && !before(t, s, '庭'));
suffix(
  '中心',
  4,
  (t, _s, e) =>
    !followedBy(t, e, ['工作', '任务', '城市', '环节', '地位', '区', '思想', '论', '组']),
);
suffix('海关', 3);
suffix('银行', 3);
suffix('大学', 3, (t, _s, e) => !after(t, e, '习生科城园路校'));
suffix('研究所', 4);
suffix('事务所', 4);
suffix('公司', 4);
suffix('集团', 3);
suffix('联盟', 4);
// 政府 only as a government (市政府, XX市人民政府), not as a concept (法治政府, 党委政府)
suffix('政府', 3, (t, s) => before(t, s, '市省县区州镇乡') || t.startsWith('人民', s - 2));
suffix(
  '部',
  3,
  (t, s, e) =>
    !before(t, s, '全内外局中西东南北干头顶底面腹胸背脚分各肩一基总俱乐细支') &&
    !after(t, e, '门分署位落件长委'),
);
suffix('总署', 3);
suffix('支队', 4);
suffix('总队', 4);
suffix('组织', 4, (t, _s, e) => t[e] === '(' || t[e] === '（' || endsName(t, e));

/** Characters that end a name when going backwards: function words a name rarely holds. */
const STOP = new Set([
  ...'的在将把为于由向对是经被让给跟或即暨等以从至到请并后时了着过也都就还又再才及与和同占届',
]);
/** 等 inside a name: 高等院校, 中等专业学校. */
const DENG_INSIDE = new Set([...'高中初平同']);
/** 和 inside the names of ministries (人力资源和社会保障局, 住房和城乡建设局). */
const COMPOUND_BEFORE_HE = ['资源', '住房', '工业', '发展', '文化', '卫生', '科学', '交通'];

/** Leading verbs and adverbs taken off a name ("持续推进省知识产权发展中心" → 省知识产权发展中心). */
const LEADING_WORDS = [
  '进一步',
  '会同',
  '联合',
  '配合',
  '协助',
  '协调',
  '依托',
  '对接',
  '联系',
  '邀请',
  '推荐',
  '申报',
  '设立',
  '成立',
  '创建',
  '争创',
  '召开',
  '举办',
  '发布',
  '印发',
  '出台',
  '制定',
  '报送',
  '参加',
  '参照',
  '根据',
  '按照',
  '围绕',
  '通过',
  '利用',
  '借助',
  '整合',
  '争取',
  '督促',
  '推进',
  '推动',
  '支持',
  '加强',
  '加快',
  '建设',
  '建成',
  '建立',
  '健全',
  '完善',
  '做好',
  '持续',
  '深化',
  '发挥',
  '强化',
  '落实',
  '开展',
  '组织',
  '实施',
  '打造',
  '提升',
  '培育',
  '探索',
  '鼓励',
  '引导',
  '指导',
  '服务',
  '加大',
  '形成',
  '积极',
  '大力',
  '认真',
  '切实',
  '继续',
  '不断',
  '着力',
  '重点',
  '全面',
  '共同',
  '分别',
  '主动',
  '牵头',
  '负责',
  '提请',
  '报请',
  '商请',
  '新增',
  '遴选',
  '认定',
  '评选',
  '确定',
  '督导',
  '推广',
  '扩大',
  '深入',
  '加入',
  '吸纳',
  '优化',
  '召集',
  '携手',
  '协同',
  '履行',
  '启动',
  '起草',
  '获得',
  '破除',
  '抓好',
  '上年',
  '一批',
  '一个',
  '一些',
  '若干',
  '多个',
  '各类',
  '各级',
  '相关',
  '有关',
  '首批',
  '一流',
  '各',
];
/**
 * Verbs that do not occur inside a name: what comes before them is the sentence, not the name
 * ("企业参加中科院", "省属高校设立知识产权学院", "市委批复成立知识产权局").
 */
const INNER_VERBS = [
  '加入',
  '设立',
  '成立',
  '创建',
  '争创',
  '开展',
  '依托',
  '配合',
  '履行',
  '批复',
  '选举产生',
  '参观',
  '刊登',
  '需要',
  '提高',
  '获得',
  '破除',
  '抓好',
  '启动',
  '起草',
  '制定',
  '参加',
  '邀请',
  '召开',
  '举办',
  '发布',
  '印发',
  '出台',
  '报送',
  '推荐',
  '申报',
  '支持',
  '打造',
  '培育',
  '引导',
  '指导',
  '探索',
  '鼓励',
  '努力',
  '落实',
  '对接',
  '签署',
  '面向',
  '协调',
  '完成',
];
/** 组织 is a verb more often than a name: only international organisations are taken. */
const ORGANISATION_STARTS = ['世界', '国际', '联合国'];
const REFUSED_START = new Set([...'我本该其此这那']);
const GENERIC = new Set(['党委', '省局', '部门', '单位', '政府', '全局', '大局', '当局']);

const MAX_NAME = 18;

function isNameChar(c: string | undefined): boolean {
  return isIdeograph(c) || isAsciiAlnum(c);
}

/** 1 at the code of every last character of a suffix, to skip all other characters fast. */
const SUFFIX_LAST = new Uint8Array(0x10000);
for (const last of SUFFIXES.keys()) SUFFIX_LAST[last.charCodeAt(0)] = 1;

function suffixEndingAt(t: string, i: number): Suffix | null {
  if (SUFFIX_LAST[t.charCodeAt(i)] !== 1) return null;
  const list = SUFFIXES.get(t[i] ?? '');
  if (!list) return null;
  for (const sfx of list) {
    const start = i + 1 - sfx.text.length;
    if (start < 0 || !t.startsWith(sfx.text, start)) continue;
    // 2处, 3所: a measure word after a number
    if (isDigit(t[start - 1])) return null;
    if (sfx.ok && !sfx.ok(t, start, i + 1)) return null;
    return sfx;
  }
  return null;
}

/**
 * Where the name ending at `suffixStart` begins. It does not reach back into the unit named
 * before it ("联合省计量院建设区域计量测试中心" names two units), unless it is that unit's own
 * office or branch (国家知识产权局办公室, 银监局XX分局).
 */
function nameStart(t: string, suffixStart: number, previousEnd: number, sfx: Suffix): number {
  const subUnit = t[suffixStart - 1] === '分' || sfx.text.startsWith('办公') || sfx.text === '支队';
  const floor = previousEnd >= 0 && !(subUnit || suffixStart - previousEnd <= 4) ? previousEnd : 0;
  let k = suffixStart;
  while (k > floor && suffixStart - k < MAX_NAME) {
    const c = t[k - 1];
    if (!isNameChar(c)) break;
    if (c !== undefined && STOP.has(c)) {
      const compound =
        (c === '和' && COMPOUND_BEFORE_HE.includes(t.slice(k - 3, k - 1))) ||
        (c === '等' && DENG_INSIDE.has(t[k - 2] ?? ''));
      if (!compound) break;
    }
    // 2019年中科院: a year is not part of the name
    if (c === '年' && isDigit(t[k - 2])) break;
    k--;
  }
  return k;
}

/** Words grouped by their first character, longest first, for matching at a position. */
function byFirstChar(words: string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const w of [...words].sort((a, b) => b.length - a.length)) {
    const first = w[0] ?? '';
    map.set(first, [...(map.get(first) ?? []), w]);
  }
  return map;
}
const LEADING = byFirstChar(LEADING_WORDS);
const INNER = byFirstChar(INNER_VERBS);

function wordAt(map: Map<string, string[]>, t: string, pos: number): string | null {
  for (const w of map.get(t[pos] ?? '') ?? []) if (t.startsWith(w, pos)) return w;
  return null;
}

function trimName(raw: string, suffixLength: number): string | null {
  let name = raw;
  // after the last verb that never occurs inside a name
  let cut = 0;
  for (let k = 0; k < name.length - suffixLength; k++) {
    const v = wordAt(INNER, name, k);
    if (v && name.length - (k + v.length) > suffixLength) cut = k + v.length;
  }
  if (cut > 0) name = name.slice(cut);
  // without leading verbs and quantifiers
  for (let w = wordAt(LEADING, name, 0); w !== null; w = wordAt(LEADING, name, 0)) {
    if (name.length - w.length < suffixLength) break;
    name = name.slice(w.length);
  }
  if (REFUSED_START.has(name[0] ?? '')) return null;
  return name;
}

export interface UnitSpan {
  name: string;
  start: number;
  end: number;
}

/** Units named in `t`, with their positions, in order; a name inside a longer one is dropped. */
export function findUnits(t: string): UnitSpan[] {
  const spans: UnitSpan[] = [];
  let bookDepth = 0; // names inside 《》 are part of a document's title
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '《') bookDepth++;
    else if (t[i] === '》' && bookDepth > 0) bookDepth--;
    if (bookDepth > 0) continue;
    const sfx = suffixEndingAt(t, i);
    if (!sfx) continue;
    const suffixStart = i + 1 - sfx.text.length;
    let end = i + 1;
    const start = nameStart(t, suffixStart, spans[spans.length - 1]?.end ?? -1, sfx);
    const name0 = trimName(t.slice(start, end), sfx.text.length);
    if (name0 === null || name0.length < sfx.min || name0.length <= sfx.text.length) continue;
    if (GENERIC.has(name0)) continue;
    if (sfx.text === '组织' && !ORGANISATION_STARTS.some((a) => name0.startsWith(a))) continue;
    let name = name0;
    // an abbreviation in brackets belongs to the name: 世界知识产权组织(WIPO)
    const open = t[end];
    if (open === '(' || open === '（') {
      const closer = open === '(' ? ')' : '）';
      let close = end + 1;
      while (close < t.length && close <= end + 13 && t[close] !== closer) close++;
      if (t[close] !== closer) close = -1;
      const inner = close > end ? t.slice(end + 1, close) : '';
      if (inner.length > 0 && inner.length <= 12 && /^[A-Za-z0-9\u4e00-\u9fff·&-]+$/.test(inner)) {
        name += t.slice(end, close + 1);
        end = close + 1;
      }
    }
    spans.push({ name, start: end - name.length, end });
  }
  // keep the longest of names that overlap (银监局 inside 银监局XX分局)
  const kept: UnitSpan[] = [];
  for (const span of spans) {
    while (kept.length > 0) {
      const last = kept[kept.length - 1];
      if (last && last.end > span.start && last.start >= span.start) kept.pop();
      else break;
    }
    const last = kept[kept.length - 1];
    if (last && last.end > span.start && last.start <= span.start && last.end >= span.end) continue;
    kept.push(span);
  }
  return kept;
}

/** The distinct unit names of `t`, in order of first mention. */
export function extractUnits(t: string): string[] {
  return unique(findUnits(t).map((u) => u.name));
}

/** Departments whose whole name is a suffix word. */
const BARE_DEPARTMENTS = new Set(['办公室', '机关党委', '党组']);

/** True when `part` is exactly one unit name ("市知识产权局", "商标品牌处", "办公室"). */
export function isUnitName(part: string): boolean {
  if (BARE_DEPARTMENTS.has(part)) return true;
  const units = findUnits(part);
  return units.length === 1 && units[0]?.start === 0 && units[0].end === part.length;
}

export function unique(items: string[]): string[] {
  return [...new Set(items.filter((x) => x.length > 0))];
}

// ---------------------------------------------------------------------------------------------
// Explicit responsibility: 牵头单位：…, 配合单位：…, 完成时限：…, （X牵头，Y、Z配合）, X负责。

export interface Responsibility {
  leadUnits: string[];
  coUnits: string[];
  /** The value of 完成时限： (or 完成时间：, 时限：), as written. */
  deadlineText: string | null;
  /** The text without the responsibility phrases, for the title. */
  stripped: string;
}

const LEAD_KEYS = [
  '牵头单位',
  '牵头部门',
  '责任单位',
  '责任部门',
  '主责单位',
  '承办单位',
  '负责单位',
  '牵头处室',
  '责任处室',
];
const CO_KEYS = ['配合单位', '配合部门', '协办单位', '参与单位', '协同单位', '配合处室'];
const DEADLINE_KEYS = ['完成时限', '完成时间', '完成期限', '时间节点', '时限要求', '时限'];
const FIELD = new RegExp(
  `(${[...LEAD_KEYS, ...CO_KEYS, ...DEADLINE_KEYS].join('|')})\\s*[:：]`,
  'g',
);

const HAS_FIELD = new RegExp(FIELD.source);

const UNIT_TAIL = /(?:等(?:相关|有关)?(?:部门|单位|处室)?|牵头负责|牵头|负责|配合|协助|参与)$/;

/** "市知识产权局、市财政局等" → ["市知识产权局", "市财政局"]. */
export function splitUnits(value: string): string[] {
  const out: string[] = [];
  for (const raw of value.split(/[、，,/／;；\s]+/)) {
    let part = raw.trim().replace(/^(?:由|请)/, '');
    part = part.replace(UNIT_TAIL, '').replace(UNIT_TAIL, '');
    if (part.length === 0) continue;
    const pieces = part.split(/和|及|与/);
    if (pieces.length > 1 && pieces.every((p) => isUnitName(p))) out.push(...pieces);
    else out.push(part);
  }
  return out;
}

function isUnitList(clause: string): boolean {
  const parts = clause.split(/[、和及与]/).filter((p) => p.length > 0);
  return parts.length > 0 && parts.every((p) => isUnitName(p.replace(/^由/, '')));
}

interface Span {
  start: number;
  end: number;
}

export function extractResponsibility(text: string): Responsibility {
  const lead: string[] = [];
  const co: string[] = [];
  let deadlineText: string | null = null;
  const cut: Span[] = [];

  // 1. fields: 牵头单位：X；配合单位：Y；完成时限：Z。
  const fields = [...text.matchAll(FIELD)];
  fields.forEach((m, idx) => {
    const key = m[1] ?? '';
    const start = m.index;
    const valueStart = start + m[0].length;
    const inBrackets = ['（', '('].includes(text[start - 1] ?? '');
    const next = fields[idx + 1]?.index ?? text.length;
    let end = valueStart;
    while (end < next) {
      const c = text[end];
      if (c === '。' || c === '；' || c === ';' || c === '\n') break;
      if (inBrackets && (c === '）' || c === ')')) break;
      end++;
    }
    const value = text
      .slice(valueStart, end)
      .trim()
      .replace(/[，,]$/, '');
    const terminator = text[end];
    cut.push({
      start,
      end: terminator === '。' || terminator === '；' || terminator === ';' ? end + 1 : end,
    });
    if (value.length === 0) return;
    if (DEADLINE_KEYS.includes(key)) deadlineText ??= value;
    else if (CO_KEYS.includes(key)) co.push(...splitUnits(value));
    else lead.push(...splitUnits(value));
  });

  // 2. brackets: （X牵头，Y、Z配合） or （X负责）
  for (const m of text.matchAll(/[（(]([^（()）\n]{2,80})[）)]/g)) {
    const inner = m[1] ?? '';
    if (!/牵头|负责|配合|协助/.test(inner) || HAS_FIELD.test(inner)) continue;
    const parts = inner.split(/[，,；;]/).map((p) => {
      const t = p.trim();
      const leadMatch = /^(.+?)(?:牵头负责|牵头|负责|主责)$/.exec(t);
      const coMatch = /^(.+?)(?:配合落实|配合|协助|参与|协办)$/.exec(t);
      return { lead: leadMatch?.[1] ?? null, co: coMatch?.[1] ?? null };
    });
    // "（X牵头，Y配合）" is explicit enough to take Y as written (各处室); alone, each must
    // read as unit names, so that "（由专家负责）" is not taken for a department
    const paired = parts.some((p) => p.lead !== null) && parts.some((p) => p.co !== null);
    let found = false;
    for (const p of parts) {
      if (p.lead !== null && isUnitList(p.lead)) {
        lead.push(...splitUnits(p.lead));
        found = true;
      } else if (p.co !== null && (paired || isUnitList(p.co))) {
        co.push(...splitUnits(p.co));
        found = true;
      }
    }
    if (found) cut.push({ start: m.index, end: m.index + m[0].length });
  }

  // 3. a closing clause: "…。市知识产权局负责。" / "市知识产权局牵头，市财政局配合。"
  const covered = new Uint8Array(text.length + 1);
  for (const c of cut) covered.fill(1, c.start, c.end);
  for (const m of text.matchAll(/(牵头负责|牵头|负责|配合|协助)(?=[。；;，,\n]|$)/g)) {
    const end = m.index;
    let start = end;
    while (start > 0 && start > end - 60 && !'。；;，,：:\n（(）)'.includes(text[start - 1] ?? ''))
      start--;
    const clause = text.slice(start, end).trim();
    if (clause.length === 0 || !isUnitList(clause)) continue;
    if (covered[start] === 1 && covered[end - 1] === 1) continue;
    const isLead = m[1] !== '配合' && m[1] !== '协助';
    (isLead ? lead : co).push(...splitUnits(clause));
    const after = end + (m[1]?.length ?? 0);
    const punct = text[after];
    cut.push({
      start,
      end:
        punct === '。' || punct === '；' || punct === ';' || punct === '，' || punct === ','
          ? after + 1
          : after,
    });
  }

  return {
    leadUnits: unique(lead),
    coUnits: unique(co).filter((u) => !lead.includes(u)),
    deadlineText,
    stripped: removeSpans(text, cut),
  };
}

function removeSpans(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const s of sorted) {
    if (s.start > pos) out += text.slice(pos, s.start);
    pos = Math.max(pos, s.end);
  }
  out += text.slice(pos);
  return out
    .replace(/[（(]\s*[）)]/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
