import type http from 'node:http';
import type { GraphQLError } from 'graphql';
import { REQUEST_ERROR_CODES } from '../graphql/error-codes';
import { formatRefusal, headersOf, statusOf } from './refusal';

export const JSON_TYPE = 'application/json';
export const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';

interface AcceptEntry {
  type: string;
  subtype: string;
  q: number;
  order: number;
}

function parseAccept(accept: string): AcceptEntry[] {
  const entries: AcceptEntry[] = [];
  // Bounded: a hostile Accept header of thousands of entries costs no more than its first 64.
  for (const [order, part] of accept.split(',').slice(0, 64).entries()) {
    const [range, ...params] = part.split(';');
    const [type, subtype] = range.trim().toLowerCase().split('/');
    if (!type || !subtype) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split('=');
      if (key?.trim().toLowerCase() === 'q') {
        const parsed = Number(value);
        q = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : 0;
      }
    }
    entries.push({ type, subtype, q, order });
  }
  return entries;
}

/**
 * The media type of an answer, negotiated as Apollo Server does for its own answers (highest q, then
 * the most specific match, then the order of the Accept header; on a tie `application/json`): no
 * Accept, `*\/*` or `application/json` give `application/json`; `application/graphql-response+json`
 * (preferred or alone) gives that. Undefined when the client accepts neither (Apollo answers 406).
 */
export function negotiateMediaType(accept: string | undefined): string | undefined {
  if (!accept?.trim()) return JSON_TYPE;
  const entries = parseAccept(accept);
  let best: { type: string; q: number; s: number; o: number; i: number } | undefined;
  for (const [i, candidate] of [JSON_TYPE, GRAPHQL_RESPONSE_TYPE].entries()) {
    const [ct, cs] = candidate.split('/');
    let match: { q: number; s: number; o: number } | undefined;
    for (const e of entries) {
      if ((e.type !== '*' && e.type !== ct) || (e.subtype !== '*' && e.subtype !== cs)) continue;
      const s = (e.type === ct ? 2 : 0) + (e.subtype === cs ? 1 : 0);
      if (!match || s > match.s || (s === match.s && (e.q > match.q || (e.q === match.q && e.order < match.o)))) match = { q: e.q, s, o: e.order };
    }
    if (!match || match.q <= 0) continue;
    const better =
      !best ||
      match.q > best.q ||
      (match.q === best.q && (match.s > best.s || (match.s === best.s && (match.o < best.o || (match.o === best.o && i < best.i)))));
    if (better) best = { type: candidate, ...match, i };
  }
  return best?.type;
}

/** The media type of our own (non-Apollo) answers: as negotiated, `application/json` when nothing fits. */
export function responseMediaType(accept: string | undefined): string {
  return negotiateMediaType(accept) ?? JSON_TYPE;
}

/**
 * The one status rule for GraphQL request errors (parse, validation, variable coercion, an operation
 * that cannot be resolved, and the gateway's operation limits, which are validation rules): nothing
 * was executed and the answer has no `data`. Under `application/graphql-response+json` the answer is
 * 4xx (the code's status, 400); under `application/json` it is 200, as the GraphQL-over-HTTP spec says
 * for that media type (legacy clients read only 200 bodies). Every other refusal (malformed HTTP, JSON
 * or parameters, media type, size, method, CSRF, authentication, trusted documents, rate limits) keeps
 * its own 4xx under both.
 */
export function requestErrorStatus(status: number, codes: readonly unknown[], mediaType: string): number {
  if (mediaType !== JSON_TYPE || status < 400 || status >= 500 || codes.length === 0) return status;
  return codes.every((code) => typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) ? 200 : status;
}

/** A JSON answer (nothing more is written once headers were sent). */
export function send(res: http.ServerResponse, status: number, body: unknown, mediaType = JSON_TYPE, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': `${mediaType}; charset=utf-8`, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * A refusal (lib/http/refusal.ts) as its status, headers and a GraphQL error body. `graphqlRequest`:
 * the refusal answers a GraphQL request, so the status rule above applies (plain routes keep the status).
 */
export function sendRefusal(
  res: http.ServerResponse,
  error: GraphQLError,
  mediaType: string,
  headers: Record<string, string> = {},
  graphqlRequest = false,
): void {
  const body = formatRefusal(error);
  const status = graphqlRequest ? requestErrorStatus(statusOf(error), [body.extensions.code], mediaType) : statusOf(error);
  send(res, status, { errors: [body] }, mediaType, { ...headers, ...headersOf(error) });
}
