import type { ErrorObject } from 'ajv';

/** Turns ajv's first error into the field it is about and a sentence a client developer can act on. */
export function describeAjvError(e: ErrorObject, allowedFields: readonly string[]): { field: string; reason: string } {
  const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  switch (e.keyword) {
    case 'required': {
      const field = (e.params as { missingProperty: string }).missingProperty;
      return { field: path ? `${path}.${field}` : field, reason: 'is required' };
    }
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      return path
        ? { field: `${path}.${extra}`, reason: 'is not allowed here' }
        : { field: extra, reason: `is not a known field (allowed: ${allowedFields.join(', ')})` };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.filter((v) => v !== null);
      return { field: path, reason: `must be one of ${allowed.map((v) => String(v as string)).join(', ')}` };
    }
    case 'type':
      return {
        field: path || '(row)',
        reason: `must be ${(e.params as { type: string | string[] }).type.toString().replace(/,/g, ' or ')}`,
      };
    case 'pattern':
      return { field: path, reason: `must match ${(e.params as { pattern: string }).pattern}` };
    default:
      return { field: path || '(row)', reason: e.message ?? 'is invalid' };
  }
}
