import type { GatewayClient } from '../../../lib/federation/gateway-client';
import { codedError } from '../../../lib/graphql/errors';
import type { Context } from '../context';

/**
 * What workshops needs to know of cities, asked of the membership domain through the gateway's
 * public API (`ctx.gateway`, lib/federation/gateway-client.ts) — never by reading its database
 * (membership never calls workshops, so this is no call cycle):
 * - whether cities exist (registrations, pairs, hosts);
 * - their facts: the IANA time zone (a workshop in person follows its host, mentoring the mentor),
 *   region and population (mentor suggestions).
 *
 * The ids asked in the same tick by any requests are batched, at most `MAX_ROOT_FIELDS` cities per
 * query (the gateway's default limit of top-level fields), and sent with the token of one of the
 * askers (mutations: staff or officers, who may send any operation). Cities found are remembered as
 * existing for a while (city records are never deleted), so a burst of 50 registrations costs one
 * request; facts are always asked afresh (a city's zone may change).
 */
const KNOWN_TTL_MS = 5 * 60_000;
const MAX_ROOT_FIELDS = 10;
const known = new Map<string, number>(); // `${gatewayUrl} ${cityId}` -> known until

export interface CityFacts {
  id: string;
  timezone: string;
  region: string;
  population: number | null;
}

interface Waiter {
  resolve: (facts: CityFacts | null) => void;
  reject: (error: unknown) => void;
}

interface Batch {
  url: string;
  gateway: GatewayClient;
  authorization?: string;
  requestId?: string;
  ids: Map<string, Waiter[]>;
}
const batches = new Map<string, Batch>(); // by gateway URL

async function ask(batch: Batch, ids: string[]): Promise<void> {
  try {
    const vars = ids.map((_, i) => `$c${i}: ID!`).join(', ');
    const fields = ids.map((_, i) => `c${i}: city(id: $c${i}) { id timezone region population }`).join(' ');
    const data = await batch.gateway<Record<string, CityFacts | null>>(
      `query WorkshopsCityCheck(${vars}) { ${fields} }`,
      Object.fromEntries(ids.map((id, i) => [`c${i}`, id])),
      { authorization: batch.authorization, requestId: batch.requestId },
    );
    ids.forEach((id, i) => {
      const facts = data[`c${i}`] ?? null;
      if (facts) known.set(`${batch.url} ${id}`, Date.now() + KNOWN_TTL_MS);
      for (const w of batch.ids.get(id)!) w.resolve(facts);
    });
  } catch (error) {
    for (const id of ids) for (const w of batch.ids.get(id)!) w.reject(error);
  }
}

async function flush(batch: Batch): Promise<void> {
  batches.delete(batch.url);
  const ids = [...batch.ids.keys()];
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += MAX_ROOT_FIELDS) chunks.push(ids.slice(i, i + MAX_ROOT_FIELDS));
  await Promise.all(chunks.map((chunk) => ask(batch, chunk)));
}

function gatewayUrlOf(ctx: Context): string {
  const url = ctx.settings.gatewayUrl?.();
  if (!url) throw codedError('UNAVAILABLE', 'The gateway URL is not configured (GATEWAY_URL), so cities cannot be checked.');
  return url;
}

function factsOf(ctx: Context, url: string, id: string): Promise<CityFacts | null> {
  return new Promise((resolve, reject) => {
    let batch = batches.get(url);
    if (!batch) {
      batch = { url, gateway: ctx.gateway, requestId: ctx.caller.requestId, ids: new Map() };
      batches.set(url, batch);
      const scheduled = batch;
      setImmediate(() => void flush(scheduled));
    }
    batch.authorization ??= ctx.caller.authorization;
    const waiters = batch.ids.get(id) ?? [];
    waiters.push({ resolve, reject });
    batch.ids.set(id, waiters);
  });
}

function notFound(c: { id: string; field: string }) {
  return codedError('NOT_FOUND', `No city with id ${JSON.stringify(c.id)} (${c.field}).`, { field: c.field });
}

/** Refuses (NOT_FOUND, naming the input field) any city membership does not know. */
export async function requireCitiesExist(ctx: Context, cities: { id: string; field: string }[]): Promise<void> {
  if (cities.length === 0) return;
  const url = gatewayUrlOf(ctx);
  const found = await Promise.all(
    cities.map((c) => {
      const until = known.get(`${url} ${c.id}`);
      return until !== undefined && until > Date.now() ? true : factsOf(ctx, url, c.id).then((f) => f !== null);
    }),
  );
  cities.forEach((c, i) => {
    if (!found[i]) throw notFound(c);
  });
}

/** The facts of cities (time zone, region, population), asked afresh; NOT_FOUND (naming the input field) for an unknown one. */
export async function requireCityFacts(ctx: Context, cities: { id: string; field: string }[]): Promise<Map<string, CityFacts>> {
  const url = gatewayUrlOf(ctx);
  const facts = await Promise.all(cities.map((c) => factsOf(ctx, url, c.id)));
  const byId = new Map<string, CityFacts>();
  cities.forEach((c, i) => {
    const f = facts[i];
    if (!f) throw notFound(c);
    byId.set(c.id, f);
  });
  return byId;
}
