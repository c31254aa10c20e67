import { join } from 'node:path';
import { envInt, envString, SUBGRAPH_NAMES, type SubgraphName } from '../lib/config';
import type { Logger } from 'pino';

/** Operation limits, each refused before any subgraph is called (see gateway/limits). */
export interface OperationLimits {
  /** Largest query document in bytes (MAX_DOCUMENT_BYTES). */
  maxDocumentBytes: number;
  /** Most lexical tokens in a document (MAX_TOKENS; the parser stops counting there). */
  maxTokens: number;
  /** Deepest selection nesting, fragments expanded (MAX_DEPTH). */
  maxDepth: number;
  /** Most aliased fields in the operation, fragments expanded (MAX_ALIASES). */
  maxAliases: number;
  /** Most top-level fields (MAX_ROOT_FIELDS). */
  maxRootFields: number;
  /** Most directive uses in the document (MAX_DIRECTIVES). */
  maxDirectives: number;
  /** Largest `first` a client may ask for (MAX_PAGE_SIZE, the same cap the subgraphs apply). */
  maxListSize: number;
  /** `first` assumed when omitted, for the cost estimate (DEFAULT_PAGE_SIZE). */
  defaultListSize: number;
  /** Largest estimated cost: every field costs 1 times the product of the list sizes above it (MAX_COST). */
  maxCost: number;
  /** Most operations in one batched HTTP request; 0 refuses batches (MAX_BATCH_SIZE). */
  maxBatchSize: number;
  /** Longest string in variables or literals (MAX_STRING_LENGTH). */
  maxStringLength: number;
  /** Longest list in variables or literals (MAX_INPUT_LIST_LENGTH). */
  maxInputListLength: number;
  /** Largest `variables` object, JSON bytes (MAX_VARIABLES_BYTES). */
  maxVariablesBytes: number;
}

export type TrustedDocumentsMode = 'enforce' | 'off';

export interface GatewaySettings {
  port: number;
  host: string;
  /** The composed supergraph the gateway serves (no introspection of subgraphs at run time). */
  supergraphPath: string;
  /** Per-subgraph URL overrides; subgraphs without one use the URL composed into the supergraph. */
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  maxBodyBytes: number;
  // Everything below is optional so callers (the stack, tests) can name only what they change;
  // `resolveGatewaySettings` fills in the safe defaults.
  /** `production` masks internal errors, turns introspection off and enforces trusted documents. */
  nodeEnv?: string;
  allowIntrospection?: boolean;
  limits?: Partial<OperationLimits>;
  trustedDocuments?: TrustedDocumentsMode;
  trustedDocumentsManifestPath?: string;
  /** Origins browsers may call from (CORS_ORIGINS, comma-separated; `*` for any). */
  corsOrigins?: string[];
  subgraphTimeoutMs?: number;
  /** Retries of a query (never a mutation) after a connection reset (SUBGRAPH_RETRIES). */
  subgraphRetries?: number;
  /** Consecutive failures that open a subgraph's circuit (CIRCUIT_FAILURE_THRESHOLD). */
  circuitFailureThreshold?: number;
  /** How long an open circuit fails fast before one trial request (CIRCUIT_COOLDOWN_MS). */
  circuitCooldownMs?: number;
  /** How long a `/ready` probe of the subgraphs is reused (READY_CACHE_MS). */
  readyCacheMs?: number;
  /** Shared secret for signing subgraph requests (SUBGRAPH_SIGNING_SECRET); required in production. */
  subgraphSigningSecret?: string;
  /** How often the supergraph file is checked for changes (SUPERGRAPH_POLL_MS); 0 never reloads. */
  supergraphPollMs?: number;
  logger?: Logger;
}

export type ResolvedGatewaySettings = Required<Omit<GatewaySettings, 'subgraphSigningSecret' | 'logger' | 'limits'>> & {
  limits: OperationLimits;
  subgraphSigningSecret?: string;
  logger?: Logger;
};

export const DEFAULT_LIMITS: OperationLimits = {
  maxDocumentBytes: 20_000,
  maxTokens: 2_000,
  maxDepth: 10,
  maxAliases: 30,
  maxRootFields: 10,
  maxDirectives: 20,
  maxListSize: 100,
  defaultListSize: 20,
  maxCost: 20_000,
  maxBatchSize: 5,
  maxStringLength: 1_000,
  maxInputListLength: 100,
  maxVariablesBytes: 20_000,
};

export const DEFAULT_MANIFEST_PATH = join(__dirname, '..', 'trusted-documents', 'manifest.json');

/** Fills in defaults and checks the combination (production needs a signing secret). */
export function resolveGatewaySettings(settings: GatewaySettings): ResolvedGatewaySettings {
  const nodeEnv = settings.nodeEnv ?? process.env.NODE_ENV ?? 'development';
  const production = nodeEnv === 'production';
  const resolved: ResolvedGatewaySettings = {
    ...settings,
    nodeEnv,
    allowIntrospection: settings.allowIntrospection ?? !production,
    limits: { ...DEFAULT_LIMITS, ...settings.limits },
    trustedDocuments: settings.trustedDocuments ?? (production ? 'enforce' : 'off'),
    trustedDocumentsManifestPath: settings.trustedDocumentsManifestPath ?? DEFAULT_MANIFEST_PATH,
    corsOrigins: settings.corsOrigins ?? (production ? [] : ['*']),
    subgraphTimeoutMs: settings.subgraphTimeoutMs ?? 5_000,
    subgraphRetries: settings.subgraphRetries ?? 1,
    circuitFailureThreshold: settings.circuitFailureThreshold ?? 5,
    circuitCooldownMs: settings.circuitCooldownMs ?? 10_000,
    readyCacheMs: settings.readyCacheMs ?? 2_000,
    supergraphPollMs: settings.supergraphPollMs ?? 1_000,
  };
  if (production && !resolved.subgraphSigningSecret) {
    throw new Error('SUBGRAPH_SIGNING_SECRET must be set in production: subgraphs accept only requests the gateway signed.');
  }
  if (resolved.subgraphSigningSecret && resolved.subgraphSigningSecret.length < 32) {
    throw new Error('SUBGRAPH_SIGNING_SECRET must be at least 32 characters long.');
  }
  return resolved;
}

function envBool(name: string): boolean | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`${name} must be true or false, got ${JSON.stringify(raw)}`);
}

function envList(name: string): string[] | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const origin of list) {
    if (origin === '*') continue;
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new Error(`${name} must list origins like https://app.example.org, got ${JSON.stringify(origin)}`);
    }
    if (parsed.origin !== origin) throw new Error(`${name}: ${JSON.stringify(origin)} is not an origin (scheme://host[:port], no path)`);
  }
  return list;
}

export function gatewaySettingsFromEnv(): GatewaySettings {
  const subgraphUrls: Partial<Record<SubgraphName, string>> = {};
  for (const name of SUBGRAPH_NAMES) {
    const url = process.env[`SUBGRAPH_${name.toUpperCase()}_URL`];
    if (url) {
      try {
        new URL(url);
      } catch {
        throw new Error(`SUBGRAPH_${name.toUpperCase()}_URL is not a valid URL: ${JSON.stringify(url)}`);
      }
      subgraphUrls[name] = url;
    }
  }
  const trusted = process.env.TRUSTED_DOCUMENTS || undefined;
  if (trusted !== undefined && trusted !== 'enforce' && trusted !== 'off') {
    throw new Error(`TRUSTED_DOCUMENTS must be enforce or off, got ${JSON.stringify(trusted)}`);
  }
  const d = DEFAULT_LIMITS;
  const settings: GatewaySettings = {
    port: envInt('PORT', 4000, 0, 65535),
    host: envString('HOST', '127.0.0.1'),
    supergraphPath: envString('SUPERGRAPH_PATH', join(__dirname, '..', 'schema', 'supergraph.graphql')),
    subgraphUrls,
    maxBodyBytes: envInt('MAX_BODY_BYTES', 1_000_000, 1024),
    nodeEnv: envString('NODE_ENV', 'development'),
    allowIntrospection: envBool('ALLOW_INTROSPECTION'),
    limits: {
      maxDocumentBytes: envInt('MAX_DOCUMENT_BYTES', d.maxDocumentBytes, 100),
      maxTokens: envInt('MAX_TOKENS', d.maxTokens, 10),
      maxDepth: envInt('MAX_DEPTH', d.maxDepth, 1, 100),
      maxAliases: envInt('MAX_ALIASES', d.maxAliases, 0),
      maxRootFields: envInt('MAX_ROOT_FIELDS', d.maxRootFields, 1),
      maxDirectives: envInt('MAX_DIRECTIVES', d.maxDirectives, 0),
      maxListSize: envInt('MAX_PAGE_SIZE', d.maxListSize, 1, 10_000),
      defaultListSize: envInt('DEFAULT_PAGE_SIZE', d.defaultListSize, 1, 1000),
      maxCost: envInt('MAX_COST', d.maxCost, 1),
      maxBatchSize: envInt('MAX_BATCH_SIZE', d.maxBatchSize, 0, 100),
      maxStringLength: envInt('MAX_STRING_LENGTH', d.maxStringLength, 1),
      maxInputListLength: envInt('MAX_INPUT_LIST_LENGTH', d.maxInputListLength, 1),
      maxVariablesBytes: envInt('MAX_VARIABLES_BYTES', d.maxVariablesBytes, 2),
    },
    trustedDocuments: trusted as TrustedDocumentsMode | undefined,
    trustedDocumentsManifestPath: process.env.TRUSTED_DOCUMENTS_MANIFEST || undefined,
    corsOrigins: envList('CORS_ORIGINS'),
    subgraphTimeoutMs: envInt('SUBGRAPH_TIMEOUT_MS', 5_000, 10, 600_000),
    subgraphRetries: envInt('SUBGRAPH_RETRIES', 1, 0, 5),
    circuitFailureThreshold: envInt('CIRCUIT_FAILURE_THRESHOLD', 5, 1, 1000),
    circuitCooldownMs: envInt('CIRCUIT_COOLDOWN_MS', 10_000, 10, 3_600_000),
    readyCacheMs: envInt('READY_CACHE_MS', 2_000, 0, 60_000),
    subgraphSigningSecret: process.env.SUBGRAPH_SIGNING_SECRET || undefined,
  };
  // Validate the combination now, so a wrong setting stops start-up with its name.
  resolveGatewaySettings(settings);
  return settings;
}
