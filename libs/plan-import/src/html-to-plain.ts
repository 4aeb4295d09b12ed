import { convert } from 'html-to-text';

/** A saved web page: visible text, one block per line; the parser removes the site's noise. */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ],
  });
}

/** The charset a page declares (<meta charset> or http-equiv), if any. */
export function declaredCharset(head: Uint8Array): string | undefined {
  const ascii = Buffer.from(head.subarray(0, 2048)).toString('latin1');
  return /<meta[^>]{0,200}charset\s*=\s*["']?([\w-]{2,20})/i.exec(ascii)?.[1];
}
