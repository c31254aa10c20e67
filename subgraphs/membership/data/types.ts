/** What the membership subgraph stores (database citynet_membership). Dates: `Date` for instants, 'YYYY-MM-DD' strings for calendar dates. */

/** Collection `cities`: every city known to the programme. `_id` is the slug (e.g. `kuala-lumpur`). */
export interface CityDoc {
  _id: string;
  name: string;
  country: string; // ISO 3166-1 alpha-2
  region: 'EAST_ASIA' | 'SOUTH_EAST_ASIA' | 'SOUTH_ASIA' | 'WEST_ASIA' | 'OCEANIA' | 'NORTH_AMERICA' | 'EUROPE';
  population: number | null;
  areaKm2: number | null;
  timezone: string; // IANA
  sampleData: boolean;
}

/** Collection `members`: CityNet members. Full members have `_id` = `cityId` = the city's slug. */
export interface MemberDoc {
  _id: string;
  name: string;
  category: 'FULL' | 'ASSOCIATE';
  organisationType: 'LOCAL_GOVERNMENT' | 'NGO' | 'INSTITUTE' | 'DEVELOPMENT_AUTHORITY' | 'ASSOCIATION' | 'COMPANY';
  cityId: string | null;
  country: string;
  status: 'ACTIVE' | 'PENDING' | 'SUSPENDED' | 'WITHDRAWN';
  since: string; // YYYY-MM-DD
  clusters: ('CLIMATE_CHANGE' | 'DISASTER' | 'SDGS' | 'INFRASTRUCTURE')[];
  nationalChapter: string | null;
}

/** Collection `enrolments`: enrolment in the joint programme, one per city (`_id` = cityId). */
export interface EnrolmentDoc {
  _id: string;
  cityId: string;
  programme: string;
  round: number;
  enrolledOn: string; // YYYY-MM-DD
  subsidisedUntil: string; // YYYY-MM-DD, three years after enrolment
}
