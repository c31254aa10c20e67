import type { CityDoc, MemberDoc } from './data/types';
import { badField, requireDistinct, requireText, requireTimeZone } from '../../lib/graphql/field-errors';
import { NATIONAL_CHAPTERS } from './config';
import type { MemberContactsDoc } from './data/contacts';

export interface AdmitMemberInput {
  category: MemberDoc['category'];
  name: string;
  id?: string | null;
  country: string;
  status?: MemberDoc['status'] | null;
  since?: string | null;
  clusters?: MemberDoc['clusters'] | null;
  nationalChapter?: string | null;
  organisationType?: MemberDoc['organisationType'] | null;
  city?: { name?: string | null; region: CityDoc['region']; population?: number | null; areaKm2?: number | null; timezone: string } | null;
  contacts?: { focalPointName: string; email: string } | null;
}

export interface Admission {
  member: MemberDoc;
  /** The city to create, for full members. */
  city: CityDoc | null;
  contacts: MemberContactsDoc | null;
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

/** An assigned ISO 3166-1 alpha-2 code (Intl knows its name). */
export function requireCountry(value: string, field: string): string {
  if (!/^[A-Z]{2}$/.test(value) || !regionNames.of(value) || value === 'ZZ' || value === 'EU' || value === 'UN') {
    throw badField(field, `must be an ISO 3166-1 alpha-2 country code of two upper-case letters (e.g. PH), got ${JSON.stringify(value)}`);
  }
  return value;
}

export function requireChapter(value: string, field: string): string {
  if (!NATIONAL_CHAPTERS.has(value)) throw badField(field, `must be a national chapter (${[...NATIONAL_CHAPTERS].join(', ')}), got ${JSON.stringify(value)}`);
  return value;
}

/** Validates every field of the input (nothing is read or written yet) and builds the documents. */
export function buildAdmission(input: AdmitMemberInput, today: string): Admission {
  const name = requireText(input.name, 'input.name', 2, 200);
  const id = input.id ?? slugify(name);
  if (!SLUG.test(id) || id.length > 64) {
    throw badField(input.id != null ? 'input.id' : 'input.name', `must give an id of lowercase letters, digits and single hyphens (at most 64), got ${JSON.stringify(id)}`);
  }
  const country = requireCountry(input.country, 'input.country');
  const status = input.status ?? 'ACTIVE';
  if (status !== 'ACTIVE' && status !== 'PENDING') throw badField('input.status', `must be ACTIVE or PENDING for a new member, got ${status}`);
  const since = input.since ?? today;
  if (since > today) throw badField('input.since', `must not be in the future (today is ${today}), got ${since}`);
  const clusters = requireDistinct(input.clusters ?? [], 'input.clusters');
  const nationalChapter = input.nationalChapter == null ? null : requireChapter(input.nationalChapter, 'input.nationalChapter');

  let organisationType: MemberDoc['organisationType'];
  let city: CityDoc | null = null;
  if (input.category === 'FULL') {
    if (input.organisationType != null && input.organisationType !== 'LOCAL_GOVERNMENT') {
      throw badField('input.organisationType', `must be LOCAL_GOVERNMENT (or omitted) for a full member, got ${input.organisationType}`);
    }
    organisationType = 'LOCAL_GOVERNMENT';
    if (!input.city) throw badField('input.city', 'is required for a full member (a local government and its city)');
    const c = input.city;
    const population = c.population ?? null;
    if (population !== null && (!Number.isInteger(population) || population < 1 || population > 100_000_000)) {
      throw badField('input.city.population', `must be an integer from 1 to 100000000, got ${population}`);
    }
    const areaKm2 = c.areaKm2 ?? null;
    if (areaKm2 !== null && (!Number.isFinite(areaKm2) || areaKm2 <= 0 || areaKm2 > 100_000)) {
      throw badField('input.city.areaKm2', `must be a number above 0 and at most 100000, got ${areaKm2}`);
    }
    city = {
      _id: id,
      name: c.name == null ? name : requireText(c.name, 'input.city.name', 1, 200),
      country,
      region: c.region,
      population,
      areaKm2,
      timezone: requireTimeZone(c.timezone, 'input.city.timezone'),
      sampleData: false,
    };
  } else {
    if (input.organisationType == null) throw badField('input.organisationType', 'is required for an associate member');
    if (input.organisationType === 'LOCAL_GOVERNMENT') {
      throw badField('input.organisationType', 'cannot be LOCAL_GOVERNMENT for an associate member: local governments are full members');
    }
    if (input.city) throw badField('input.city', 'is only for full members; an associate member is an organisation');
    organisationType = input.organisationType;
  }

  let contacts: MemberContactsDoc | null = null;
  if (input.contacts) {
    const email = input.contacts.email.trim();
    if (!EMAIL.test(email) || email.length > 254) throw badField('input.contacts.email', `must be an e-mail address, got ${JSON.stringify(input.contacts.email)}`);
    contacts = { _id: id, focalPointName: requireText(input.contacts.focalPointName, 'input.contacts.focalPointName', 1, 200), email, sampleData: false };
  }

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
  return { member, city, contacts };
}

/** Which status changes make sense; setting the current status again is a no-op (handled by the caller). */
export const STATUS_TRANSITIONS: Record<MemberDoc['status'], MemberDoc['status'][]> = {
  PENDING: ['ACTIVE', 'WITHDRAWN'],
  ACTIVE: ['SUSPENDED', 'WITHDRAWN'],
  SUSPENDED: ['ACTIVE', 'WITHDRAWN'],
  // A withdrawn member re-applies: it becomes PENDING again.
  WITHDRAWN: ['PENDING'],
};

