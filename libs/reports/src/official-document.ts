import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type FileChild,
} from 'docx';

/**
 * The look of a Chinese government office's documents (党政机关公文格式, GB/T 9704): A4 with
 * 37/35/28/26 mm margins, the title in 小标宋 二号 (22 pt), first-level headings in 黑体 三号,
 * second-level in 楷体 三号, body text in 仿宋 三号 (16 pt) with a two-character indent and a
 * fixed 28 pt line, page numbers in the footer. Fonts fall back to what the reader has; the
 * names are the ones offices install.
 */
export const FONTS = {
  title: '方正小标宋简体',
  heading: '黑体',
  subheading: '楷体_GB2312',
  body: '仿宋_GB2312',
} as const;

const SIZE_BODY = 32; // half-points: 三号 = 16 pt
const SIZE_TITLE = 44; // 二号 = 22 pt
const SIZE_TABLE = 24; // 小四 = 12 pt
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt

const run = (text: string, font: string, size: number, bold = false) =>
  new TextRun({ text, font: { eastAsia: font, ascii: font, hAnsi: font }, size, bold });

/** The document's title, centred, with an optional subtitle line (the month, the office). */
export function title(text: string, subtitle?: string): Paragraph[] {
  const paragraphs = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...LINE, after: 240 },
      children: [run(text, FONTS.title, SIZE_TITLE)],
    }),
  ];
  if (subtitle)
    paragraphs.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { ...LINE, after: 240 },
        children: [run(subtitle, FONTS.subheading, SIZE_BODY)],
      }),
    );
  return paragraphs;
}

/** 一、… (黑体). */
export function heading(text: string): Paragraph {
  return new Paragraph({
    spacing: LINE,
    indent: { firstLine: 640 },
    keepNext: true,
    children: [run(text, FONTS.heading, SIZE_BODY)],
  });
}

/** （一）… (楷体). */
export function subheading(text: string): Paragraph {
  return new Paragraph({
    spacing: LINE,
    indent: { firstLine: 640 },
    keepNext: true,
    children: [run(text, FONTS.subheading, SIZE_BODY)],
  });
}

/** A body paragraph (仿宋, two-character first-line indent); `lead` is set in bold before it. */
export function body(text: string, lead?: string): Paragraph {
  return new Paragraph({
    spacing: LINE,
    indent: { firstLine: 640 },
    alignment: AlignmentType.JUSTIFIED,
    children: [
      ...(lead ? [run(lead, FONTS.body, SIZE_BODY, true)] : []),
      run(text, FONTS.body, SIZE_BODY),
    ],
  });
}

/** A right-aligned line (the office and the date at the end). */
export function signature(...lines: string[]): Paragraph[] {
  return lines.map(
    (line) =>
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: LINE,
        indent: { right: 640 },
        children: [run(line, FONTS.body, SIZE_BODY)],
      }),
  );
}

export interface Column {
  header: string;
  /** Share of the table's width, in percent. */
  width: number;
  align?: 'left' | 'center';
}

export interface TableOptions {
  /** Cell fill per row (hex without #), e.g. a traffic-light colour; undefined for none. */
  fill?: (rowIndex: number, columnIndex: number) => string | undefined;
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** A ruled table with a bold, shaded header row repeated on every page. */
export function table(columns: Column[], rows: string[][], options: TableOptions = {}): Table {
  const cell = (text: string, column: Column, header: boolean, fill?: string) =>
    new TableCell({
      width: { size: column.width, type: WidthType.PERCENTAGE },
      borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
      shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: [
        new Paragraph({
          alignment:
            header || column.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(text, header ? FONTS.heading : FONTS.body, SIZE_TABLE)],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: columns.map((c) => cell(c.header, c, true, 'D9D9D9')),
      }),
      ...rows.map(
        (row, r) =>
          new TableRow({
            cantSplit: true,
            children: row.map((text, i) => cell(text, columns[i], false, options.fill?.(r, i))),
          }),
      ),
    ],
  });
}

/** Packs the children into an A4 document with the office margins and page numbers. */
export function officialDocument(meta: { title: string }, children: FileChild[]): Promise<Buffer> {
  const document = new Document({
    title: meta.title,
    creator: 'workpoints',
    styles: {
      default: { document: { run: { font: FONTS.body, size: SIZE_BODY } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
