import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { GatewayContext } from './context';
import { CLIENT_VISIBLE_CODES } from '../lib/graphql/error-codes';

/**
 * Error masking. Errors with a code the client can act on keep their code and message; anything
 * else (driver messages, stack traces, subgraph URLs, socket errors) becomes, in production, a
 * generic INTERNAL_SERVER_ERROR carrying the request id, and the original is logged with that id.
 */
/** Every registered code reaches the client (lib/graphql/error-codes.ts); anything else is masked. */
export const CLIENT_ERROR_CODES = CLIENT_VISIBLE_CODES;

export function isClientError(error: GraphQLFormattedError): boolean {
  const code = error.extensions?.code;
  return typeof code === 'string' && CLIENT_ERROR_CODES.has(code);
}

export const INTERNAL_MESSAGE = 'Internal server error: the problem has been logged with this request id.';

/** Apollo's formatError: masks in production; keeps only the extensions a client needs. */
export function createFormatError(production: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    if (!production) return formatted;
    if (!isClientError(formatted)) {
      return { message: INTERNAL_MESSAGE, ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    const { stacktrace: _s, exception: _e, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions };
  };
}

/** Logs unexpected errors with the request id, and puts that id on masked errors. */
export function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            const known = typeof code === 'string' && CLIENT_ERROR_CODES.has(code);
            const original = unwrapResolverError(error);
            const entry = {
              requestId: contextValue.requestId,
              operationName,
              code: code ?? 'INTERNAL_SERVER_ERROR',
              serviceName: error.extensions?.serviceName,
              path: error.path,
              err: original instanceof Error ? original : new Error(String(error.message)),
            };
            if (!known) logger.error(entry, `Internal error: ${error.message}`);
            else if (typeof code === 'string' && code.startsWith('SUBGRAPH_')) logger.warn(entry, error.message);
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((e) =>
            e.extensions?.code === 'INTERNAL_SERVER_ERROR' ? { ...e, extensions: { ...e.extensions, requestId: contextValue.requestId } } : e,
          );
        },
      };
    },
  };
}
