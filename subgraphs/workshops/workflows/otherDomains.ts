import type { Context } from '../context';
import type { CertificationFacts, ThemeCounts } from '../domain/mentoring';
import type { CertificationLevel } from '../domain/views';
import { trustedDocument } from '../../../lib/graphql/trusted-document';

/**
 * Facts of other domains that workshops reads through the gateway's public API (`ctx.gateway`):
 * certifications (certification) and verified coverage per theme (indicators) for mentoring, and
 * time zones (membership) where a pair predates stored zones. None of those domains ever calls
 * workshops, so these reads make no call cycle.
 *
 * Reads made while answering anonymous callers use fixed documents that are also trusted documents
 * (trusted-documents/workshops-*.graphql, read from those files), so the gateway accepts them
 * where trusted documents are enforced; reads made in mutations go with the caller's staff token.
 */
export const CITY_ZONE = trustedDocument('workshops-city-zone.graphql');

export const MENTOR_FACTS = trustedDocument('workshops-mentor-facts.graphql');

export const MENTOR_POOL_FACTS = trustedDocument('workshops-mentor-pool.graphql');

const ELIGIBILITY = `query WorkshopsMentorEligibility($id: ID!) {
  city(id: $id) {
    id
    certifications {
      year
      status
      level
      coverage {
        byTheme { theme coreTotal coreVerified supportingTotal supportingVerified }
      }
    }
  }
}`;

function call<T>(ctx: Context, query: string, variables: Record<string, unknown>, withToken: boolean): Promise<T> {
  return ctx.gateway<T>(query, variables, { authorization: withToken ? ctx.caller.authorization : undefined, requestId: ctx.caller.requestId });
}

/**
 * Public reads are shared for a short while across requests (and a read in flight is joined): a
 * gap page asks for the facts of every possible mentor, and many gap pages name the same mentors.
 * The fields answered from them are cached by the gateways for longer (300 s) anyway.
 */
const PUBLIC_TTL_MS = 60_000;
const shared = new Map<string, { until: number; value: Promise<unknown> }>();

function sharedRead<T>(ctx: Context, query: string, variables: Record<string, unknown>): Promise<T> {
  const key = `${ctx.settings.gatewayUrl?.() ?? ''}\n${query}\n${JSON.stringify(variables)}`;
  const now = Date.now();
  const hit = shared.get(key);
  if (hit && hit.until > now) return hit.value as Promise<T>;
  if (shared.size > 5_000) for (const [k, v] of shared) if (v.until <= now) shared.delete(k);
  const value = call<T>(ctx, query, variables, false);
  shared.set(key, { until: now + PUBLIC_TTL_MS, value });
  // A failed read is not kept: the next asker tries again.
  value.catch(() => shared.delete(key));
  return value;
}

/** A city's certifications, latest first, each with its data year's verified coverage per theme (with the caller's token). */
export async function certificationFactsOf(ctx: Context, cityId: string): Promise<CertificationFacts[]> {
  const data = await call<{
    city: { certifications: { year: number; status: string; level: CertificationLevel | null; coverage: { byTheme: ThemeCounts[] } | null }[] } | null;
  }>(ctx, ELIGIBILITY, { id: cityId }, true);
  return (data.city?.certifications ?? []).map((c) => ({ year: c.year, status: c.status, level: c.level, byTheme: c.coverage?.byTheme ?? [] }));
}

export interface MentorFacts {
  id: string;
  region: string;
  population: number | null;
  byTheme: ThemeCounts[];
}

/** A city's region, population and coverage per theme for one data year (a public read). */
export async function mentorFactsOf(ctx: Context, cityId: string, year: number): Promise<MentorFacts | null> {
  const data = await sharedRead<{
    city: { id: string; region: string; population: number | null; indicatorCoverage: { byTheme: ThemeCounts[] } | null } | null;
  }>(ctx, MENTOR_FACTS, {
    id: cityId,
    year,
  });
  if (!data.city) return null;
  return { id: data.city.id, region: data.city.region, population: data.city.population, byTheme: data.city.indicatorCoverage?.byTheme ?? [] };
}

/** A city's IANA zone (a public read); null for an unknown city. */
export async function cityZoneOf(ctx: Context, cityId: string): Promise<string | null> {
  const data = await sharedRead<{ city: { timezone: string } | null }>(ctx, CITY_ZONE, { id: cityId });
  return data.city?.timezone ?? null;
}

export interface FocalPoint {
  focalPointName: string;
  email: string;
}

/**
 * The focal points (membership's member contacts, CITYNET_STAFF only) of cities, with the caller's
 * token; null for a city that is no member or has none. At most 10 cities per query (the gateway's
 * default limit of top-level fields).
 */
export async function focalPointsOf(ctx: Context, cityIds: readonly string[]): Promise<(FocalPoint | null)[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < cityIds.length; i += 10) chunks.push(cityIds.slice(i, i + 10));
  const answers = await Promise.all(
    chunks.map(async (ids) => {
      const vars = ids.map((_, i) => `$m${i}: ID!`).join(', ');
      const fields = ids.map((_, i) => `m${i}: member(id: $m${i}) { contacts { focalPointName email } }`).join(' ');
      const data = await call<Record<string, { contacts: FocalPoint | null } | null>>(
        ctx,
        `query WorkshopsFocalPoints(${vars}) { ${fields} }`,
        Object.fromEntries(ids.map((id, i) => [`m${i}`, id])),
        true,
      );
      return ids.map((_, i) => data[`m${i}`]?.contacts ?? null);
    }),
  );
  return answers.flat();
}

interface RegistryPage {
  registry: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { year: number; city: { id: string; region: string; population: number | null }; coverage: { byTheme: ThemeCounts[] } | null } }[];
  };
}

/** At most this many registry pages (of 50) are read for one ranking. */
const MAX_POOL_PAGES = 10;

/**
 * The facts of every city in the Global Cities Registry (its latest certification in force): region,
 * population and the verified coverage per theme of that data year, keyed `cityId:year` like the
 * mentor pool. A few requests for the whole pool, shared for a while like the other public reads.
 */
export async function registryFactsOf(ctx: Context): Promise<Map<string, MentorFacts>> {
  const facts = new Map<string, MentorFacts>();
  let after: string | null = null;
  for (let page = 0; page < MAX_POOL_PAGES; page++) {
    const data: RegistryPage = await sharedRead<RegistryPage>(ctx, MENTOR_POOL_FACTS, { after });
    for (const { node } of data.registry.edges) {
      facts.set(`${node.city.id}:${node.year}`, {
        id: node.city.id,
        region: node.city.region,
        population: node.city.population,
        byTheme: node.coverage?.byTheme ?? [],
      });
    }
    if (!data.registry.pageInfo.hasNextPage) break;
    after = data.registry.pageInfo.endCursor;
  }
  return facts;
}
