import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { ValidationError } from '@nestjs/common';
import { InputError } from './input-error';

function messages(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...messages(e.children ?? [], field)];
  });
}

/** class-validator's findings as one InputError naming every field and rule that failed. */
export function validationError(errors: ValidationError[]): InputError {
  const found = messages(errors);
  return new InputError(found.map((f) => f.message).join('; ') || 'The input is not valid', found[0]?.field);
}

/**
 * Validates an optional input object against its class-validator rules. Nest's ValidationPipe cannot
 * see the class of an argument typed `X | undefined` (TypeScript emits Object for it), so resolvers
 * with optional input objects call this.
 */
export function validateInput<T extends object>(cls: new () => T, value: T | null | undefined, field: string): void {
  if (value === null || value === undefined) return;
  const errors = validateSync(plainToInstance(cls, value));
  if (errors.length) {
    const error = validationError(errors);
    const inner = (error.extensions.field as string | undefined) ?? '';
    throw new InputError(error.message, inner ? `${field}.${inner}` : field);
  }
}
