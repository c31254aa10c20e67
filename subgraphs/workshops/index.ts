import { runSubgraphFromEnv, type CreateSubgraphServer } from '../../lib/subgraph/run';
import { createServer } from './server';

// runSubgraphFromEnv only hands the context factory back to Apollo, so the concrete Context is safe
// to widen here (ApolloServer<T> is invariant in T, hence the double cast).
runSubgraphFromEnv('workshops', createServer as unknown as CreateSubgraphServer).catch((error) => {
  console.error(error);
  process.exit(1);
});
