import { contentDisposition, uploadedContentType, uploadedFilename } from './attachment-names';

/** What multer hands over for a name a browser sent as raw UTF-8 bytes. */
const asMulterReadsIt = (name: string) => Buffer.from(name, 'utf8').toString('latin1');

describe('uploadedFilename', () => {
  it('re-reads the latin1 name multer gives as the UTF-8 the browser sent', () => {
    expect(uploadedFilename(asMulterReadsIt('进展佐证材料（第一季度）.pdf'))).toBe(
      '进展佐证材料（第一季度）.pdf',
    );
    expect(uploadedFilename('report.pdf')).toBe('report.pdf');
  });

  it('keeps a name that is already decoded, or that is not UTF-8 at all', () => {
    expect(uploadedFilename('已解码.docx')).toBe('已解码.docx');
    expect(uploadedFilename('caf\u00e9.txt')).toBe('caf\u00e9.txt');
  });

  it('keeps the last part of a path, drops control characters, never returns an empty name', () => {
    expect(uploadedFilename(asMulterReadsIt('C:\\Users\\张三\\材料.xlsx'))).toBe('材料.xlsx');
    expect(uploadedFilename('a\u0000b\nc.txt')).toBe('abc.txt');
    expect(uploadedFilename('   ')).toBe('附件');
    expect([...uploadedFilename('长'.repeat(300))]).toHaveLength(255);
  });
});

describe('uploadedContentType', () => {
  it('keeps a plain media type and drops its parameters', () => {
    expect(uploadedContentType('application/PDF')).toBe('application/pdf');
    expect(uploadedContentType('text/plain; charset=utf-8')).toBe('text/plain');
  });

  it('falls back to octet-stream for anything else', () => {
    expect(uploadedContentType(undefined)).toBe('application/octet-stream');
    expect(uploadedContentType('not a type')).toBe('application/octet-stream');
    expect(uploadedContentType('text/html\r\nx-evil: 1')).toBe('application/octet-stream');
  });
});

describe('contentDisposition', () => {
  it('names the download in UTF-8 per RFC 5987, including the characters encodeURIComponent keeps', () => {
    const header = contentDisposition("总结(终稿)*'v2'.docx");
    expect(header).toBe(
      "attachment; filename*=UTF-8''%E6%80%BB%E7%BB%93%28%E7%BB%88%E7%A8%BF%29%2A%27v2%27.docx",
    );
    expect(decodeURIComponent(header.split("''")[1] ?? '')).toBe("总结(终稿)*'v2'.docx");
  });
});
