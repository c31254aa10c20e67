import type { EventDoc } from '../../../lib/db/outbox';
import { changeDocument } from '../../../lib/db/outbox';
import { codedError } from '../../../lib/graphql/errors';
import { checkCityId } from '../../../lib/graphql/inputs';
import type { Context } from '../context';
import { citiesCollection } from '../data/cities';
import { reindexCities } from '../data/search-index';
import type { CityDoc } from '../data/types';
import type { UpdateCityInput } from '../generated/resolvers-types';
import { requireMembershipStaff } from '../domain/access';
import { checkCityNames, checkCityUpdate, cityFacts, CITY_ADMITTED, CITY_CHANGED } from '../domain/cities';

/** `city.admitted`: a city entered the membership registry (admitted with its member, or seeded). One per city. */
export function cityAdmittedEvent(city: CityDoc, at: Date): EventDoc {
  return { _id: `${CITY_ADMITTED}:${city._id}`, type: CITY_ADMITTED, at, payload: cityFacts({ ...city, version: 0 }) };
}

/** `city.changed`: the city's facts after its change to `version`. */
export function cityChangedEvent(city: CityDoc, version: number, at: Date): EventDoc {
  return { _id: `${CITY_CHANGED}:${city._id}:v${version}`, type: CITY_CHANGED, at, payload: cityFacts({ ...city, version }) };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Changes a city's facts (audited, in the city's own write, with its `city.changed` event for the
 * other domains: the registry's country, the workshops' time zones). The same values again change
 * nothing. Afterwards the search index takes the new names.
 */
export async function updateCity(ctx: Context, args: { cityId: string; input: UpdateCityInput }): Promise<CityDoc> {
  const actor = requireMembershipStaff(ctx.user);
  const cityId = checkCityId(args.cityId);
  const update = checkCityUpdate(args.input);
  const now = ctx.settings.now();
  let changed = false;
  const city = await changeDocument<CityDoc>({
    collection: citiesCollection(ctx.db),
    id: cityId,
    actor,
    at: now,
    locks: [`city:${cityId}`],
    conflict: `The city ${JSON.stringify(cityId)} was changed by someone else meanwhile; try again.`,
    change(current) {
      if (!current) throw codedError('NOT_FOUND', `No city with id ${JSON.stringify(cityId)}.`, { field: 'cityId' });
      const { otherNames: names, ...fields } = update;
      const set: Partial<CityDoc> = { ...fields };
      if (names) set.otherNames = checkCityNames(names, 'input.otherNames', fields.name ?? current.name);
      const keys = (Object.keys(set) as (keyof CityDoc)[]).filter((k) => !same(current[k], set[k]));
      if (keys.length === 0) return null;
      changed = true;
      const { version: _v, outbox: _o, ...stored } = current;
      const next: CityDoc = { ...stored, ...set };
      const version = (current.version ?? 0) + 1;
      return {
        next,
        audit: [
          {
            action: 'city.changed',
            subject: `city:${cityId}`,
            old: Object.fromEntries(keys.map((k) => [k, current[k] ?? null])),
            new: Object.fromEntries(keys.map((k) => [k, set[k] ?? null])),
          },
        ],
        scope: { cityId },
        events: [cityChangedEvent(next, version, now)],
      };
    },
  });
  if (!city) throw codedError('NOT_FOUND', `No city with id ${JSON.stringify(cityId)}.`, { field: 'cityId' });
  if (!changed) {
    ctx.changes.unchanged();
    return city;
  }
  await reindexCities(ctx.db, [cityId]);
  // The City's fields here, and the lists and searches that show it.
  ctx.changes.entity('City', { id: cityId }).lists();
  return city;
}
