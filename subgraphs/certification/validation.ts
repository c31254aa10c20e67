import type { SubgraphSettings } from '../../lib/config';
import { userInputError } from '../../lib/graphql/errors';

export function validateYear(year: number, settings: SubgraphSettings, argumentName = 'year'): number {
  if (!Number.isInteger(year) || year < settings.minDataYear || year > settings.maxDataYear) {
    throw userInputError(
      `"${argumentName}" must be a data year between ${settings.minDataYear} and ${settings.maxDataYear}, got ${year}`,
      argumentName,
    );
  }
  return year;
}

/** ISO 3166-1 alpha-2, upper case (as stored on certifications). */
export function validateCountry(country: string, argumentName = 'country'): string {
  if (!/^[A-Z]{2}$/.test(country)) {
    throw userInputError(`"${argumentName}" must be an ISO 3166-1 alpha-2 code of two upper-case letters (e.g. CA), got ${JSON.stringify(country)}`, argumentName);
  }
  return country;
}
