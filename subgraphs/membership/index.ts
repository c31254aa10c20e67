import { runSubgraphFromEnv } from '../../lib/subgraph/run';
import { createServer } from './server';

runSubgraphFromEnv('membership', createServer).catch((error) => {
  console.error(error);
  process.exit(1);
});
