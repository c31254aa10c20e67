import type { MemberDoc } from '../data/types';
import type { FeeTable } from './config';

/** The annual fee: population band base (or the associate base) x the country's income multiplier, whole dollars. */
export function annualFeeUsd(table: FeeTable, member: Pick<MemberDoc, 'category' | 'country'>, population: number | null): number {
  const base =
    member.category === 'ASSOCIATE'
      ? table.associateBaseFeeUsd
      : table.populationBands.find((b) => b.maxPopulation === null || (population ?? 0) <= b.maxPopulation)!.baseFeeUsd;
  const gdp = table.gdpPerCapitaUsd[member.country];
  const multiplier =
    gdp === undefined ? table.defaultMultiplier : table.incomeBands.find((b) => b.maxGdpPerCapitaUsd === null || gdp <= b.maxGdpPerCapitaUsd)!.multiplier;
  return Math.round(base * multiplier);
}
