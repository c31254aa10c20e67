/**
 * Typed resolvers generated from each subgraph's SDL (`npm run codegen`); CI fails when they are
 * stale (`npm run codegen:check`). Federation-aware: __resolveReference and entity keys are typed.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const SUBGRAPHS = ['membership', 'indicators', 'certification', 'workshops'];

const config: CodegenConfig = {
  overwrite: true,
  generates: Object.fromEntries(
    SUBGRAPHS.map((name) => [
      `subgraphs/${name}/generated/resolvers-types.ts`,
      {
        schema: `subgraphs/${name}/schema.graphql`,
        plugins: ['typescript', 'typescript-resolvers'],
        config: {
          federation: true,
          contextType: '../context#Context',
          useIndexSignature: true,
          enumsAsTypes: true,
          scalars: { DateTime: 'Date | string', Date: 'string' },
        },
      },
    ]),
  ),
};

export default config;
