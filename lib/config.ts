/** Small typed readers for environment settings; each wrong value fails start-up with a clear message. */
export function envString(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

export function envInt(name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
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
}

function clockFromEnv(): () => Date {
  const fixed = process.env.CLOCK_NOW;
  if (!fixed) return () => new Date();
  const at = new Date(fixed);
  if (Number.isNaN(at.getTime())) throw new Error(`CLOCK_NOW must be an ISO-8601 instant, got ${JSON.stringify(fixed)}`);
  return () => new Date(at);
}

export function subgraphSettingsFromEnv(): SubgraphSettings {
  return {
    dbPrefix: envString('DB_PREFIX', ''),
    defaultPageSize: envInt('DEFAULT_PAGE_SIZE', 20, 1, 1000),
    maxPageSize: envInt('MAX_PAGE_SIZE', 100, 1, 10000),
    minDataYear: envInt('MIN_DATA_YEAR', 2010, 1900, 2100),
    maxDataYear: envInt('MAX_DATA_YEAR', new Date().getUTCFullYear(), 1900, 2100),
    now: clockFromEnv(),
    gatewayUrl: () => process.env.GATEWAY_URL || `http://127.0.0.1:${envInt('GATEWAY_PORT', 4000, 1, 65535)}/graphql`,
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
