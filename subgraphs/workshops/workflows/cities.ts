import type { GatewayClient } from '../../../lib/federation/gateway-client';
import { codedError } from '../../../lib/graphql/errors';
import type { Context } from '../context';

/**
 * Whether cities exist, asked of the membership domain through the gateway's public API (`ctx.gateway`,
 * lib/federation/gateway-client.ts) — never by reading its database. City records are public and never
 * deleted, so the ids asked in the same tick by any requests are batched into one query, sent as an
 * anonymous public read (only the request id of the first asker is passed on), and ids found are
 * remembered for a while. A burst of 50 registrations costs one request, not 50.
 */
const KNOWN_TTL_MS = 5 * 60_000;
const known = new Map<string, number>(); // `${gatewayUrl} ${cityId}` -> known until

interface Waiter {
  resolve: (exists: boolean) => void;
  reject: (error: unknown) => void;
}

interface Batch {
  url: string;
  gateway: GatewayClient;
  requestId?: string;
  ids: Map<string, Waiter[]>;
}
const batches = new Map<string, Batch>(); // by gateway URL

async function flush(batch: Batch): Promise<void> {
  batches.delete(batch.url);
  const ids = [...batch.ids.keys()];
  try {
    const vars = ids.map((_, i) => `$c${i}: ID!`).join(', ');
    const fields = ids.map((_, i) => `c${i}: city(id: $c${i}) { id }`).join(' ');
    const data = await batch.gateway<Record<string, { id: string } | null>>(
      `query WorkshopsCityCheck(${vars}) { ${fields} }`,
      Object.fromEntries(ids.map((id, i) => [`c${i}`, id])),
      { requestId: batch.requestId },
    );
    ids.forEach((id, i) => {
      const exists = !!data[`c${i}`];
      if (exists) known.set(`${batch.url} ${id}`, Date.now() + KNOWN_TTL_MS);
      for (const w of batch.ids.get(id)!) w.resolve(exists);
    });
  } catch (error) {
    for (const waiters of batch.ids.values()) for (const w of waiters) w.reject(error);
  }
}

function cityExists(ctx: Context, url: string, id: string): Promise<boolean> {
  const until = known.get(`${url} ${id}`);
  if (until !== undefined && until > Date.now()) return Promise.resolve(true);
  return new Promise((resolve, reject) => {
    let batch = batches.get(url);
    if (!batch) {
      batch = { url, gateway: ctx.gateway, requestId: ctx.caller.requestId, ids: new Map() };
      batches.set(url, batch);
      const scheduled = batch;
      setImmediate(() => void flush(scheduled));
    }
    const waiters = batch.ids.get(id) ?? [];
    waiters.push({ resolve, reject });
    batch.ids.set(id, waiters);
  });
}

/** Refuses (NOT_FOUND, naming the input field) any city membership does not know. */
export async function requireCitiesExist(ctx: Context, cities: { id: string; field: string }[]): Promise<void> {
  if (cities.length === 0) return;
  const url = ctx.settings.gatewayUrl?.();
  if (!url) throw codedError('UNAVAILABLE', 'The gateway URL is not configured (GATEWAY_URL), so cities cannot be checked.');
  const found = await Promise.all(cities.map((c) => cityExists(ctx, url, c.id)));
  cities.forEach((c, i) => {
    if (!found[i]) throw codedError('NOT_FOUND', `No city with id ${JSON.stringify(c.id)} (${c.field}).`, { field: c.field });
  });
}
