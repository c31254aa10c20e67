/** Settings of every process, read from the environment and validated with zod (lib/env.ts). */
import { ConfigError, env, readEnv } from './env';

/** One variable, validated the same way (for the few settings read on their own). */
export function envString(name: string, fallback: string): string {
  return readEnv({ [name]: env.string(fallback) })[name] as string;
}

export function envInt(name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  return readEnv({ [name]: env.int(fallback, min, max) })[name] as number;
}

/** Settings shared by all subgraphs. */
export interface SubgraphSettings {
  /** Prefix for database names; tests use it to isolate themselves. */
  dbPrefix: string;
  defaultPageSize: number;
  maxPageSize: number;
  /** Data years the programme accepts (inclusive). */
  minDataYear: number;
  maxDataYear: number;
  /** The current instant ("upcoming" workshops, subsidy periods); CLOCK_NOW pins it for demos and tests. */
  now(): Date;
  /** The gateway's URL, for asking other domains (GATEWAY_URL); resolved per call since the gateway may start later. */
  gatewayUrl?: () => string | undefined;
  /**
   * Where another subgraph serves its domain events (`…/events`, lib/db/events.ts): EVENTS_<NAME>_URL, by
   * default next to that subgraph's GraphQL endpoint (SUBGRAPH_<NAME>_URL, else localhost:4001–4004).
   * Resolved per poll (the stack starts the producers after their consumers); undefined: not known yet.
   */
  eventFeedUrl?: (producer: SubgraphName) => string | undefined;
}

export const SUBGRAPH_ENV = {
  DB_PREFIX: env.string(''),
  DEFAULT_PAGE_SIZE: env.int(20, 1, 1000),
  MAX_PAGE_SIZE: env.int(100, 1, 10000),
  MIN_DATA_YEAR: env.int(2010, 1900, 2100),
  MAX_DATA_YEAR: env.int(new Date().getUTCFullYear(), 1900, 2100),
  CLOCK_NOW: env.instant(),
  GATEWAY_URL: env.url(),
  GATEWAY_PORT: env.int(4000, 1, 65535),
  EVENTS_MEMBERSHIP_URL: env.url(),
  EVENTS_INDICATORS_URL: env.url(),
  EVENTS_CERTIFICATION_URL: env.url(),
  EVENTS_WORKSHOPS_URL: env.url(),
  SUBGRAPH_MEMBERSHIP_URL: env.url(),
  SUBGRAPH_INDICATORS_URL: env.url(),
  SUBGRAPH_CERTIFICATION_URL: env.url(),
  SUBGRAPH_WORKSHOPS_URL: env.url(),
};

/** The event feed beside a subgraph's GraphQL endpoint: `http://host:port/graphql` -> `http://host:port/events`. */
export function eventFeedUrlOf(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  url.pathname = `${url.pathname.replace(/\/graphql\/?$/, '')}/events`;
  url.search = '';
  return url.toString();
}

export function subgraphSettingsFromEnv(source: NodeJS.ProcessEnv = process.env): SubgraphSettings {
  const e = readEnv(SUBGRAPH_ENV, source);
  const problems: string[] = [];
  if (e.DEFAULT_PAGE_SIZE > e.MAX_PAGE_SIZE) problems.push(`DEFAULT_PAGE_SIZE (${e.DEFAULT_PAGE_SIZE}) must not exceed MAX_PAGE_SIZE (${e.MAX_PAGE_SIZE})`);
  if (e.MIN_DATA_YEAR > e.MAX_DATA_YEAR) problems.push(`MIN_DATA_YEAR (${e.MIN_DATA_YEAR}) must not exceed MAX_DATA_YEAR (${e.MAX_DATA_YEAR})`);
  if (problems.length) throw new ConfigError(problems);
  const fixedNow = e.CLOCK_NOW ? new Date(e.CLOCK_NOW) : undefined;
  const gatewayUrl = e.GATEWAY_URL ?? `http://127.0.0.1:${e.GATEWAY_PORT}/graphql`;
  const feeds: Record<SubgraphName, string> = {
    membership: e.EVENTS_MEMBERSHIP_URL ?? eventFeedUrlOf(e.SUBGRAPH_MEMBERSHIP_URL ?? `http://127.0.0.1:${DEFAULT_PORTS.membership}/graphql`),
    indicators: e.EVENTS_INDICATORS_URL ?? eventFeedUrlOf(e.SUBGRAPH_INDICATORS_URL ?? `http://127.0.0.1:${DEFAULT_PORTS.indicators}/graphql`),
    certification: e.EVENTS_CERTIFICATION_URL ?? eventFeedUrlOf(e.SUBGRAPH_CERTIFICATION_URL ?? `http://127.0.0.1:${DEFAULT_PORTS.certification}/graphql`),
    workshops: e.EVENTS_WORKSHOPS_URL ?? eventFeedUrlOf(e.SUBGRAPH_WORKSHOPS_URL ?? `http://127.0.0.1:${DEFAULT_PORTS.workshops}/graphql`),
  };
  return {
    dbPrefix: e.DB_PREFIX,
    defaultPageSize: e.DEFAULT_PAGE_SIZE,
    maxPageSize: e.MAX_PAGE_SIZE,
    minDataYear: e.MIN_DATA_YEAR,
    maxDataYear: e.MAX_DATA_YEAR,
    now: fixedNow ? () => new Date(fixedNow) : () => new Date(),
    gatewayUrl: () => gatewayUrl,
    eventFeedUrl: (producer) => feeds[producer],
  };
}

export const SUBGRAPH_NAMES = ['membership', 'indicators', 'certification', 'workshops'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Default port of each subgraph when run on its own; the gateway listens on 4000. */
export const DEFAULT_PORTS: Record<SubgraphName, number> = {
  membership: 4001,
  indicators: 4002,
  certification: 4003,
  workshops: 4004,
};

/** The database each subgraph owns (before the prefix). */
export const DATABASE_NAMES: Record<SubgraphName, string> = {
  membership: 'citynet_membership',
  indicators: 'wccd_indicators',
  certification: 'wccd_certification',
  workshops: 'citynet_workshops',
};
