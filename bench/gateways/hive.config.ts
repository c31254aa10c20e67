/**
 * Hive Gateway's configuration file in the bench (`hive-gateway supergraph <file> --config-path this`).
 * As in The Guild's own gateway benchmark (graphql-hive/graphql-gateways-benchmark, since April 2026):
 * identical requests in flight at the same time are executed once (inbound in-flight request
 * deduplication; its key includes every request header, so callers with their own tokens never share).
 * With BENCH_PROPAGATE_AUTH=on the caller's `authorization` goes on to the subgraphs, as in
 * ChilliCream's and Grafbase's benchmarks (and as ours and stock do in the same run).
 * BENCH_HIVE_UPSTREAM_DEDUP=off (variant `hive:upstream-dedup=off`) turns off Hive's sharing of identical
 * in-flight subgraph requests (on by default in its HTTP executor; its key includes the forwarded headers).
 * Loaded by Hive's own TypeScript importer; no types imported, so that it needs nothing from us.
 */
interface ClientRequest {
  request: { headers: { get(name: string): string | null } };
}

export const gatewayConfig = {
  inboundInflightRequestDeduplication: process.env.BENCH_HIVE_INBOUND_DEDUP === 'on',
  ...(process.env.BENCH_HIVE_UPSTREAM_DEDUP === 'off' ? { transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } } } : {}),
  ...(process.env.BENCH_PROPAGATE_AUTH === 'on'
    ? {
        propagateHeaders: {
          fromClientToSubgraphs({ request }: ClientRequest): Record<string, string> {
            const authorization = request.headers.get('authorization');
            return authorization ? { authorization } : {};
          },
        },
      }
    : {}),
};
