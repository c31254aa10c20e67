/** A browser opening /graphql gets Apollo Sandbox in development, and no landing page in production. */
import { join } from 'node:path';
import { createGateway, type Gateway } from '../../gateway/server';
import { listen, type RunningHttpServer } from '../../lib/http/graphql-http-server';

const SUPERGRAPH = join(__dirname, '..', '..', 'schema', 'supergraph.graphql');
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

async function open(nodeEnv: string): Promise<{ gateway: Gateway; http: RunningHttpServer }> {
  const gateway = await createGateway({
    port: 0,
    host: '127.0.0.1',
    supergraphPath: SUPERGRAPH,
    subgraphUrls: {},
    maxBodyBytes: 1_000_000,
    nodeEnv,
    supergraphPollMs: 0,
    subgraphSigningSecret: nodeEnv === 'production' ? 'a-signing-secret-of-at-least-32-chars' : undefined,
  });
  return { gateway, http: await listen(gateway.listener, 0) };
}

test('development: Apollo Sandbox at GET /graphql from a browser', async () => {
  const { gateway, http } = await open('development');
  try {
    const response = await fetch(http.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('embeddable-sandbox');
    // An API client asking for JSON still gets GraphQL over HTTP, not the page.
    const api = await fetch(`${http.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
  } finally {
    await http.close();
    await gateway.stop();
  }
});

test('production: no landing page', async () => {
  const { gateway, http } = await open('production');
  try {
    const response = await fetch(http.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.headers.get('content-type') ?? '').not.toContain('text/html');
    expect(await response.text()).not.toContain('sandbox');
  } finally {
    await http.close();
    await gateway.stop();
  }
});
