import { runSubgraphFromEnv } from '../../lib/subgraph/run';
import { createServer } from './server';

// ApolloServer is invariant in its context type; the host only ever uses the service's own
// createContext, so widening to the base context is safe.
runSubgraphFromEnv('certification', createServer).catch((error) => {
  console.error(error);
  process.exit(1);
});
