import type { SubgraphSettings } from '../config';
import { userInputError } from './errors';

/** A data year the programme accepts; anything else is a client error naming the argument. */
export function validateYear(year: number, settings: SubgraphSettings, argumentName = 'year'): number {
  if (!Number.isInteger(year) || year < settings.minDataYear || year > settings.maxDataYear) {
    throw userInputError(
      `"${argumentName}" must be a data year between ${settings.minDataYear} and ${settings.maxDataYear}, got ${year}`,
      argumentName,
    );
  }
  return year;
}

/** ISO 3166-1 alpha-2, upper case, as stored. Also keeps client strings out of queries as anything but a plain value. */
export function validateCountry(country: string, argumentName = 'country'): string {
  if (!/^[A-Z]{2}$/.test(country)) {
    throw userInputError(
      `"${argumentName}" must be an ISO 3166-1 alpha-2 code of two upper-case letters (e.g. PH), got ${JSON.stringify(country)}`,
      argumentName,
    );
  }
  return country;
}
