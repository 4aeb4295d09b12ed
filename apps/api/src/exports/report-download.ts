import { StreamableFile } from '@nestjs/common';
import type { ReportFile } from '@workpoints/reports';
import type { Response } from 'express';
import type { ExportAccepted } from '@workpoints/contracts';

/** A file as a download named in UTF-8 (Chinese names survive every browser). */
export function attachment(res: Response, file: ReportFile): StreamableFile {
  res.setHeader(
    'content-disposition',
    `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  );
  return new StreamableFile(file.content, { type: file.contentType });
}

/**
 * What a direct download answers: the file (200), or 202 with the background export that builds
 * it instead, its status address also in `Location`.
 */
export function fileOrAccepted(
  res: Response,
  result: ReportFile | ExportAccepted,
): StreamableFile | ExportAccepted {
  if ('content' in result) return attachment(res, result);
  res.status(202).setHeader('location', result.statusUrl);
  return result;
}
