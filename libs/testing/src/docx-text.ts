import JSZip from 'jszip';

export interface DocxContent {
  /** Every paragraph's text in document order, table cells included. */
  paragraphs: string[];
  /** Each table as rows of cell texts. */
  tables: string[][][];
  /** word/document.xml as it is, for checks on formatting (fills, fonts). */
  xml: string;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const textOf = (xml: string) =>
  decode([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));

/** Opens a .docx and reads its body back: what a test checks a generated document with. */
export async function readDocx(content: Buffer | Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(content);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('not a Word document: word/document.xml is missing');
  const xml = await file.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])),
    ),
  );
  return { paragraphs, tables, xml };
}
