import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Injectable,
  Logger,
} from '@nestjs/common';
import { ErrorCode } from '@workpoints/contracts';
import type { Request, Response } from 'express';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { SecurityEventsService } from '../security/security-events.service';
import { DomainException, HTTP_STATUS_BY_CODE } from './domain.exception';

/** Refusals worth a security event: not signed in, not allowed, not now. */
const RECORDED_REFUSALS = new Set([401, 403, 409]);

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

/**
 * Every error leaves the API as `{ statusCode, code, message, details? }`; every refusal (401,
 * 403, 409) is recorded as a security event with the rule that refused it, before the answer.
 */
@Injectable()
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  constructor(private readonly security: SecurityEventsService) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request & AuthenticatedRequest>();
    const body = this.toBody(exception);
    // A full hashing queue is load, not a fault: one line, no stack.
    if (exception instanceof DomainException && exception.code === ErrorCode.Overloaded)
      this.logger.warn(`${req.method} ${req.path}: ${exception.message}`);
    else if (body.statusCode >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const recorded = exception instanceof DomainException && exception.recorded;
    if (RECORDED_REFUSALS.has(body.statusCode) && !recorded)
      await this.security.record(
        {
          kind: 'refused',
          actor: req.actor ?? null,
          status: body.statusCode,
          code: body.code,
          reason: body.message,
          details: ruleOf(body.details),
        },
        req,
      );
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

/** The access rule a refusal names (`details.rule`, a key of ACCESS_RULES), for its event. */
function ruleOf(details: unknown): { rule: string } | null {
  const rule = (details as { rule?: unknown } | undefined)?.rule;
  return typeof rule === 'string' ? { rule } : null;
}
