/**
 * Expected results, computed ONCE per workload before any load, by querying the subgraphs through a
 * stock @apollo/gateway in this process. Every response under load is then compared with them.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloGateway } from '@apollo/gateway';
import type { Variant } from './operation';

export interface ExpectedOptions {
  supergraphSdl: string;
  variants: Variant[];
  concurrency: number;
  /** Called around the first variant of each kind, run alone, to count what one operation costs. */
  measureAlone?: (v: Variant, run: () => Promise<void>) => Promise<void>;
}

export async function computeExpected(options: ExpectedOptions): Promise<void> {
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: options.supergraphSdl }) });
  await server.start();
  try {
    const runOne = async (v: Variant) => {
      const response = await server.executeOperation({ query: v.query, variables: v.variables });
      if (response.body.kind !== 'single') throw new Error(`${v.label}: unexpected incremental response`);
      const { data, errors } = response.body.singleResult;
      if (errors?.length) throw new Error(`${v.label}: the stack answers with errors, nothing to compare against: ${JSON.stringify(errors).slice(0, 500)}`);
      if (data === undefined || data === null) throw new Error(`${v.label}: no data`);
      // What travels over HTTP: JSON (dates as strings, no undefined).
      v.expectedData = JSON.parse(JSON.stringify(data));
      v.expectedBody = JSON.stringify({ data: v.expectedData });
    };
    const seenKinds = new Set<string>();
    const rest: Variant[] = [];
    for (const v of options.variants) {
      if (!seenKinds.has(v.kind) && options.measureAlone) {
        seenKinds.add(v.kind);
        await options.measureAlone(v, () => runOne(v));
      } else rest.push(v);
    }
    let next = 0;
    const worker = async () => {
      while (next < rest.length) await runOne(rest[next++]);
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  } finally {
    await server.stop();
  }
}
