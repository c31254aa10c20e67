/** Workload C sends the same TestQuery as workload B (and as the public gateway benchmarks). */
import { variant, type Variant } from '../operation';
import { TEST_QUERY } from '../workload-b/operation';

export function workloadCVariants(): Variant[] {
  return [variant('testQuery', 'TestQuery', TEST_QUERY)];
}
