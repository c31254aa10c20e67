import type { IndicatorReportDoc } from '../data/types';
import type { Context } from '../context';
import { saveIndicatorValues, submitIndicatorYear, type SaveIndicatorValuesInput } from '../workflow/saveValues';
import { verifyIndicatorValues, type VerifyIndicatorValuesInput } from '../workflow/verdicts';

export const Mutation = {
  saveIndicatorValues(_: unknown, args: { input: SaveIndicatorValuesInput }, ctx: Context): Promise<IndicatorReportDoc> {
    return saveIndicatorValues(args.input, ctx);
  },
  submitIndicatorYear(_: unknown, args: { cityId: string; year: number; expectedVersion: number }, ctx: Context): Promise<IndicatorReportDoc> {
    return submitIndicatorYear(args, ctx);
  },
  verifyIndicatorValues(_: unknown, args: { input: VerifyIndicatorValuesInput }, ctx: Context): Promise<IndicatorReportDoc> {
    return verifyIndicatorValues(args.input, ctx);
  },
};
