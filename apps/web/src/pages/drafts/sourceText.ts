import { ApiError, authorizedFetch } from '../../api/client';

/** The original of an imported plan, as text to read beside the draft, or why it cannot be shown. */
export type SourceText =
  | { kind: 'text'; text: string; format: 'txt' | 'html' | 'docx' | 'pdf' }
  | { kind: 'unreadable'; format: 'docx' | 'pdf' };

const startsWith = (bytes: Uint8Array, ...prefix: number[]) =>
  prefix.every((b, i) => bytes[i] === b);

/** UTF-8 first (strictly), else GB18030 — what Chinese offices' text files come in. */
function decode(bytes: Uint8Array, declared?: string): string {
  if (declared && /^(gbk|gb2312|gb18030|x-gbk)$/i.test(declared))
    return new TextDecoder('gb18030').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IMG', 'svg', 'HEAD']);

/** Visible text of an HTML document, one block per line; ordered list items get their numbers. */
export function htmlText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      out.push((node.textContent ?? '').replace(/[ \t\r\n]+/g, ' '));
      return;
    }
    if (!(node instanceof Element) || SKIP.has(node.tagName)) return;
    const block = BLOCK.has(node.tagName);
    if (block) out.push('\n');
    if (node.tagName === 'BR') out.push('\n');
    if (node.tagName === 'LI' && node.parentElement?.tagName === 'OL') {
      const index = [...node.parentElement.children]
        .filter((c) => c.tagName === 'LI')
        .indexOf(node);
      const start = Number(node.parentElement.getAttribute('start') ?? '1') || 1;
      out.push(`${start + index}.`);
    }
    if (node.tagName === 'TD' || node.tagName === 'TH') out.push(' ');
    node.childNodes.forEach(walk);
    if (block) out.push('\n');
  };
  walk(doc.body);
  return out
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n')
    .trim();
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const { default: mammoth } = await import('mammoth/mammoth.browser.min.js');
  const buffer = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer;
  const { value } = await mammoth.convertToHtml({ arrayBuffer: buffer });
  return htmlText(value);
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

/** Reads the stored original of an import and turns it into text the way the importer did. */
export async function loadSource(importId: string, filename: string): Promise<SourceText> {
  const response = await authorizedFetch(`/api/imports/${importId}/file`);
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      code?: string;
      message?: string;
    } | null;
    throw new ApiError(
      response.status,
      body?.code ?? `HTTP_${response.status}`,
      body?.message ?? response.statusText,
    );
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  const name = filename.toLowerCase();
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) {
    try {
      return { kind: 'text', format: 'pdf', text: await pdfText(bytes) };
    } catch {
      return { kind: 'unreadable', format: 'pdf' };
    }
  }
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    try {
      return { kind: 'text', format: 'docx', text: await docxText(bytes) };
    } catch {
      return { kind: 'unreadable', format: 'docx' };
    }
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const isHtml =
    name.endsWith('.html') || name.endsWith('.htm') || /^\s*<(!doctype html|html)/i.test(head);
  if (isHtml) {
    const charset = /<meta[^>]{0,200}charset\s*=\s*["']?([\w-]{2,20})/i.exec(head)?.[1];
    return { kind: 'text', format: 'html', text: htmlText(decode(bytes, charset)) };
  }
  return { kind: 'text', format: 'txt', text: decode(bytes).replace(/^\uFEFF/, '') };
}
