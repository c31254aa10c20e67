import { GraphQLError } from 'graphql';

/**
 * A request refused before GraphQL execution, with the HTTP status to answer and an
 * `extensions.code` the client can act on. Thrown by the HTTP layer and by preflight checks.
 */
export function refusal(status: number, code: string, message: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra, http: { status, ...(headers ? { headers } : {}) } } });
}

/** The status carried by a refusal (or by any GraphQLError with `extensions.http.status`). */
export function statusOf(error: GraphQLError, fallback = 400): number {
  const http = error.extensions.http as { status?: number } | undefined;
  return http?.status ?? fallback;
}

export function headersOf(error: GraphQLError): Record<string, string> {
  const http = error.extensions.http as { headers?: Record<string, string> } | undefined;
  return http?.headers ?? {};
}

/** The client-facing shape: message and extensions, without the HTTP instructions. */
export function formatRefusal(error: GraphQLError): { message: string; extensions: Record<string, unknown> } {
  const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
  return { message: error.message, extensions: { code: 'BAD_REQUEST', ...extensions } };
}
