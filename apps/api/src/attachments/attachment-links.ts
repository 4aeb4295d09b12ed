import { ErrorCode, type Actor, type AttachmentRef } from '@workpoints/contracts';
import {
  AttachmentEntity,
  ProgressReportEntity,
  type WorkPointEntity,
} from '@workpoints/persistence';
import { type DataSource, In, IsNull, Not } from 'typeorm';
import { DomainException } from '../common/domain.exception';
import { toAttachmentRef } from './attachment.mapper';

/**
 * Sends uploaded attachments with a report or completion: their `request_id` becomes the
 * report's, which is how the point's detail finds them under it. Only the actor's own uploads
 * to this point qualify, and only while they have not gone with a report that was recorded (an
 * upload whose report the workflow refused may go again). All or nothing: when one does not
 * qualify, the request is refused naming each problem, and no attachment changes.
 */
export async function linkAttachments(
  dataSource: DataSource,
  point: WorkPointEntity,
  actor: Actor,
  requestId: string,
  attachmentIds: readonly string[] | undefined,
): Promise<void> {
  const ids = [...new Set(attachmentIds ?? [])];
  if (ids.length === 0) return;
  await dataSource.transaction(async (tx) => {
    // Locked, so two reports sending the same upload at once see each other's claim.
    const rows = await tx.getRepository(AttachmentEntity).find({
      where: { id: In(ids), pointId: point.id },
      select: { id: true, filename: true, uploadedById: true, requestId: true },
      lock: { mode: 'pessimistic_write' },
    });
    const claimedBy = [
      ...new Set(rows.flatMap((r) => (r.requestId === null ? [] : [r.requestId]))),
    ];
    const recorded = new Set(
      claimedBy.length === 0
        ? []
        : (
            await tx.getRepository(ProgressReportEntity).find({
              where: { pointId: point.id, requestId: In(claimedBy) },
              select: { id: true, requestId: true },
            })
          ).map((r) => r.requestId),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const problems = ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [`附件 ${id} 不存在，或不是第${point.number}项的附件`];
      if (row.uploadedById !== actor.userId) return [`附件“${row.filename}”不是您上传的`];
      if (row.requestId !== null && recorded.has(row.requestId))
        return [`附件“${row.filename}”已随另一次报送提交`];
      return [];
    });
    if (problems.length > 0)
      throw new DomainException(
        ErrorCode.InvalidInput,
        `第${point.number}项的附件有误：${problems.join('；')}`,
        { problems },
      );
    await tx.getRepository(AttachmentEntity).update({ id: In(ids) }, { requestId });
  });
}

/** The point's attachments that went with a report, by the report's request id (no content). */
export async function attachmentsByRequest(
  dataSource: DataSource,
  pointId: string,
): Promise<Map<string, AttachmentRef[]>> {
  const rows = await dataSource.getRepository(AttachmentEntity).find({
    where: { pointId, requestId: Not(IsNull()) },
    select: {
      id: true,
      filename: true,
      size: true,
      contentType: true,
      requestId: true,
      createdAt: true,
    },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  const byRequest = new Map<string, AttachmentRef[]>();
  for (const a of rows) {
    if (a.requestId === null) continue;
    const list = byRequest.get(a.requestId) ?? [];
    list.push(toAttachmentRef(a));
    byRequest.set(a.requestId, list);
  }
  return byRequest;
}
