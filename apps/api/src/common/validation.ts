import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ErrorCode } from '@workpoints/contracts';
import { DomainException } from './domain.exception';

function flatten(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Request bodies and queries: unknown fields, wrong types and impossible dates are refused,
 * with every offending field named (as a dotted path into nested bodies).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const message = fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; ');
      return new DomainException(ErrorCode.InvalidInput, `请求参数有误 — ${message}`, { fields });
    },
  });
}
