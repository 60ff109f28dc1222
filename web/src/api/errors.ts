import type { CombinedError } from 'urql';

/** The `extensions.code` of the first GraphQL error, if any. */
export function errorCode(error: CombinedError | undefined): string | undefined {
  const code = error?.graphQLErrors[0]?.extensions.code;
  return typeof code === 'string' ? code : undefined;
}

/** A sentence for a person: the server's own messages, or that it could not be reached. */
export function errorMessage(error: CombinedError): string {
  if (error.networkError) return 'Could not reach the server. Check the connection and try again.';
  return error.graphQLErrors.map((e) => e.message).join('; ') || error.message;
}

/**
 * The input field a BAD_USER_INPUT error is about, as the server names it (`extensions.field`),
 * e.g. "password" or "input.plants"; the last segment, so it matches the form's own field names.
 */
export function errorField(error: CombinedError | undefined): string | undefined {
  const first = error?.graphQLErrors[0];
  if (first?.extensions.code !== 'BAD_USER_INPUT') return undefined;
  const field = first.extensions.field;
  return typeof field === 'string' ? field.split('.').pop() : undefined;
}

/** Seconds to wait before signing in again, from a RATE_LIMITED answer. */
export function retryAfterSeconds(error: CombinedError | undefined): number | undefined {
  const first = error?.graphQLErrors[0];
  if (first?.extensions.code !== 'RATE_LIMITED') return undefined;
  const seconds = first.extensions.retryAfterSeconds;
  return typeof seconds === 'number' ? seconds : undefined;
}
