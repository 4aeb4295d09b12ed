/** What a stored name may be at most, in characters. */
const MAX_FILENAME = 255;
const MAX_CONTENT_TYPE = 127;
const FALLBACK_FILENAME = '附件';
const OCTET_STREAM = 'application/octet-stream';
/** `type/subtype` as RFC 9110 tokens; parameters are dropped. */
const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;

/**
 * The name of an uploaded file as its owner sees it. multer (busboy) reads a part's filename
 * as latin1 unless the part says otherwise, while browsers and fetch send the raw UTF-8 bytes:
 * re-read them as UTF-8. A name that is already beyond latin1 (sent as `filename*=UTF-8''…`) or
 * is not valid UTF-8 is kept as it came. A path (old browsers send one) keeps its last part.
 */
export function uploadedFilename(originalname: string): string {
  const wide = [...originalname].some((ch) => (ch.codePointAt(0) ?? 0) > 0xff);
  const utf8 = wide ? originalname : Buffer.from(originalname, 'latin1').toString('utf8');
  const name = utf8.includes('\uFFFD') && !originalname.includes('\uFFFD') ? originalname : utf8;
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/\p{Cc}/gu, '').trim();
  return base ? [...base].slice(0, MAX_FILENAME).join('') : FALLBACK_FILENAME;
}

/** The media type the uploader's browser gave, when it is a plain `type/subtype`. */
export function uploadedContentType(mimetype: string | undefined): string {
  const type = (mimetype ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type.length <= MAX_CONTENT_TYPE && MEDIA_TYPE.test(type) ? type : OCTET_STREAM;
}

/**
 * `Content-Disposition` of a download named in UTF-8 (RFC 6266 / RFC 5987), so Chinese names
 * arrive as they were. `encodeURIComponent` leaves `'()*` as they are, which RFC 5987 does not
 * allow in a value: they are encoded too.
 */
export function contentDisposition(filename: string): string {
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename*=UTF-8''${encoded}`;
}
