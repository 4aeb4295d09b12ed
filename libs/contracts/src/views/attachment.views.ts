import type { IsoDateTime } from './wire';

/** An attachment as a report lists it. */
export interface AttachmentRef {
  id: string;
  filename: string;
  size: number;
  contentType: string;
}

/** What an upload answers. */
export interface AttachmentUploaded extends AttachmentRef {
  createdAt: IsoDateTime;
}

/** An attachment in the point's list (never its content). */
export interface AttachmentView extends AttachmentUploaded {
  sha256: string;
  /** The request id of the report or completion it went with; null while it has gone with none. */
  requestId: string | null;
  uploadedBy: { id: string; name: string | null };
  /** The uploader's department at the time. */
  departmentId: string | null;
}
