import {
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor, AttachmentUploaded, AttachmentView } from '@workpoints/contracts';
import type { Response } from 'express';
import { CurrentActor } from '../auth/auth.decorators';
import { contentDisposition } from './attachment-names';
import { AttachmentUploadFilter } from './attachment-upload.filter';
import { AttachmentResponse, AttachmentUploadedResponse } from './attachment.responses';
import { AttachmentsService, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_MB } from './attachments.service';

@ApiTags('attachments')
@ApiBearerAuth()
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post('points/:pointId/attachments')
  // No storage given: multer keeps the file in memory, up to the limit, and reads no further.
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }),
  )
  @UseFilters(AttachmentUploadFilter)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOperation({
    summary: `上传附件（进展报送、办结材料的佐证；牵头单位、配合单位或督办员；不超过 ${MAX_ATTACHMENT_MB} MB），再在报送时以 attachmentIds 提交`,
  })
  @ApiCreatedResponse({ type: AttachmentUploadedResponse })
  upload(
    @Param('pointId', ParseUUIDPipe) pointId: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<AttachmentUploaded> {
    return this.attachments.upload(pointId, actor, file);
  }

  @Get('points/:pointId/attachments')
  @ApiOperation({ summary: '要点的附件列表（上传人、随哪次报送提交、上传时间；不含文件内容）' })
  @ApiOkResponse({ type: [AttachmentResponse] })
  list(
    @Param('pointId', ParseUUIDPipe) pointId: string,
    @CurrentActor() actor: Actor,
  ): Promise<AttachmentView[]> {
    return this.attachments.list(pointId, actor);
  }

  @Get('attachments/:attachmentId/file')
  @ApiOperation({ summary: '下载附件（能查看该要点的人；其他人得到 404）' })
  async file(
    @Param('attachmentId', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.attachments.file(id, actor);
    res.setHeader('content-disposition', contentDisposition(file.filename));
    // The type is the uploader's word for it: never let a browser guess another.
    res.setHeader('x-content-type-options', 'nosniff');
    return new StreamableFile(file.content, {
      type: file.contentType,
      length: file.content.length,
    });
  }
}
