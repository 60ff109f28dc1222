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
