/**
 * Finds a draft point's passage in the original text. The parser closes up spaces and
 * normalises punctuation, so both sides are compared without white space and in NFKC form
 * (full-width ，：（ become , : ( ); positions map back to the original for highlighting.
 */
export interface Normalized {
  chars: string;
  /** Index in the original of each normalised character. */
  map: number[];
}

export function normalize(text: string): Normalized {
  let chars = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    if (!/\s/.test(ch))
      for (const c of ch.normalize('NFKC')) {
        chars += c;
        map.push(i);
      }
    i += ch.length;
  }
  return { chars, map };
}

function commonPrefix(a: string, from: number, b: string): number {
  let k = 0;
  while (k < b.length && from + k < a.length && a[from + k] === b[k]) k += 1;
  return k;
}

/**
 * The range [start, end) of the original where the point's text is, or null. When the text
 * occurs twice (a web page that repeats the plan flattened into one line, then in paragraphs)
 * the last occurrence is taken, the copy the parser keeps.
 */
export function locate(
  source: Normalized,
  pointText: string,
  title: string,
): { start: number; end: number } | null {
  const needle = normalize(pointText).chars || normalize(title).chars;
  if (!needle) return null;
  let at = -1;
  for (const length of [32, 20, 12, 8]) {
    if (length > needle.length && length !== 8) continue;
    at = source.chars.lastIndexOf(needle.slice(0, length));
    if (at >= 0) break;
  }
  if (at < 0) {
    const t = normalize(title).chars;
    for (const length of [20, 10, 6]) {
      if (t.length < length) continue;
      at = source.chars.lastIndexOf(t.slice(0, length));
      if (at >= 0) break;
    }
  }
  if (at < 0) return null;
  let end = at + commonPrefix(source.chars, at, needle);
  if (end - at < needle.length * 0.9 && needle.length > 12) {
    // Where the parser dropped words (responsibility phrases), find where the text ends.
    const tail = needle.slice(-10);
    const j = source.chars.indexOf(tail, end);
    if (j >= 0 && j - at <= needle.length * 1.5 + 40) end = j + tail.length;
  }
  end = Math.max(end, at + Math.min(needle.length, 8));
  const start = source.map[at] ?? 0;
  const last = source.map[Math.min(end, source.map.length) - 1] ?? start;
  return { start, end: last + 1 };
}
