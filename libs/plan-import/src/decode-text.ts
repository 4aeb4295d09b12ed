/**
 * Text files from Chinese offices come in UTF-8 or in GB18030/GBK (Windows' default). UTF-8
 * is tried strictly first; bytes that are not valid UTF-8 are read as GB18030, a superset of
 * GBK and GB2312. Node's full ICU provides both decoders.
 */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'gb18030';
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const gb18030 = new TextDecoder('gb18030', { fatal: false });

export function decodeText(bytes: Uint8Array, declared?: string): DecodedText {
  const hint = declared?.toLowerCase();
  if (hint && /^(gbk|gb2312|gb18030|x-gbk)$/.test(hint))
    return { text: gb18030.decode(bytes), encoding: 'gb18030' };
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: gb18030.decode(bytes), encoding: 'gb18030' };
  }
}

/** Share of characters that are neither printable text nor ordinary white space. */
export function garbageRatio(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (
      c === 0xfffd ||
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) ||
      (c >= 0x7f && c < 0xa0)
    )
      bad += 1;
  }
  return bad / text.length;
}
