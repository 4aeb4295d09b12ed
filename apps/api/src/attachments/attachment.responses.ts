import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { AttachmentRef, AttachmentUploaded, AttachmentView } from '@workpoints/contracts';
import { ApiDateTime, ApiId } from '../common/openapi-properties';

@ApiSchema({ name: 'AttachmentRef', description: '随报送提交的附件（不含内容）' })
export class AttachmentRefResponse implements AttachmentRef {
  @ApiId()
  id!: string;

  @ApiProperty()
  filename!: string;

  @ApiProperty({ description: '字节数' })
  size!: number;

  @ApiProperty({ example: 'application/pdf' })
  contentType!: string;
}

@ApiSchema({ name: 'AttachmentUploaded', description: '已上传的附件' })
export class AttachmentUploadedResponse
  extends AttachmentRefResponse
  implements AttachmentUploaded
{
  @ApiDateTime()
  createdAt!: string;
}

@ApiSchema({ name: 'Uploader' })
export class UploaderResponse {
  @ApiId()
  id!: string;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;
}

@ApiSchema({ name: 'Attachment', description: '要点的附件（不含内容）' })
export class AttachmentResponse extends AttachmentUploadedResponse implements AttachmentView {
  @ApiProperty({ description: '内容的 SHA-256（十六进制）' })
  sha256!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: '随哪次报送（请求编号）提交；尚未随报送提交时为 null',
  })
  requestId!: string | null;

  @ApiProperty({ type: () => UploaderResponse })
  uploadedBy!: UploaderResponse;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  departmentId!: string | null;
}
