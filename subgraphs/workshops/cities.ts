import { createGatewayClient } from '../../lib/federation/gateway-client';
import { codedError } from '../../lib/graphql/errors';
import type { Context } from './context';

/**
 * Checks that cities exist by asking the membership domain through the gateway's public API (with
 * the caller's own token), never by reading its database. One request for all of them.
 */
export async function requireCitiesExist(ctx: Context, cities: { id: string; field: string }[]): Promise<void> {
  if (cities.length === 0) return;
  const client = createGatewayClient({ url: () => ctx.settings.gatewayUrl?.() });
  const vars = cities.map((_, i) => `$c${i}: ID!`).join(', ');
  const fields = cities.map((_, i) => `c${i}: city(id: $c${i}) { id }`).join(' ');
  const data = await client<Record<string, { id: string } | null>>(
    `query WorkshopsCityCheck(${vars}) { ${fields} }`,
    Object.fromEntries(cities.map((c, i) => [`c${i}`, c.id])),
    ctx.caller,
  );
  cities.forEach((c, i) => {
    if (!data[`c${i}`]) throw codedError('NOT_FOUND', `No city with id ${JSON.stringify(c.id)} (${c.field}).`, { field: c.field });
  });
}
