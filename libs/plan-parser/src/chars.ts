/** Character classes shared by the scanners. All checks take one UTF-16 unit (or undefined). */

const CJK_DIGITS = new Map<string, number>([
  ['〇', 0],
  ['零', 0],
  ['一', 1],
  ['二', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
  ['六', 6],
  ['七', 7],
  ['八', 8],
  ['九', 9],
]);

/** 1 at the UTF-16 code of each numeral character: the scanners test every character. */
const NUMERAL_TABLE = new Uint8Array(0x10000);
for (const c of [...CJK_DIGITS.keys(), '十']) NUMERAL_TABLE[c.charCodeAt(0)] = 1;

export function isCjkNumeral(c: string | undefined): boolean {
  return c !== undefined && NUMERAL_TABLE[c.charCodeAt(0)] === 1;
}

export function isCjkNumeralCode(code: number): boolean {
  return NUMERAL_TABLE[code] === 1;
}

/** 一 … 九十九 as a number; null for anything that is not a well-formed numeral. */
export function cjkToNumber(s: string): number | null {
  if (s.length === 0 || s.length > 3) return null;
  const ten = s.indexOf('十');
  if (ten === -1) {
    if (s.length !== 1) return null;
    const d = CJK_DIGITS.get(s);
    return d !== undefined && d > 0 ? d : null;
  }
  if (s.indexOf('十', ten + 1) !== -1) return null;
  const head = s.slice(0, ten);
  const tail = s.slice(ten + 1);
  const tens = head === '' ? 1 : head.length === 1 ? CJK_DIGITS.get(head) : undefined;
  const ones = tail === '' ? 0 : tail.length === 1 ? CJK_DIGITS.get(tail) : undefined;
  if (tens === undefined || ones === undefined || tens === 0) return null;
  return tens * 10 + ones;
}

export function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

export function isAsciiLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

export function isAsciiAlnum(c: string | undefined): boolean {
  return isDigit(c) || isAsciiLetter(c);
}

/** Printable ASCII other than the space: what may keep a space between two words. */
export function isAsciiGraphic(c: string | undefined): boolean {
  return c !== undefined && c > ' ' && c <= '~';
}

/** A Chinese character (the BMP blocks plans are written in). */
export function isIdeograph(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

/** Characters that end a sentence. */
export const SENTENCE_END = new Set(['。', '！', '？', '!', '?']);

/** Characters after which a new numbered item may start inline (flattened text). */
export const BOUNDARY_BEFORE_LABEL = new Set([
  '。',
  '！',
  '？',
  '!',
  '?',
  '；',
  ';',
  '：',
  ':',
  '…',
  '”',
  '"',
  '’',
  '）',
  ')',
  '】',
  '」',
  '』',
]);

/** Opening and closing brackets and quotes, for finding the first sentence outside them. */
export const OPENERS = new Set(['“', '《', '（', '(', '【', '「', '『', '‘']);
export const CLOSERS = new Set(['”', '》', '）', ')', '】', '」', '』', '’']);

/**
 * Circled and parenthesised digits used as labels: ①…⑳ ㉑…㊿ (circle), ⑴…⒇ (paren), ⒈…⒛ (dot).
 */
export function symbolLabel(
  c: string | undefined,
): { n: number; style: 'circle' | 'paren' | 'dot' } | null {
  if (c === undefined) return null;
  const code = c.charCodeAt(0);
  if (code >= 0x2460 && code <= 0x2473) return { n: code - 0x2460 + 1, style: 'circle' };
  if (code >= 0x3251 && code <= 0x325f) return { n: code - 0x3251 + 21, style: 'circle' };
  if (code >= 0x32b1 && code <= 0x32bf) return { n: code - 0x32b1 + 36, style: 'circle' };
  if (code >= 0x2474 && code <= 0x2487) return { n: code - 0x2474 + 1, style: 'paren' };
  if (code >= 0x2488 && code <= 0x249b) return { n: code - 0x2488 + 1, style: 'dot' };
  return null;
}
