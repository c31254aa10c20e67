/**
 * The dashboard's only data source: the same origin's GraphQL endpoint. Each operation is a trusted
 * document (trusted-documents/dashboard-*.graphql), imported as its exact text: the gateway accepts a
 * manifest document sent by its full text from anonymous callers even when trusted documents are
 * enforced (production), and graphql-request sends a string document unchanged. A signed-in user's
 * token (./auth.ts) goes with every request; the API decides what it may see.
 */
import { GraphQLClient } from 'graphql-request';
import registryDoc from '../../trusted-documents/dashboard-registry.graphql?raw';
import facetsDoc from '../../trusted-documents/dashboard-facets.graphql?raw';
import cityDoc from '../../trusted-documents/dashboard-city.graphql?raw';
import catalogueDoc from '../../trusted-documents/dashboard-catalogue.graphql?raw';
import peerComparisonDoc from '../../trusted-documents/dashboard-peer-comparison.graphql?raw';
import inProgressDoc from '../../trusted-documents/dashboard-in-progress.graphql?raw';
import searchDoc from '../../trusted-documents/dashboard-city-search.graphql?raw';
import { token } from './auth';
import gapDoc from '../../trusted-documents/dashboard-gap.graphql?raw';
import type {
  CatalogueData,
  CityData,
  CitySearchData,
  FacetsData,
  GapData,
  InProgressData,
  Level,
  PeerComparisonData,
  PeerGroup,
  Region,
  RegistryData,
  RegistryEntry,
} from './types';

/** The API's MAX_PAGE_SIZE default; lists are paged through with `after`. */
const PAGE = 100;

const client = new GraphQLClient(new URL('/graphql', location.origin).toString(), {
  // Partial data with errors (a subgraph down) is still shown, with the errors.
  errorPolicy: 'all',
  headers: { 'content-type': 'application/json' },
});

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

interface GqlError {
  message: string;
  extensions?: { code?: string };
}

/** Runs one trusted operation; data with errors resolves with `warnings`, no data rejects. */
async function run<T>(document: string, variables: Record<string, unknown>): Promise<{ data: T; warnings: string[] }> {
  let response: { data?: T; errors?: GqlError[] };
  const bearer = token();
  try {
    response = (await client.rawRequest<T>(document, variables, bearer ? { authorization: `Bearer ${bearer}` } : {})) as { data?: T; errors?: GqlError[] };
  } catch (error) {
    const body = (error as { response?: { errors?: GqlError[]; status?: number } }).response;
    const first = body?.errors?.[0];
    // A token the API refuses (expired, or not one of its own) fails every request: say so.
    if (first && bearer && first.extensions?.code === 'UNAUTHENTICATED')
      throw new ApiError(`Your sign-in token was refused: ${first.message} Sign out, or sign in again with a valid token.`, 'UNAUTHENTICATED');
    if (first) throw new ApiError(first.message, first.extensions?.code);
    throw new ApiError(`The API could not be reached (${(error as Error).message}).`, 'NETWORK_ERROR');
  }
  const warnings = (response.errors ?? []).map((e) => `${e.message}${e.extensions?.code ? ` (${e.extensions.code})` : ''}`);
  if (response.data == null) throw new ApiError(warnings[0] ?? 'The API answered without data.');
  return { data: response.data, warnings };
}

/** Follows `pageInfo.endCursor` until the connection is exhausted. */
async function allPages<T, N>(
  document: string,
  variables: Record<string, unknown>,
  pick: (data: T) => { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: N }[] },
): Promise<{ first: T; nodes: N[]; warnings: string[] }> {
  const nodes: N[] = [];
  const warnings: string[] = [];
  let after: string | null = null;
  let first: T | undefined;
  for (;;) {
    const page: { data: T; warnings: string[] } = await run<T>(document, { ...variables, first: PAGE, after });
    first ??= page.data;
    warnings.push(...page.warnings);
    const connection = pick(page.data);
    nodes.push(...connection.edges.map((e) => e.node));
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
    after = connection.pageInfo.endCursor;
  }
  return { first: first!, nodes, warnings };
}

export async function fetchRegistry(year: number | null): Promise<{ entries: RegistryEntry[]; warnings: string[] }> {
  const { nodes, warnings } = await allPages<RegistryData, RegistryEntry>(registryDoc, { year }, (d) => d.registry);
  return { entries: nodes, warnings };
}

export interface Facets {
  levels: FacetsData['certificationLevels'];
  years: number[];
  countries: string[];
  regions: Region[];
}

let facets: Promise<Facets> | undefined;

/** Filter choices, from the data itself: the years, countries and regions of certified cities. */
export function fetchFacets(): Promise<Facets> {
  facets ??= allPages<FacetsData, FacetsData['cities']['edges'][number]['node']>(facetsDoc, {}, (d) => d.cities).then(({ first, nodes }) => {
    const certified = nodes.filter((c) => c.certifications.some((x) => x.status === 'CERTIFIED'));
    const years = new Set<number>();
    for (const c of nodes) for (const x of c.certifications) years.add(x.year);
    return {
      levels: first.certificationLevels,
      years: [...years].sort((a, b) => a - b),
      countries: [...new Set(certified.map((c) => c.country))].sort(),
      regions: [...new Set(certified.map((c) => c.region))].sort(),
    };
  });
  // A failed load may be retried.
  facets.catch(() => (facets = undefined));
  return facets;
}

export const fetchCity = (id: string, year: number) => run<CityData>(cityDoc, { id, year });

let catalogue: Promise<CatalogueData['indicatorCatalogue']> | undefined;
export function fetchCatalogue(): Promise<CatalogueData['indicatorCatalogue']> {
  catalogue ??= run<CatalogueData>(catalogueDoc, {}).then((r) => r.data.indicatorCatalogue);
  catalogue.catch(() => (catalogue = undefined));
  return catalogue;
}

export type InProgressCity = InProgressData['cities']['edges'][number]['node'];

/** Every city with its certifications (status, since when, verified coverage). */
export async function fetchCertifications(): Promise<{ cities: InProgressCity[]; warnings: string[] }> {
  const { nodes, warnings } = await allPages<InProgressData, InProgressCity>(inProgressDoc, {}, (d) => d.cities);
  return { cities: nodes, warnings };
}

/** The server's peer comparison of one data year (WCCD and CityNet staff, a certified city's officers). */
export const fetchPeerComparison = (id: string, year: number, indicatorIds: string[], peerGroup: PeerGroup) =>
  run<PeerComparisonData>(peerComparisonDoc, { id, year, indicatorIds, peerGroup });

/** Cities whose names match `search`, and the nearest names (for when none does). */
export const searchCities = (search: string, first = 8, suggestions = 3) => run<CitySearchData>(searchDoc, { search, first, suggestions });

export const fetchGap = (id: string, year: number, target: Level) => run<GapData>(gapDoc, { id, year, target });
