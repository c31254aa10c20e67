import type { ProgrammeApplicationResolvers } from '../generated/resolvers-types';
import { seesRateReason, waitlistPosition } from '../workflows/programme';

export const ProgrammeApplication = {
  id: (app) => app._id,
  city: async (app, _, ctx) => {
    const city = await ctx.loaders.cityById.load(app.cityId);
    if (!city) throw new Error(`Application ${app._id} names an unknown city ${app.cityId}`);
    return city;
  },
  waitlistPosition: (app, _, ctx) => waitlistPosition(ctx, app),
  rate: (app) => (app.rate ? { kind: app.rate.kind, annualFee: app.rate.annualFee, currency: app.rate.currency, subsidisedUntil: app.subsidisedUntil } : null),
  /** CityNet staff only; null for the city's officers. */
  rateReason: (app, _, ctx) => (seesRateReason(ctx) ? (app.rate?.reason ?? null) : null),
} satisfies ProgrammeApplicationResolvers;
