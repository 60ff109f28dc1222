import { Field, Int, ObjectType } from '@nestjs/graphql';
import { InputError } from '../errors/input-error';

/** The largest page any list query returns. */
export const MAX_PAGE_SIZE = 500;

export function checkPageSize(first: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new InputError(`${field} must be a whole number from 1 to ${MAX_PAGE_SIZE} (the page size limit); got ${first}`, field);
  }
  return first;
}

/** Cursors are opaque to clients: base64url of a JSON array of the sort key of the last row. */
export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends unknown[]>(cursor: string, arity: number, field = 'after'): T {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === arity) return key as T;
  } catch {
    // fall through to the error below
  }
  throw new InputError(`${field} is not a cursor this query gave out; pass the endCursor of the previous page`, field);
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' }) endCursor!: string | null;
}

export const pageSizeArg = { type: () => Int, defaultValue: 50, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` };
