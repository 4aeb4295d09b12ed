import { Injectable, PayloadTooLargeException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type Actor,
  type AttachmentUploaded,
  type AttachmentView,
  type PointParties,
} from '@workpoints/contracts';
import { withRule } from '@workpoints/domain';
import { AttachmentEntity } from '@workpoints/persistence';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainException } from '../common/domain.exception';
import { PointsService, partiesOf } from '../points/points.service';
import { toAttachmentUploaded, toAttachmentView } from './attachment.mapper';
import { uploadedContentType, uploadedFilename } from './attachment-names';

/** The largest attachment taken, in bytes (also multer's limit, so a larger one is never read). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENT_MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;

export interface AttachmentFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** The part of a multer file the service reads. */
export interface UploadedPart {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

/**
 * Files (附件) departments upload with progress reports and completions: stored in PostgreSQL
 * with their SHA-256, listed and downloaded by whoever may see the point. They go with a report
 * through `attachmentIds` of the report (see `linkAttachments`).
 */
@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly points: PointsService,
  ) {}

  async upload(
    pointId: string,
    actor: Actor,
    file: UploadedPart | undefined,
  ): Promise<AttachmentUploaded> {
    const point = await this.points.require(pointId, actor);
    if (!mayAttach(actor, partiesOf(point)))
      throw new DomainException(
        ErrorCode.NotInRemit,
        withRule(
          `第${point.number}项：只有牵头单位、配合单位的承办人或负责人和督办员可以上传附件`,
          'party',
        ),
        { rule: 'party' },
      );
    if (!file)
      throw new DomainException(
        ErrorCode.InvalidInput,
        'file: 请以 multipart/form-data 的 file 字段上传文件',
      );
    const filename = uploadedFilename(file.originalname);
    if (file.buffer.length === 0)
      throw new DomainException(ErrorCode.InvalidInput, `file: “${filename}”是空文件，请重新选择`);
    if (file.buffer.length > MAX_ATTACHMENT_BYTES)
      throw new PayloadTooLargeException(`附件不能超过 ${MAX_ATTACHMENT_MB} MB`);
    const row = await this.dataSource.getRepository(AttachmentEntity).save({
      pointId: point.id,
      uploadedById: actor.userId,
      departmentId: actor.departmentId,
      filename,
      contentType: uploadedContentType(file.mimetype),
      size: file.buffer.length,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      content: file.buffer,
      requestId: null,
    });
    return toAttachmentUploaded(row);
  }

  async list(pointId: string, actor: Actor): Promise<AttachmentView[]> {
    await this.points.require(pointId, actor);
    const rows = await this.dataSource
      .getRepository(AttachmentEntity)
      .createQueryBuilder('a')
      .leftJoin('a.uploadedBy', 'u')
      .addSelect(['u.id', 'u.displayName'])
      .where('a.pointId = :pointId', { pointId })
      .orderBy('a.createdAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    return rows.map(toAttachmentView);
  }

  /**
   * The file, for whoever may see its point. Anyone else is told it does not exist, as for an
   * id that never did: an attachment's id must not reveal that it (or its point) exists.
   */
  async file(id: string, actor: Actor): Promise<AttachmentFile> {
    const repo = this.dataSource.getRepository(AttachmentEntity);
    const notFound = new DomainException(ErrorCode.NotFound, `附件不存在：${id}`);
    const meta = await repo.findOne({ where: { id }, select: { id: true, pointId: true } });
    if (!meta) throw notFound;
    try {
      await this.points.require(meta.pointId, actor);
    } catch (error) {
      // Its point out of reach (404) or out of remit (403): either way the attachment is unknown.
      if (error instanceof DomainException) throw notFound;
      throw error;
    }
    const row = await repo
      .createQueryBuilder('a')
      .select(['a.id', 'a.filename', 'a.contentType'])
      .addSelect('a.content')
      .where('a.id = :id', { id })
      .getOne();
    if (!row) throw notFound;
    return { filename: row.filename, contentType: row.contentType, content: row.content };
  }
}

/**
 * Who may upload for a point: staff and heads of its lead or co-departments (those who report
 * and contribute for it, as the lifecycle rule has it), and coordinators.
 */
function mayAttach(actor: Actor, parties: PointParties): boolean {
  if (actor.roles.includes('coordinator')) return true;
  if (actor.departmentId === null) return false;
  const ofPoint =
    actor.departmentId === parties.leadDepartmentId ||
    parties.coDepartmentIds.includes(actor.departmentId);
  return ofPoint && (actor.roles.includes('staff') || actor.roles.includes('head'));
}
