import type { CityResolvers } from '../generated/resolvers-types';
import type { Known } from './index';
import { cityPeerComparison } from '../workflows/peers';
import { cityIndicatorSeries } from '../workflows/series';
import { cityCoverage, cityIndicators, cityReport, latestDataYear } from '../workflows/values';

/** City is owned by membership; here it only carries the indicator fields. */
export const City = {
  // The reference is all we need: every field below is looked up by the id (no existence check here).
  __resolveReference: (ref) => ({ id: ref.id }),
  indicators: (city, args, ctx) => cityIndicators(city.id, args, ctx),
  indicatorReport: (city, args, ctx) => cityReport(city.id, args, ctx),
  indicatorCoverage: (city, args, ctx) => cityCoverage(city.id, args, ctx),
  latestDataYear: (city, _, ctx) => latestDataYear(city.id, ctx),
  indicatorSeries: (city, args, ctx) => cityIndicatorSeries(city.id, args, ctx),
  peerComparison: (city, args, ctx) => cityPeerComparison(city.id, args, ctx),
} satisfies Known<CityResolvers>;
