import { ApiProperty } from '@nestjs/swagger';

interface Options {
  description?: string;
  nullable?: boolean;
  required?: boolean;
  example?: unknown;
}

/** An instant as the answers carry it (`IsoDateTime` of the contracts). */
export const ApiDateTime = (options: Options = {}): PropertyDecorator =>
  ApiProperty({ type: String, format: 'date-time', ...options });

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD` (`CalendarDate` of the contracts). */
export const ApiCalendarDate = (options: Options = {}): PropertyDecorator =>
  ApiProperty({ type: String, format: 'date', example: '2026-06-30', ...options });

/** An id (uuid); `nullable` for a reference that may be unset. */
export const ApiId = (options: Options = {}): PropertyDecorator =>
  ApiProperty({ type: String, format: 'uuid', ...options });

/** A string that may be null. */
export const ApiNullableString = (options: Omit<Options, 'nullable'> = {}): PropertyDecorator =>
  ApiProperty({ type: String, nullable: true, ...options });
