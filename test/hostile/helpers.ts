import type { Db } from 'mongodb';
import { SUBGRAPH_NAMES } from '../../lib/config';
import type { Stack } from '../../stack/stack';

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** Sends exactly what a hostile client would: any method, headers and bytes. */
export async function raw(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer | Uint8Array; search?: string } = {},
): Promise<RawResponse> {
  const response = await fetch(url + (init.search ?? ''), {
    method: init.method ?? 'POST',
    headers: init.headers,
    body: init.body as string | undefined,
  });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * The media type current GraphQL-over-HTTP clients ask for: under it every refusal, GraphQL request
 * errors included, is a 4xx. (Under legacy `application/json` a request error is a 200 with the same
 * error and no data, as the spec says for that media type: the tests that check that say so.)
 */
export const GRAPHQL_RESPONSE_ACCEPT = { accept: 'application/graphql-response+json' };

export function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return raw(url, { headers: { ...JSON_HEADERS, ...GRAPHQL_RESPONSE_ACCEPT, ...headers }, body: JSON.stringify(body) });
}

/** Every document of every collection of every subgraph database, sorted: "the stored data". */
export async function snapshot(stack: Stack): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of SUBGRAPH_NAMES) {
    const db: Db = stack.subgraphs[name].service.db;
    const collections = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
    for (const collection of collections) {
      const docs = await db.collection(collection).find({}).toArray();
      out[`${db.databaseName}.${collection}`] = docs.map((d) => JSON.stringify(d)).sort();
    }
  }
  return out;
}
