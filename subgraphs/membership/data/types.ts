/**
 * What the membership subgraph stores (database citynet_membership). Dates: `Date` for instants,
 * 'YYYY-MM-DD' strings for calendar dates. Documents changed through the one audited write
 * (lib/db/outbox.ts `changeDocument`) carry a `version` and, until it is flushed, an `outbox`.
 */
import type { Outbox } from '../../../lib/db/outbox';

export type Region = 'EAST_ASIA' | 'SOUTH_EAST_ASIA' | 'SOUTH_ASIA' | 'WEST_ASIA' | 'OCEANIA' | 'NORTH_AMERICA' | 'EUROPE';
export type MemberCategory = 'FULL' | 'ASSOCIATE';
export type MemberStatus = 'ACTIVE' | 'PENDING' | 'SUSPENDED' | 'WITHDRAWN';
export type Cluster = 'CLIMATE_CHANGE' | 'DISASTER' | 'SDGS' | 'INFRASTRUCTURE';
export type OrganisationType = 'LOCAL_GOVERNMENT' | 'NGO' | 'INSTITUTE' | 'DEVELOPMENT_AUTHORITY' | 'ASSOCIATION' | 'COMPANY';

/**
 * Collection `cities`: every city known to the programme. `_id` is the slug (e.g. `kuala-lumpur`).
 * A city admitted with its member is written from the member's outbox (see workflows/admission.ts).
 */
export interface CityDoc {
  _id: string;
  name: string;
  country: string; // ISO 3166-1 alpha-2
  region: Region;
  population: number | null;
  areaKm2: number | null;
  timezone: string; // IANA
  sampleData: boolean;
}

/**
 * Collection `members`: CityNet members. Full members have `_id` = `cityId` = the city's slug, so a
 * city's membership is looked up by `_id` (the one filter FerretDB pushes down).
 */
export interface MemberDoc {
  _id: string;
  name: string;
  category: MemberCategory;
  organisationType: OrganisationType;
  cityId: string | null;
  country: string;
  status: MemberStatus;
  since: string; // YYYY-MM-DD
  clusters: Cluster[];
  nationalChapter: string | null;
  /** Set by the audited write; documents from before it (seeded or older) have none. */
  version?: number;
  outbox?: Outbox;
}

/** Collection `enrolments`: enrolment in the joint programme, one per city (`_id` = cityId). */
export interface EnrolmentDoc {
  _id: string;
  cityId: string;
  programme: string;
  round: number;
  enrolledOn: string; // YYYY-MM-DD
  subsidisedUntil: string; // YYYY-MM-DD, three years after enrolment
  version?: number;
  outbox?: Outbox;
}

/**
 * Collection `member_contacts`: each member's focal point, `_id` = member id. Kept apart from the
 * public member documents so no public query can return it by accident.
 */
export interface MemberContactsDoc {
  _id: string;
  focalPointName: string;
  email: string;
  sampleData: boolean;
}
