import { isAsciiGraphic, isDigit } from './chars';

/**
 * The document as the scanners read it: one trimmed line per paragraph, web-page noise lines
 * dropped, and the spaces that PDF extraction and web pages put inside Chinese text closed up.
 * `gaps[i]` is 1 where whitespace was removed just before `text[i]`: a flattened PDF keeps
 * no other trace of where a heading ended and its body began.
 */
export interface CleanedText {
  text: string;
  gaps: Uint8Array;
  /** How many lines were dropped as web-page noise. */
  noiseLines: number;
  /**
   * Indentation (leading spaces) of indented lines, by the position where the line starts in
   * `text`: Word's nested lists arrive as "1." lines told apart only by their indentation.
   */
  indents: Map<number, number>;
}

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const ODD_SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const FULLWIDTH_DIGIT = /[\uFF10-\uFF19]/g;

/** A line that starts with a label is a heading or an item, never noise. */
const LABEL_START =
  /^(?:[一二三四五六七八九十]{1,3}[、是]|[（(][一二三四五六七八九十\d]{1,4}[）)]|\d{1,4}[.．、](?!\d)|[\u2460-\u249B\u3251-\u325F\u32B1-\u32BF])/;

/** Navigation words of a web page; a short line made only of these is the site's menu. */
const NAV_WORDS = new Set([
  '登录',
  '登陆',
  '注册',
  '退出',
  '首页',
  '网站首页',
  '帮助',
  '设为首页',
  '加入收藏',
  '收藏',
  '打印',
  '关闭',
  '返回',
  '返回顶部',
  '分享',
  '分享到',
  '网站地图',
  '无障碍',
  '长者模式',
  '手机版',
  'English',
  '简体',
  '繁体',
  '繁體',
  '微博',
  '微信',
  '搜索',
  'RSS',
  '个人中心',
  '用户中心',
  '会员中心',
  '【打印】',
  '【关闭】',
  '[打印]',
  '[关闭]',
]);

/**
 * Lines a web page or a document site adds around the text. Each pattern is anchored to a
 * word a plan does not use in that form (a colon after 来源, 扫一扫 beside 二维码), so a short
 * paragraph of the plan is not mistaken for a footer.
 */
const NOISE_PATTERNS: RegExp[] = [
  /^(?:栏目|来源|信息来源|文章来源|作者|编辑|责任编辑|审核|发布者|发布机构|索引号|分类|所属栏目)\s*[:：]/,
  /(?:^|\s)(?:来源|信息来源|作者|责任编辑)\s*[:：]/,
  /发布(?:时间|日期)\s*[:：]/,
  /(?:浏览|阅读|点击|访问)(?:次数|量|数)\s*[:：]/,
  /加入收藏|打印本页|关闭窗口|返回顶部|【(?:打印|关闭|大|中|小)】/,
  /(?:当前|您现在的|你现在的|您的)位置\s*[:：]/,
  /^(?:相关|附件)(?:附件|文章|阅读|新闻|链接|文档|推荐|下载)/,
  /^(?:您|你)可能(?:关注|感兴趣|喜欢)/,
  /^(?:上一篇|下一篇|上一条|下一条)/,
  /^(?:查看更多|点击查看|展开全文|阅读全文|文档介绍|联系我们|网站声明|免责声明)/,
  /扫一扫|扫描二维码|扫码|二维码(?:.{0,12})(?:查看|访问|关注|阅读|分享|下载|原文)/,
  /版权所有|Copyright|©|All Rights Reserved/i,
  /主办单位\s*[:：]|^主办\s*[:：]|承办\s*[:：].{0,30}技术支持|技术支持\s*[:：]/,
  /ICP(?:备|证)|公网安备|网站标识码|网站识别码/,
  /申明敬告|本站(?:不|所|内容|声明|保证|提供)|收集整理[,，]?\s*相关权利|相关权利归属|原文链接|联系客服|免费(?:下载|提供)|下载文档|点击下载/,
  /^字号\s*[:：]|^【?字体\s*[:：]/,
];

const URL_ONLY = /^(?:https?:\/\/|www\.)\S*$/i;
const PUNCTUATION_ONLY = /^[\s|｜\-_=*·•~—–.。,，:：;；/\\]+$/;
const PAGE_NUMBER =
  /^(?:[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4})$/;

/** An attachment's file name, listed under the text. */
const FILE_NAME = /\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z|jpe?g|png|gif|txt)$/i;

function isNavLine(line: string): boolean {
  if (line.length > 60) return false;
  // a menu: three or more words between | separators, no sentence
  const bars = line.split(/\s*[|｜]\s*/).filter((w) => w.length > 0);
  if (bars.length >= 3 && !/[。，,；;]/.test(line)) return true;
  const words = line.split(/[\s|｜·•/>»]+/).filter((w) => w.length > 0);
  return words.length > 0 && words.every((w) => NAV_WORDS.has(w));
}

/** True for a whole line that is web-page or document-site noise. */
export function isNoiseLine(line: string): boolean {
  if (line.length > 160 || LABEL_START.test(line)) return false;
  if (URL_ONLY.test(line) || PUNCTUATION_ONLY.test(line) || PAGE_NUMBER.test(line)) return true;
  if (line.length <= 80 && FILE_NAME.test(line) && !/[。，,；;]/.test(line)) return true;
  if (isNavLine(line)) return true;
  return NOISE_PATTERNS.some((p) => p.test(line));
}

/** Noise inside a kept line: scrape separators (`|`) and a trailing 相关附件: widget label. */
function stripInlineNoise(line: string): string {
  let out = line;
  if (out.includes('|') || out.includes('｜')) out = out.replace(/(^|\s)[|｜]+(?=\s|$)/g, '$1');
  if (out.endsWith('相关附件') || out.endsWith('相关附件:') || out.endsWith('相关附件：')) {
    out = out.slice(0, out.lastIndexOf('相关附件'));
  }
  return out.trim();
}

/**
 * Closes up spaces unless they separate two ASCII words ("World Intellectual"): between Chinese
 * characters, and between Chinese and a number or a Latin word, a space is an artefact of
 * extraction (市领 导, 2019 年, XX 市). Pushes the absolute position of every closed gap.
 */
function closeSpaces(line: string, base: number, gaps: number[]): string {
  if (!line.includes(' ')) return line;
  let removed = 0;
  return line.replace(/ +/g, (run: string, offset: number) => {
    const at = offset - removed;
    const before = line[offset - 1];
    const after = line[offset + run.length];
    // digits spaced out one by one in a Chinese line (2 0 2 4 年) are one number
    const spacedDigits =
      isDigit(before) &&
      isDigit(after) &&
      !isAsciiGraphic(line[offset - 2]) &&
      !isAsciiGraphic(line[offset + run.length + 1]);
    if (isAsciiGraphic(before) && isAsciiGraphic(after) && !spacedDigits) {
      removed += run.length - 1;
      return ' ';
    }
    removed += run.length;
    gaps.push(base + at);
    return '';
  });
}

export function cleanText(raw: string): CleanedText {
  const prepared = raw
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(ODD_SPACES, ' ')
    .replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const kept: string[] = [];
  const gapPositions: number[] = [];
  const indents = new Map<number, number>();
  let offset = 0;
  let noiseLines = 0;
  for (const rawLine of prepared.split('\n')) {
    const trimmed = rawLine.trim();
    if (trimmed.length === 0) continue;
    const line = isNavLine(trimmed) ? '' : stripInlineNoise(trimmed);
    if (line.length === 0 || isNoiseLine(line)) {
      noiseLines += 1;
      continue;
    }
    const closed = closeSpaces(line, offset, gapPositions);
    const indent = rawLine.length - rawLine.trimStart().length;
    if (indent > 0) indents.set(offset, indent);
    kept.push(closed);
    offset += closed.length + 1;
  }
  const text = kept.join('\n');
  const gaps = new Uint8Array(text.length + 1);
  for (const p of gapPositions) if (p <= text.length) gaps[p] = 1;
  return { text, gaps, noiseLines, indents };
}

const PARAGRAPH_END = new Set([
  '。',
  '！',
  '？',
  '!',
  '?',
  '；',
  ';',
  '：',
  ':',
  '”',
  '"',
  '）',
  ')',
  '】',
]);

/**
 * Joins the lines of one item: a line that ends mid-sentence was wrapped (PDF, fixed-width
 * text) and continues without a break; a line that ends a sentence keeps its paragraph break.
 */
export function joinLines(t: string): string {
  if (!t.includes('\n')) return t.trim();
  const parts: string[] = [];
  let last = '';
  for (const raw of t.split('\n')) {
    const line = raw.trim();
    if (line.length === 0) continue;
    if (parts.length > 0 && PARAGRAPH_END.has(last)) parts.push('\n');
    parts.push(line);
    last = line[line.length - 1] ?? '';
  }
  return parts.join('');
}
