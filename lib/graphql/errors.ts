import { GraphQLError } from 'graphql';
import type { ErrorCode } from './error-codes';

export type { ErrorCode } from './error-codes';

/** An error with a registered code (lib/graphql/error-codes.ts) and any extra extensions. */
export function codedError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/**
 * The one way to report a bad input: BAD_USER_INPUT, the input's path in `extensions.field` (an
 * argument name such as `year`, or a path such as `input.values[3].value`), and a message that starts
 * with that path in quotes and says what is wrong and what was given:
 * `"input.title" must be 3–200 characters long, got 2`.
 */
export function inputError(field: string, problem: string, extra: Record<string, unknown> = {}): GraphQLError {
  return codedError('BAD_USER_INPUT', `"${field}" ${problem}`, { field, ...extra });
}
