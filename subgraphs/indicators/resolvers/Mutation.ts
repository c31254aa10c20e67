import type { MutationResolvers } from '../generated/resolvers-types';
import type { Known } from './index';
import { saveIndicatorValues, submitIndicatorYear } from '../workflows/saveValues';
import { verifyIndicatorValues } from '../workflows/verdicts';

export const Mutation = {
  saveIndicatorValues: (_, args, ctx) => saveIndicatorValues(args.input, ctx),
  submitIndicatorYear: (_, args, ctx) => submitIndicatorYear(args, ctx),
  verifyIndicatorValues: (_, args, ctx) => verifyIndicatorValues(args.input, ctx),
} satisfies Known<MutationResolvers>;
