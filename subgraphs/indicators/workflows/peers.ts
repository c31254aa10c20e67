import { codedError } from '../../../lib/graphql/errors';
import { checkYear } from '../../../lib/graphql/inputs';
import type { City as CityRef } from '../../../lib/federation/refs';
import type { Context } from '../context';
import { peerAnalyst } from '../domain/access';
import type { BetterWhen, CatalogueIndicator } from '../domain/catalogue';
import { checkIndicatorIds } from '../domain/inputs';
import { bestFirst, groupOf, peersOf, standing, type PeerCity, type PeerGroupKind, type Standing } from '../domain/peers';
import { MAX_SERIES_INDICATORS } from '../domain/series';
import { coverageKey } from '../loaders';
import { trustedDocument } from '../../../lib/graphql/trusted-document';

/**
 * Peer comparison reads two facts this domain does not own, through the gateway's public API (never
 * another subgraph's database): the cities' region, population and country (membership, which never
 * calls indicators) and whether the officer's city is currently certified (certification's registry;
 * certification asks indicators nothing synchronously, it learns of coverage from events). Both are
 * public data, asked without the caller's token, so the gateway's shared cache serves them — and so
 * they are trusted documents (trusted-documents/indicators-peer-*.graphql, read from those files),
 * which the gateway accepts from anonymous callers where trusted documents are enforced.
 */
export const PEER_CITIES = trustedDocument('indicators-peer-cities.graphql');

export const PEER_CERTIFIED = trustedDocument('indicators-peer-certified.graphql');

interface Page<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

/** Guards a paging loop against a server that never says it is done. */
const MAX_PAGES = 200;

async function allPages<T>(ctx: Context, query: string, field: 'cities' | 'registry', variables: Record<string, unknown>): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data: Record<string, Page<T>> = await ctx.gateway<Record<string, Page<T>>>(
      query,
      { ...variables, first: ctx.settings.maxPageSize, after },
      { requestId: ctx.caller.requestId },
    );
    const answer = data[field];
    nodes.push(...answer.edges.map((e) => e.node));
    if (!answer.pageInfo.hasNextPage || !answer.pageInfo.endCursor) return nodes;
    after = answer.pageInfo.endCursor;
  }
  throw codedError('UNAVAILABLE', `The ${field} list did not end after ${MAX_PAGES} pages.`);
}

/** The city's latest certification in force, from the registry (which lists only those); null when none. */
async function certificationInForce(ctx: Context, city: PeerCity): Promise<{ year: number } | null> {
  const listed = await allPages<{ year: number; city: { id: string } }>(ctx, PEER_CERTIFIED, 'registry', { country: city.country });
  return listed.find((c) => c.city.id === city.id) ?? null;
}

export interface PeerValueView {
  city: CityRef;
  value: number;
}

export interface PeerStandingView extends Standing {
  indicator: CatalogueIndicator;
  betterWhen: BetterWhen;
  value: number | null;
  peers: PeerValueView[];
}

export interface PeerComparisonView {
  city: CityRef;
  year: number;
  peerGroup: PeerGroupKind;
  group: string | null;
  groupSource: string | null;
  peerCityCount: number;
  indicators: PeerStandingView[];
}

/**
 * `City.peerComparison`: the city's VERIFIED values of a year against its peers' (the other cities of
 * its group), ranked by each indicator's direction. Officers of a currently certified city (their own),
 * WCCD staff and CityNet staff only.
 */
export async function cityPeerComparison(
  cityId: string,
  args: { year: number; indicatorIds: readonly string[]; peerGroup?: PeerGroupKind | null },
  ctx: Context,
): Promise<PeerComparisonView> {
  const analyst = peerAnalyst(ctx.user, cityId);
  const year = checkYear(args.year, ctx.settings);
  const edition = ctx.catalogue.default;
  const indicators = checkIndicatorIds(args.indicatorIds, edition, MAX_SERIES_INDICATORS);
  const kind = args.peerGroup ?? 'REGION';

  const cities = await allPages<PeerCity>(ctx, PEER_CITIES, 'cities', {});
  const city = cities.find((c) => c.id === cityId);
  if (!city) throw codedError('NOT_FOUND', `No city ${cityId} is known to the programme.`);
  if (analyst === 'OFFICER') {
    const inForce = await certificationInForce(ctx, city);
    if (!inForce) {
      throw codedError(
        'FORBIDDEN',
        `Peer comparison is for the officers of currently certified cities (and WCCD and CityNet staff): ${cityId} has no certification in force in the Global Cities Registry. Its verified values stay public in its profile.`,
      );
    }
  }

  const group = groupOf(city, kind);
  const peers = peersOf(city, cities, kind);
  // VERIFIED values of the year, of reports against the programme's edition (clause numbers mean what their edition says).
  const reports = await ctx.loaders.report.loadMany([city, ...peers].map((c) => coverageKey(c.id, year)));
  const verified = new Map<string, Map<string, number>>();
  for (const report of reports) {
    if (report instanceof Error) throw report;
    if (!report || report.edition !== edition.edition) continue;
    verified.set(report.cityId, new Map(report.values.filter((v) => v.status === 'VERIFIED').map((v) => [v.indicatorId, v.value])));
  }

  return {
    city: { __typename: 'City', id: cityId },
    year,
    peerGroup: kind,
    group: group?.label ?? null,
    groupSource: group?.source ?? null,
    peerCityCount: peers.length,
    indicators: indicators.map((indicator) => {
      const own = verified.get(cityId)?.get(indicator.id) ?? null;
      const values = peers.flatMap((p) => {
        const value = verified.get(p.id)?.get(indicator.id);
        return value === undefined ? [] : [{ cityId: p.id, value }];
      });
      return {
        indicator,
        betterWhen: indicator.betterWhen,
        value: own,
        ...standing(
          indicator.betterWhen,
          own,
          values.map((v) => v.value),
        ),
        peers: bestFirst(indicator.betterWhen, values).map((v) => ({ city: { __typename: 'City', id: v.cityId }, value: v.value })),
      };
    }),
  };
}
