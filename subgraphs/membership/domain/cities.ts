import { inputError } from '../../../lib/graphql/errors';
import { checkInt, checkText, checkTimeZone } from '../../../lib/graphql/inputs';
import type { CityDoc, CityNameDoc } from '../data/types';
import type { CityNameInput, UpdateCityInput } from '../generated/resolvers-types';
import { normalise } from './search';

/** A city's facts as other domains receive them (events `city.admitted`, `city.changed`). */
export const CITY_ADMITTED = 'city.admitted';
export const CITY_CHANGED = 'city.changed';

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function checkArea(value: number, field: string): number {
  if (!Number.isFinite(value) || value <= 0 || value > 100_000) throw inputError(field, `must be a number above 0 and at most 100000, got ${value}`);
  return value;
}

function checkSource(value: string, field: string): string {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || value.length > 500)
    throw inputError(field, `must be an http(s) URL of at most 500 characters, got ${JSON.stringify(value.slice(0, 80))}`);
  return value;
}

/** Other names of a city: each searchable, at most 20, none repeated (after normalisation) nor the English name again. */
export function checkCityNames(names: readonly CityNameInput[], field: string, englishName: string): CityNameDoc[] {
  if (names.length > 20) throw inputError(field, `must list at most 20 names, got ${names.length}`);
  const seen = new Set<string>([`${normalise(englishName)}|ALTERNATIVE`]);
  return names.map((n, i) => {
    const name = checkText(n.name, `${field}[${i}].name`, 1, 200);
    const key = normalise(name);
    if (!key) throw inputError(`${field}[${i}].name`, `must contain a letter or a digit, got ${JSON.stringify(name)}`);
    if (seen.has(`${key}|${n.kind}`)) throw inputError(`${field}[${i}].name`, `repeats the name ${JSON.stringify(name)}`);
    seen.add(`${key}|${n.kind}`);
    const language = n.language == null ? null : n.language;
    if (language !== null && !LANGUAGE.test(language))
      throw inputError(`${field}[${i}].language`, `must be a BCP 47 language tag such as ko or zh-Hant, got ${JSON.stringify(language.slice(0, 40))}`);
    return {
      name,
      kind: n.kind,
      language,
      source: n.source == null ? null : checkSource(n.source, `${field}[${i}].source`),
      note: n.note == null ? null : checkText(n.note, `${field}[${i}].note`, 1, 200),
    };
  });
}

/** The fields an update sets (validated; nothing read yet). A field left out stays as it is. */
export function checkCityUpdate(
  input: UpdateCityInput,
): Partial<Pick<CityDoc, 'name' | 'region' | 'population' | 'areaKm2' | 'timezone'>> & { otherNames?: readonly CityNameInput[] } {
  const set: ReturnType<typeof checkCityUpdate> = {};
  if (input.name != null) set.name = checkText(input.name, 'input.name', 1, 200);
  if (input.region != null) set.region = input.region;
  if (input.population != null) set.population = checkInt(input.population, 'input.population', 1, 100_000_000);
  if (input.areaKm2 != null) set.areaKm2 = checkArea(input.areaKm2, 'input.areaKm2');
  if (input.timezone != null) set.timezone = checkTimeZone(input.timezone, 'input.timezone');
  if (input.otherNames != null) set.otherNames = input.otherNames;
  if (Object.keys(set).length === 0) throw inputError('input', 'must set at least one of name, region, population, areaKm2, timezone, otherNames');
  return set;
}

/** What other domains learn of a city. */
export function cityFacts(city: CityDoc): Record<string, unknown> {
  return {
    cityId: city._id,
    name: city.name,
    country: city.country,
    region: city.region,
    population: city.population,
    timezone: city.timezone,
    version: city.version ?? 0,
  };
}
