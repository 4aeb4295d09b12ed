import { convert, type FormatCallback } from 'html-to-text';
import mammoth from 'mammoth';
import { ImportError } from './import.error';

interface DomNode {
  type: string;
  name?: string;
  data?: string;
  children?: DomNode[];
}

function textOf(node: DomNode): string {
  if (node.type === 'text') return node.data ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function childTags(node: DomNode, ...names: string[]): DomNode[] {
  return (node.children ?? []).flatMap((c) => {
    if (c.type !== 'tag') return [];
    if (names.includes(c.name ?? '')) return [c];
    // rows sit inside thead/tbody; cells directly inside rows
    return c.name === 'thead' || c.name === 'tbody' ? childTags(c, ...names) : [];
  });
}

const RESPONSIBILITY_HEADER = /牵头|责任|配合|协办|时限|时间/;

/**
 * Responsibility tables (序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限) become one paragraph per
 * row, written the way such plans write it in prose ("3. 任务。牵头单位：X。配合单位：Y。完成时限：Z。"),
 * so the parser reads tables and prose alike. Other tables become one line per row.
 */
const tableAsParagraphs: FormatCallback = (elem, _walk, builder) => {
  const rows = childTags(elem as DomNode, 'tr').map((tr) =>
    childTags(tr, 'td', 'th').map((cell) => textOf(cell).replace(/\s+/g, ' ').trim()),
  );
  const [header, ...body] = rows;
  const isResponsibility =
    header !== undefined && header.some((h) => RESPONSIBILITY_HEADER.test(h));
  builder.openBlock({ leadingLineBreaks: 2 });
  for (const row of isResponsibility ? body : rows) {
    let line: string;
    if (isResponsibility && header) {
      const parts: string[] = [];
      row.forEach((cell, i) => {
        const name = header[i] ?? '';
        if (!cell) return;
        if (/序号|编号/.test(name)) parts.unshift(`${cell.replace(/[.、．]$/, '')}.`);
        else if (RESPONSIBILITY_HEADER.test(name))
          parts.push(`${name.replace(/[:：]$/, '')}：${cell}。`);
        else parts.push(/[。；;]$/.test(cell) ? cell : `${cell}。`);
      });
      line = parts.join(' ').replace(/^(\d+\.) /, '$1');
    } else {
      line = row.filter(Boolean).join(' ');
    }
    builder.addInline(line);
    builder.addLineBreak();
  }
  builder.closeBlock({ trailingLineBreaks: 2 });
};

/**
 * Word documents: mammoth turns Word's automatic numbering into ordered lists, which are
 * written out as "1." items (the numbers are not in the document's text at all), and tables
 * into HTML tables, read as above.
 */
export async function docxToText(bytes: Uint8Array): Promise<{ text: string; warnings: string[] }> {
  let html: string;
  let messages: { type: string; message: string }[];
  try {
    ({ value: html, messages } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch (error) {
    throw new ImportError('UNREADABLE', `无法读取 Word 文档（.docx）：${(error as Error).message}`);
  }
  const text = convert(html, {
    wordwrap: false,
    formatters: { tableAsParagraphs },
    selectors: [
      { selector: 'table', format: 'tableAsParagraphs' },
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'ol', options: { itemPrefix: '' } },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
    ],
  });
  return {
    text,
    warnings: messages.filter((m) => m.type === 'warning').map((m) => `Word: ${m.message}`),
  };
}
