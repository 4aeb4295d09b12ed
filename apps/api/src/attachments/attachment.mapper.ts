import type { AttachmentRef, AttachmentUploaded, AttachmentView } from '@workpoints/contracts';
import type { AttachmentEntity } from '@workpoints/persistence';
import { iso } from '../common/wire';

/** An attachment as a report lists it: never its content, nor its checksum. */
export function toAttachmentRef(a: AttachmentEntity): AttachmentRef {
  return { id: a.id, filename: a.filename, size: a.size, contentType: a.contentType };
}

export function toAttachmentUploaded(a: AttachmentEntity): AttachmentUploaded {
  return { ...toAttachmentRef(a), createdAt: iso(a.createdAt) };
}

/** An attachment in the point's list; `uploadedBy` must have been read with it (id and name). */
export function toAttachmentView(a: AttachmentEntity): AttachmentView {
  return {
    ...toAttachmentUploaded(a),
    sha256: a.sha256,
    requestId: a.requestId,
    uploadedBy: { id: a.uploadedById, name: a.uploadedBy?.displayName ?? null },
    departmentId: a.departmentId,
  };
}
