import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { InputError } from '../errors/input-error';

/**
 * A query string's parameters as Express parses them: a key given once is a string, a repeated key
 * (`?plants=A&plants=B`) an array of strings (and an extended parser could give an object).
 */
export type QueryParams = Record<string, unknown>;

/**
 * A list parameter: comma-separated, and a repeated key adds to the list (`?plants=A,B` and
 * `?plants=A&plants=B` are the same). Undefined when absent; InputError naming the parameter when it
 * is not text.
 */
export function queryList(query: QueryParams, name: string): string[] | undefined {
  const v = query[name];
  if (v === undefined) return undefined;
  const parts = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(parts) || !parts.every((p) => typeof p === 'string'))
    throw new InputError(`${name} must be a comma-separated list`, name);
  return parts
    .flatMap((p) => p.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A parameter that takes one value: undefined when absent, InputError naming it when repeated. */
export function queryText(query: QueryParams, name: string): string | undefined {
  const v = query[name];
  if (v === undefined || typeof v === 'string') return v;
  throw new InputError(`${name} must be given once`, name);
}

/**
 * Answers a BAD_USER_INPUT error (an InputError, or any GraphQLError with that code) thrown by a
 * controller or the services it calls as 400 `{error, field, message}`, and returns true; any other
 * error is the caller's to rethrow. `fieldOf` maps a GraphQL field name (`filter.from`) to the HTTP
 * parameter it came from. GraphQLError is not an HttpException: unanswered, Nest makes it a 500.
 */
export function answerBadInput(res: Response, err: unknown, fieldOf: (field: string) => string = (f) => f): boolean {
  if (!(err instanceof GraphQLError) || err.extensions?.code !== 'BAD_USER_INPUT') return false;
  const field = typeof err.extensions.field === 'string' ? fieldOf(err.extensions.field) : undefined;
  res.status(400).json({ error: 'bad_request', ...(field ? { field } : {}), message: err.message });
  return true;
}
