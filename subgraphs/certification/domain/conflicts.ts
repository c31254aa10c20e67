import type { VerifierOrganisation } from './organisations';

/**
 * Conflicts of interest of a verification organisation: nobody may be assigned to verify, or give a
 * verdict on, a city its organisation declared an exclusion for (configuration: cities and countries,
 * domain/organisations.ts). The tokens' own ties (a VERIFIER tied to the city, a token that is also the
 * city's CITY_OFFICER) are checked where the verdict is given (the indicators domain).
 */
export function exclusionOf(
  org: Pick<VerifierOrganisation, 'id' | 'name' | 'excludedCities' | 'excludedCountries'>,
  city: { id: string; country: string | null },
): string | null {
  if (org.excludedCities.includes(city.id)) {
    return `${org.name} (${org.id}) declared a conflict of interest with ${city.id} (an excluded city), so it may not verify it`;
  }
  if (city.country && org.excludedCountries.includes(city.country)) {
    return `${org.name} (${org.id}) declared a conflict of interest with cities in ${city.country} (an excluded country), so it may not verify ${city.id}`;
  }
  return null;
}
