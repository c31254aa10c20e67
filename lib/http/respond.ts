import type http from 'node:http';
import type { GraphQLError } from 'graphql';
import { formatRefusal, headersOf, statusOf } from './refusal';

export const JSON_TYPE = 'application/json';
export const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';

/** The media type of our own (non-Apollo) answers: graphql-response+json when the client asks for it. */
export function responseMediaType(accept: string | undefined): string {
  if (accept && accept.toLowerCase().includes(GRAPHQL_RESPONSE_TYPE)) {
    const jsonAt = accept.toLowerCase().indexOf(JSON_TYPE + ',');
    const grAt = accept.toLowerCase().indexOf(GRAPHQL_RESPONSE_TYPE);
    if (jsonAt === -1 || grAt < jsonAt) return GRAPHQL_RESPONSE_TYPE;
  }
  return JSON_TYPE;
}

/** A JSON answer (nothing more is written once headers were sent). */
export function send(res: http.ServerResponse, status: number, body: unknown, mediaType = JSON_TYPE, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': `${mediaType}; charset=utf-8`, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** A refusal (lib/http/refusal.ts) as its status, headers and a GraphQL error body. */
export function sendRefusal(res: http.ServerResponse, error: GraphQLError, mediaType: string): void {
  send(res, statusOf(error), { errors: [formatRefusal(error)] }, mediaType, headersOf(error));
}
