import { inputError } from '../../../lib/graphql/errors';
import { checkCountry, checkDate, checkDistinct, checkInt, checkText, checkTimeZone } from '../../../lib/graphql/inputs';
import type { AdmitMemberInput } from '../generated/resolvers-types';
import type { CityDoc, MemberContactsDoc, MemberDoc } from '../data/types';
import { checkChapter } from './chapters';
import { checkArea, checkCityNames } from './cities';

/** What an admission writes: the member, its city (full members) and its focal point (if given). */
export interface Admission {
  member: MemberDoc;
  /** The city to create, for full members. */
  city: CityDoc | null;
  contacts: MemberContactsDoc | null;
  /** The input that names the id (for errors about it): `input.id` when given, else `input.name`. */
  idField: 'input.id' | 'input.name';
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
// Loose on purpose: the focal point confirms the address; this only catches obvious typos.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** `Kuala Lumpur` -> `kuala-lumpur`, `St. John's` -> `st-johns`, `Đà Nẵng` -> `da-nang`. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A member's country: the shape as lib checks it, and, since a member is a real place, a code that
 * is assigned (Intl knows its name; the user-assigned and exceptional codes are refused).
 */
export function checkMemberCountry(value: string, field: string): string {
  checkCountry(value, field);
  if (!regionNames.of(value) || value === 'ZZ' || value === 'EU' || value === 'UN') {
    throw inputError(field, `must be an assigned ISO 3166-1 alpha-2 country code (e.g. PH), got ${JSON.stringify(value)}`);
  }
  return value;
}

export function checkEmail(value: string, field: string): string {
  const email = value.trim();
  if (!EMAIL.test(email) || email.length > 254) throw inputError(field, `must be an e-mail address, got ${JSON.stringify(value)}`);
  return email;
}

/** Validates every field of the input (nothing is read or written yet) and builds the documents. */
export function buildAdmission(input: AdmitMemberInput, today: string): Admission {
  const name = checkText(input.name, 'input.name', 2, 200);
  const id = input.id ?? slugify(name);
  const idField = input.id != null ? 'input.id' : 'input.name';
  if (!SLUG.test(id) || id.length > 64) {
    throw inputError(idField, `must give an id of lowercase letters, digits and single hyphens (at most 64), got ${JSON.stringify(id)}`);
  }
  const country = checkMemberCountry(input.country, 'input.country');
  const status = input.status ?? 'ACTIVE';
  if (status !== 'ACTIVE' && status !== 'PENDING') throw inputError('input.status', `must be ACTIVE or PENDING for a new member, got ${status}`);
  const since = input.since == null ? today : checkDate(input.since, 'input.since');
  if (since > today) throw inputError('input.since', `must not be in the future (today is ${today}), got ${since}`);
  const clusters = checkDistinct(input.clusters ?? [], 'input.clusters');
  const nationalChapter = input.nationalChapter == null ? null : checkChapter(input.nationalChapter, 'input.nationalChapter');

  let organisationType: MemberDoc['organisationType'];
  let city: CityDoc | null = null;
  if (input.category === 'FULL') {
    if (input.organisationType != null && input.organisationType !== 'LOCAL_GOVERNMENT') {
      throw inputError('input.organisationType', `must be LOCAL_GOVERNMENT (or omitted) for a full member, got ${input.organisationType}`);
    }
    organisationType = 'LOCAL_GOVERNMENT';
    if (!input.city) throw inputError('input.city', 'is required for a full member (a local government and its city)');
    const c = input.city;
    const cityName = c.name == null ? name : checkText(c.name, 'input.city.name', 1, 200);
    city = {
      _id: id,
      name: cityName,
      country,
      region: c.region,
      population: c.population == null ? null : checkInt(c.population, 'input.city.population', 1, 100_000_000),
      areaKm2: c.areaKm2 == null ? null : checkArea(c.areaKm2, 'input.city.areaKm2'),
      timezone: checkTimeZone(c.timezone, 'input.city.timezone'),
      sampleData: false,
      ...(c.otherNames?.length ? { otherNames: checkCityNames(c.otherNames, 'input.city.otherNames', cityName) } : {}),
    };
  } else {
    if (input.organisationType == null) throw inputError('input.organisationType', 'is required for an associate member');
    if (input.organisationType === 'LOCAL_GOVERNMENT') {
      throw inputError('input.organisationType', 'cannot be LOCAL_GOVERNMENT for an associate member: local governments are full members');
    }
    if (input.city) throw inputError('input.city', 'is only for full members; an associate member is an organisation');
    organisationType = input.organisationType;
  }

  const contacts: MemberContactsDoc | null = input.contacts
    ? {
        _id: id,
        focalPointName: checkText(input.contacts.focalPointName, 'input.contacts.focalPointName', 1, 200),
        email: checkEmail(input.contacts.email, 'input.contacts.email'),
        sampleData: false,
      }
    : null;

  const member: MemberDoc = {
    _id: id,
    name,
    category: input.category,
    organisationType,
    cityId: city ? id : null,
    country,
    status,
    since,
    clusters,
    nationalChapter,
  };
  return { member, city, contacts, idField };
}
