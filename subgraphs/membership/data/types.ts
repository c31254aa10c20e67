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
  /** Native-script, former and alternative names, each with its source (absent: none known). */
  otherNames?: CityNameDoc[];
  /** Set once the city is changed through the audited write (workflows/city.ts); admitted and seeded cities have none. */
  version?: number;
  outbox?: Outbox;
}

export type CityNameKind = 'NATIVE' | 'FORMER' | 'ALTERNATIVE';

/** Another name of a city: in its own language and script, a former name, or another spelling in use. */
export interface CityNameDoc {
  name: string;
  kind: CityNameKind;
  /** BCP 47 language tag, e.g. ko, zh-Hant, vi. */
  language: string | null;
  /** Where the name is documented (a URL). */
  source: string | null;
  /** E.g. "until 1976". */
  note: string | null;
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

/**
 * Collection `enrolments`: enrolment in the joint programme, one per city (`_id` = cityId). Written by
 * `enrolCity` or by the acceptance of a programme application (workflows/programme.ts), which also
 * records the rate. Enrolments from before rates existed have no `rate` (migrations fill it in).
 */
export interface EnrolmentDoc {
  _id: string;
  cityId: string;
  programme: string;
  round: number;
  enrolledOn: string; // YYYY-MM-DD
  /** The last day of the subsidised rate (three years after enrolment); null at the standard rate. */
  subsidisedUntil: string | null;
  rate?: EnrolmentRateDoc;
  /** The application it came from (`<round>:<cityId>`), null for a direct `enrolCity`. */
  applicationId?: string | null;
  /** WITHDRAWN when the acceptance was withdrawn (the city is then no longer enrolled); absent: ACTIVE. */
  status?: 'ACTIVE' | 'WITHDRAWN';
  withdrawnOn?: string | null;
  version?: number;
  outbox?: Outbox;
}

export type RateKind = 'SUBSIDISED' | 'STANDARD';

/** The rate a city pays in the programme, and why (the reason is for CityNet staff). */
export interface EnrolmentRateDoc {
  kind: RateKind;
  /** The yearly fee of the round in `currency`; null when the round set none (a direct enrolment without a round). */
  annualFee: number | null;
  currency: string | null;
  reason: string;
}

/** Collection `programme_rounds`: one call for participation per year (`_id` = the year as a string). */
export interface ProgrammeRoundDoc {
  _id: string;
  year: number;
  /** The data year participants certify first. */
  dataYear: number;
  opensAt: Date;
  closesAt: Date;
  seats: number;
  /** ISO 4217, e.g. USD. */
  currency: string;
  standardAnnualFee: number;
  subsidisedAnnualFee: number;
  /** How long the subsidised rate runs (3 years in the call). */
  subsidisedYears: number;
  sampleData: boolean;
  version?: number;
  outbox?: Outbox;
}

export type ApplicationStatus = 'SUBMITTED' | 'SHORTLISTED' | 'ACCEPTED' | 'WAITLISTED' | 'DECLINED' | 'WITHDRAWN';

/** One step of an application's review, in order. */
export interface ApplicationStepDoc {
  at: Date;
  status: ApplicationStatus;
  /** Who made it (a token's `sub`). */
  by: string;
  reason: string | null;
}

/** Collection `programme_applications`: a city's application to a round (`_id` = `<year>:<cityId>`: one per city and round). */
export interface ProgrammeApplicationDoc {
  _id: string;
  round: number;
  cityId: string;
  status: ApplicationStatus;
  submittedAt: Date;
  submittedBy: string;
  dataContact: { name: string; email: string; position: string | null };
  motivation: string;
  /** ISO 37120 indicator ids the city can already report. */
  readyIndicatorIds: string[];
  history: ApplicationStepDoc[];
  /** When it joined the waiting list (the order of promotion); null when never waitlisted. */
  waitlistedAt: Date | null;
  acceptedAt: Date | null;
  declineReason: string | null;
  withdrawalReason: string | null;
  /** The rate decided at acceptance (also on the enrolment). */
  rate: EnrolmentRateDoc | null;
  subsidisedUntil: string | null;
  sampleData: boolean;
  version?: number;
  outbox?: Outbox;
}

export interface DuesPaymentDoc {
  amountUsd: number;
  paidOn: string; // YYYY-MM-DD
  recordedBy: string;
}

/** Collection `dues`: a member's dues for one year (`_id` = `<memberId>:<year>`), the payments recorded by CityNet staff. */
export interface DuesDoc {
  _id: string;
  memberId: string;
  year: number;
  payments: DuesPaymentDoc[];
  sampleData: boolean;
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
