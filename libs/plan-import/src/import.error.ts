/** Why a file could not be turned into text; the message is shown to the coordinator. */
export type ImportErrorCode = 'EMPTY' | 'UNSUPPORTED_FORMAT' | 'UNREADABLE' | 'NOT_TEXT';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
