import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorCode, type Actor, type ImportView } from '@workpoints/contracts';
import type { Response } from 'express';
import { CurrentActor } from '../auth/auth.decorators';
import { DomainException } from '../common/domain.exception';
import { ImportOptionsDto, ImportTextDto } from './dto/import.dto';
import { ImportResponse } from './dto/import.responses';
import { ImportsService, MAX_IMPORT_BYTES } from './imports.service';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @HttpCode(202)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' }, year: { type: 'integer' } },
    },
  })
  @ApiOperation({ summary: '上传计划文件（.docx/.pdf/.txt/.html），后台解析为计划草稿' })
  @ApiAcceptedResponse({ type: ImportResponse })
  upload(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() options: ImportOptionsDto,
    @CurrentActor() actor: Actor,
  ): Promise<ImportView> {
    if (!file)
      throw new DomainException(
        ErrorCode.InvalidInput,
        'file: 请以 multipart/form-data 的 file 字段上传文件',
      );
    // multer reads the name as latin1; browsers send UTF-8.
    const filename = Buffer.from(file.originalname, 'latin1').toString('utf8');
    return this.imports.create({ bytes: file.buffer, filename }, options.year, actor);
  }

  @Post('text')
  @HttpCode(202)
  @ApiOperation({ summary: '粘贴计划全文，后台解析为计划草稿' })
  @ApiAcceptedResponse({ type: ImportResponse })
  paste(@Body() body: ImportTextDto, @CurrentActor() actor: Actor): Promise<ImportView> {
    return this.imports.create(
      { bytes: Buffer.from(body.text, 'utf8'), filename: `${body.name ?? '粘贴的文字'}.txt` },
      body.year,
      actor,
    );
  }

  @Get()
  @ApiOperation({ summary: '最近的导入' })
  @ApiOkResponse({ type: [ImportResponse] })
  list(): Promise<ImportView[]> {
    return this.imports.list();
  }

  @Get(':importId')
  @ApiOperation({ summary: '导入进度与结果（警告、总结中不跟踪的部分）' })
  @ApiOkResponse({ type: ImportResponse })
  get(@Param('importId', ParseUUIDPipe) id: string): Promise<ImportView> {
    return this.imports.get(id);
  }

  @Get(':importId/file')
  @ApiOperation({ summary: '下载原始文件' })
  async file(
    @Param('importId', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { filename, content } = await this.imports.file(id);
    res.setHeader(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
    );
    return new StreamableFile(content, { type: 'application/octet-stream' });
  }
}
