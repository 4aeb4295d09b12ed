import { extractText as extractPdfText, getDocumentProxy } from 'unpdf';
import { decodeText, garbageRatio } from './decode-text';
import { docxToText } from './docx-to-text';
import { declaredCharset, htmlToText } from './html-to-plain';
import { ImportError } from './import.error';

export type SourceFormat = 'txt' | 'docx' | 'pdf' | 'html';

export interface ExtractedText {
  format: SourceFormat;
  text: string;
  /** For text and HTML: the encoding the bytes were read in. */
  encoding?: string;
  warnings: string[];
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) =>
  prefix.every((b, i) => bytes[i] === b);

/** The format, from the file's first bytes, then its name. */
export function detectFormat(bytes: Uint8Array, filename = ''): SourceFormat {
  const name = filename.toLowerCase();
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf'; // %PDF-
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return 'docx'; // a zip: Office Open XML
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0))
    throw new ImportError(
      'UNSUPPORTED_FORMAT',
      '不支持旧版 Word（.doc）文件，请在 Word 中另存为 .docx 后再上传',
    );
  if (name.endsWith('.html') || name.endsWith('.htm')) return 'html';
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  return 'txt';
}

/**
 * Any supported document to plain text: .docx, .pdf, .html, and .txt in UTF-8 or GB18030/GBK.
 * Throws ImportError with a message for the coordinator when the file cannot be read as a
 * document at all; everything else (noise, odd structure) is for the parser to judge.
 */
export async function extractText(bytes: Uint8Array, filename?: string): Promise<ExtractedText> {
  if (bytes.length === 0) throw new ImportError('EMPTY', '文件是空的');
  const format = detectFormat(bytes, filename);
  switch (format) {
    case 'pdf': {
      try {
        // verbosity 0: PDF.js reports problems to us as errors, not on the console.
        const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
        const { text } = await extractPdfText(pdf, { mergePages: true });
        const warnings = text.trim()
          ? []
          : ['PDF 中没有可提取的文字（可能是扫描件），请上传文字版'];
        return { format, text, warnings };
      } catch (error) {
        throw new ImportError('UNREADABLE', `无法读取 PDF 文件：${(error as Error).message}`);
      }
    }
    case 'docx':
      return { format, ...(await docxToText(bytes)) };
    case 'html': {
      const { text, encoding } = decodeText(bytes, declaredCharset(bytes));
      return { format, encoding, text: htmlToText(text), warnings: [] };
    }
    case 'txt': {
      const { text, encoding } = decodeText(bytes);
      if (garbageRatio(text) > 0.05)
        throw new ImportError(
          'NOT_TEXT',
          '文件不是可读的文本（可能是二进制文件）；支持 .docx、.pdf、.html 和 .txt',
        );
      return { format, encoding, text: text.replace(/^\uFEFF/, ''), warnings: [] };
    }
  }
}
