import { isCalendarDate } from '@workpoints/domain';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: ({ property, value }) =>
          `${property} must be a real date YYYY-MM-DD, got ${JSON.stringify(value)}`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
      },
    });
}
