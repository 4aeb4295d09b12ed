import {
  type ArgumentsHost,
  BadRequestException,
  Catch,
  type ExceptionFilter,
  HttpException,
  Injectable,
  PayloadTooLargeException,
} from '@nestjs/common';
import { ErrorCode } from '@workpoints/contracts';
import { DomainException } from '../common/domain.exception';
import { DomainExceptionFilter } from '../common/domain-exception.filter';
import { SecurityEventsService } from '../security/security-events.service';
import { MAX_ATTACHMENT_MB } from './attachments.service';

/**
 * multer's refusals of an upload (too large, a second file, a field other than `file`, a
 * broken body) come in English; this says them in Chinese, in the API's one error shape.
 * multer's own error is the cause of the exception Nest makes of it, which tells them from
 * other refusals of the route (a malformed point id), left as they are.
 */
@Injectable()
@Catch(HttpException)
export class AttachmentUploadFilter implements ExceptionFilter {
  private readonly errors: DomainExceptionFilter;

  constructor(security: SecurityEventsService) {
    this.errors = new DomainExceptionFilter(security);
  }

  catch(exception: HttpException, host: ArgumentsHost): Promise<void> {
    return this.errors.catch(this.translate(exception), host);
  }

  private translate(exception: HttpException): unknown {
    if (exception instanceof PayloadTooLargeException)
      return new PayloadTooLargeException(`附件不能超过 ${MAX_ATTACHMENT_MB} MB`);
    if (exception instanceof BadRequestException && exception.cause instanceof Error)
      return new DomainException(
        ErrorCode.InvalidInput,
        `file: 请以 multipart/form-data 的 file 字段上传一个文件（${exception.message}）`,
      );
    return exception;
  }
}
