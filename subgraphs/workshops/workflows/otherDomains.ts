import type { Context } from '../context';
import type { CertificationFacts, ThemeCounts } from '../domain/mentoring';
import type { CertificationLevel } from '../domain/views';

/**
 * Facts of other domains that workshops reads through the gateway's public API (`ctx.gateway`):
 * certifications (certification) and verified coverage per theme (indicators) for mentoring, and
 * time zones (membership) where a pair predates stored zones. None of those domains ever calls
 * workshops, so these reads make no call cycle.
 *
 * Reads made while answering anonymous callers use fixed documents that are also trusted documents
 * (trusted-documents/workshops-*.graphql, the same text byte for byte), so the gateway accepts them
 * where trusted documents are enforced; reads made in mutations go with the caller's staff token.
 */
export const CITY_ZONE = `# The time zone of a city, as the workshops subgraph asks it through the gateway for anonymous callers
# (mentoring pairs made before zones were stored). Sent byte for byte from
# subgraphs/workshops/workflows/otherDomains.ts: keep the two identical.
query WorkshopsCityZone($id: ID!) {
  city(id: $id) {
    id
    timezone
  }
}
`;

export const MENTOR_FACTS = `# What the workshops subgraph asks through the gateway, for anonymous callers too, to rank the mentor
# candidates of a certification gap. Sent byte for byte from
# subgraphs/workshops/workflows/otherDomains.ts: keep the two identical.
query WorkshopsMentorFacts($id: ID!, $year: Int!) {
  city(id: $id) {
    id
    region
    population
    indicatorCoverage(year: $year) {
      byTheme {
        theme
        coreTotal
        coreVerified
        supportingTotal
        supportingVerified
      }
    }
  }
}
`;

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

/** A city's certifications, latest first, each with its data year's verified coverage per theme (with the caller's token). */
export async function certificationFactsOf(ctx: Context, cityId: string): Promise<CertificationFacts[]> {
  const data = await call<{ city: { certifications: { year: number; status: string; level: CertificationLevel | null; coverage: { byTheme: ThemeCounts[] } | null }[] } | null }>(
    ctx,
    ELIGIBILITY,
    { id: cityId },
    true,
  );
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
  const data = await call<{ city: { id: string; region: string; population: number | null; indicatorCoverage: { byTheme: ThemeCounts[] } | null } | null }>(
    ctx,
    MENTOR_FACTS,
    { id: cityId, year },
    false,
  );
  if (!data.city) return null;
  return { id: data.city.id, region: data.city.region, population: data.city.population, byTheme: data.city.indicatorCoverage?.byTheme ?? [] };
}

/** A city's IANA zone (a public read); null for an unknown city. */
export async function cityZoneOf(ctx: Context, cityId: string): Promise<string | null> {
  const data = await call<{ city: { timezone: string } | null }>(ctx, CITY_ZONE, { id: cityId }, false);
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
      const data = await call<Record<string, { contacts: FocalPoint | null } | null>>(ctx, `query WorkshopsFocalPoints(${vars}) { ${fields} }`, Object.fromEntries(ids.map((id, i) => [`m${i}`, id])), true);
      return ids.map((_, i) => data[`m${i}`]?.contacts ?? null);
    }),
  );
  return answers.flat();
}
