import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { ErrorCode } from '@workpoints/contracts';
import type { Response } from 'express';
import { DomainException, HTTP_STATUS_BY_CODE } from './domain.exception';

const CODE_BY_HTTP_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.InvalidInput,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.NotInRemit,
  404: ErrorCode.NotFound,
};

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

/** Every error leaves the API as `{ statusCode, code, message, details? }`. */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainException) {
      return {
        statusCode: HTTP_STATUS_BY_CODE[exception.code],
        code: exception.code,
        message: exception.message,
        ...(exception.details === undefined ? {} : { details: exception.details }),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : Array.isArray((response as { message?: unknown }).message)
            ? (response as { message: string[] }).message.join('; ')
            : String((response as { message?: unknown }).message ?? exception.message);
      return { statusCode, code: CODE_BY_HTTP_STATUS[statusCode] ?? `HTTP_${statusCode}`, message };
    }
    return { statusCode: 500, code: 'INTERNAL', message: '服务器内部错误' };
  }
}
