import { GraphQLError } from 'graphql';

/**
 * Input a person can correct: the message says what is wrong and what is allowed, `field` names the
 * input field so the dashboard can show it beside that field. GraphQL code BAD_USER_INPUT.
 */
export class InputError extends GraphQLError {
  constructor(message: string, field?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
  }
}

/** Something the caller may not see, or that does not exist: the two answer alike, so scope leaks nothing. */
export class NotFoundError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'NOT_FOUND' } });
  }
}

/** Another change to the same thing is still running: nothing was changed, and trying again is safe. GraphQL code CONFLICT. */
export class BusyError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'CONFLICT' } });
  }
}
