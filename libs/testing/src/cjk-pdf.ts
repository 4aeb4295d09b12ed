/**
 * Writes a small text PDF whose characters map to Unicode through a ToUnicode CMap, which
 * is all a text extractor reads. There is no CJK font on a bare CI machine and PDF libraries
 * embed only real font files, so the test fixtures are built here: one line per text line,
 * glyphs drawn with no embedded font (they would render as boxes; extraction is unaffected).
 */
export function cjkTextPdf(lines: string[]): Buffer {
  const chars = [...new Set([...lines.join('')])];
  const cid = new Map(chars.map((c, i) => [c, i + 1]));
  const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();
  const utf16 = (c: string) =>
    [...Buffer.from(c, 'utf16le')]
      .reduce<string[]>(
        (acc, b, i, all) => (i % 2 === 0 ? [...acc, hex4((all[i + 1] ?? 0) * 256 + b)] : acc),
        [],
      )
      .join('');

  const cmapBody = chars.map((c) => `<${hex4(cid.get(c) ?? 0)}> <${utf16(c)}>`);
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...chunk(cmapBody, 100).flatMap((c) => [`${c.length} beginbfchar`, ...c, 'endbfchar']),
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');

  const content = lines
    .map(
      (line, i) =>
        `BT /F1 12 Tf 40 ${800 - i * 16} Td <${[...line].map((c) => hex4(cid.get(c) ?? 0)).join('')}> Tj ET`,
    )
    .join('\n');

  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /Fixture /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>',
    stream(content),
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Fixture /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 >>',
    stream(cmap),
    '<< /Type /FontDescriptor /FontName /Fixture /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

function stream(body: string): string {
  return `<< /Length ${Buffer.byteLength(body, 'latin1')} >>\nstream\n${body}\nendstream`;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
