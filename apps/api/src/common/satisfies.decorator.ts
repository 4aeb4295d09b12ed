import {
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';

/**
 * Validates a field with a rule from libs/domain that lists what is wrong with a value (a
 * `…Problems`-style check): the field is valid when the list is empty, and the request's error
 * names every problem on the list. The rule and its Chinese wording stay in the domain.
 */
export function Satisfies(
  check: (value: unknown) => string[],
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'satisfies',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: ({ value }: ValidationArguments) => check(value).join('；'),
        ...options,
      },
      validator: { validate: (value: unknown) => check(value).length === 0 },
    });
}
