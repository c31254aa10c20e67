/** The gateway's settings come from the environment through zod (lib/env.ts), like the subgraphs'. */
import { ConfigError } from '../../lib/env';
import { DEFAULT_LIMITS, gatewaySettingsFromEnv, resolveGatewaySettings } from '../../gateway/config';

function problems(source: NodeJS.ProcessEnv): string[] {
  try {
    gatewaySettingsFromEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  return [];
}

test('defaults: development, every limit at its documented value, reload polling on', () => {
  const s = gatewaySettingsFromEnv({});
  expect(s).toMatchObject({ port: 4000, host: '127.0.0.1', maxBodyBytes: 1_000_000, nodeEnv: 'development', subgraphUrls: {}, supergraphPollMs: 1000 });
  expect(s.supergraphPath).toMatch(/schema[/\\]supergraph\.graphql$/);
  expect(s.limits).toEqual(DEFAULT_LIMITS);
  const r = resolveGatewaySettings(s);
  expect(r).toMatchObject({
    allowIntrospection: true,
    trustedDocuments: 'off',
    corsOrigins: ['*'],
    subgraphTimeoutMs: 5000,
    subgraphRetries: 1,
    readyCacheMs: 2000,
  });
});

test('every variable is read', () => {
  const s = gatewaySettingsFromEnv({
    PORT: '4100',
    HOST: '0.0.0.0',
    SUPERGRAPH_POLL_MS: '0',
    SUBGRAPH_WORKSHOPS_URL: 'http://workshops:4004/graphql',
    ALLOW_INTROSPECTION: '0',
    TRUSTED_DOCUMENTS: 'enforce',
    CORS_ORIGINS: 'https://a.example.org, https://b.example.org:8443',
    MAX_PAGE_SIZE: '50',
    MAX_BATCH_SIZE: '0',
    SUBGRAPH_RETRIES: '0',
    SUBGRAPH_SIGNING_SECRET: 'x'.repeat(32),
  });
  expect(s).toMatchObject({
    port: 4100,
    host: '0.0.0.0',
    supergraphPollMs: 0,
    subgraphUrls: { workshops: 'http://workshops:4004/graphql' },
    allowIntrospection: false,
    trustedDocuments: 'enforce',
    corsOrigins: ['https://a.example.org', 'https://b.example.org:8443'],
    subgraphRetries: 0,
    subgraphSigningSecret: 'x'.repeat(32),
  });
  expect(s.limits).toMatchObject({ maxListSize: 50, maxBatchSize: 0 });
});

test('each wrong value is named, all at once', () => {
  expect(
    problems({
      PORT: 'eighty',
      SUBGRAPH_MEMBERSHIP_URL: 'not a url',
      ALLOW_INTROSPECTION: 'maybe',
      TRUSTED_DOCUMENTS: 'sometimes',
      CORS_ORIGINS: 'https://ok.example.org,https://app.example.org/path',
      MAX_DEPTH: '1000',
    }),
  ).toEqual([
    'PORT: must be a whole number (got "eighty")',
    'SUBGRAPH_MEMBERSHIP_URL: must be a URL (got "not a url")',
    'ALLOW_INTROSPECTION: must be true or false (got "maybe")',
    'MAX_DEPTH: must be at most 100 (got "1000")',
    'TRUSTED_DOCUMENTS: must be enforce or off (got "sometimes")',
    'CORS_ORIGINS: "https://app.example.org/path" is not an origin (scheme://host[:port], no path) (got "https://ok.example.org,https://app.example.org/path")',
  ]);
});

test('production without a signing secret stops start-up with the reason', () => {
  expect(problems({ NODE_ENV: 'production' })).toEqual([expect.stringContaining('SUBGRAPH_SIGNING_SECRET must be set in production')]);
  expect(problems({ SUBGRAPH_SIGNING_SECRET: 'short' })).toEqual([expect.stringContaining('at least 32 characters')]);
});
