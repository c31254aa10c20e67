/**
 * The documents each subgraph stores, one database per subgraph. The sample dataset generator
 * (data/sample/dataset.ts) produces these, and each subgraph's seed inserts its own part.
 * Dates: `Date` objects for instants; 'YYYY-MM-DD' strings for calendar dates.
 */

// ---- citynet_membership ----------------------------------------------------------------------
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

// ---- wccd_indicators -------------------------------------------------------------------------
/** Collection `indicator_values`: one per city, data year and indicator; `_id` = `${cityId}:${year}:${indicatorId}`. */
export interface IndicatorValueDoc {
  _id: string;
  cityId: string;
  year: number;
  edition: string; // e.g. 'ISO 37120:2014'
  indicatorId: string; // e.g. '5.1'
  value: number;
  status: 'DRAFT' | 'SUBMITTED' | 'VERIFIED' | 'REJECTED';
  sampleData: boolean;
  updatedAt: Date;
}

/** One value inside an indicator report (see IndicatorReportDoc). */
export interface IndicatorReportValue {
  indicatorId: string; // e.g. '5.1'
  value: number;
  status: 'DRAFT' | 'SUBMITTED' | 'VERIFIED' | 'REJECTED';
  /** Where the city took the figure from, and the officer's note. */
  source?: string | null;
  note?: string | null;
  /** `sub` of who entered the value (four-eyes: that subject can never give it a verdict). */
  enteredBy: string;
  enteredAt: Date;
  /** The verdict (VERIFIED/REJECTED): who, for which organisation, why, when. */
  verifiedBy?: string | null;
  verifierOrgId?: string | null;
  verifierNote?: string | null;
  verdictAt?: Date | null;
}

/**
 * Collection `indicator_reports`: one per city and data year; `_id` = `${cityId}:${year}`. All values of
 * the year live in one document (an array, since clause ids contain dots), so a bulk save is one atomic
 * single-document write and `version` gives optimistic concurrency without transactions.
 */
export interface IndicatorReportDoc {
  _id: string;
  cityId: string;
  year: number;
  edition: string; // e.g. 'ISO 37120:2014'
  /** Increases by one with every change (0 = never saved). */
  version: number;
  values: IndicatorReportValue[];
  /** When values were last submitted for verification. */
  submittedAt?: Date | null;
  sampleData: boolean;
  /** Audit entries written atomically with the change they record, until copied to `audit` (an outbox). */
  pendingAudit?: AuditEntryDoc[];
}

/**
 * Collection `audit` (in each subgraph's database that makes changes): one entry per change.
 * `_id` is deterministic for the change (so copying from an outbox twice inserts it once);
 * `seq` orders the entries of one city and year.
 */
export interface AuditEntryDoc {
  _id: string;
  cityId: string | null;
  year: number | null;
  at: Date;
  /** The actor's `sub` and roles. */
  actor: string;
  actorRoles: string[];
  action: string;
  /** What changed: an indicator id, 'certification', ... */
  subject: string;
  old: Record<string, unknown> | null;
  new: Record<string, unknown> | null;
  seq?: number;
}

// ---- wccd_certification ----------------------------------------------------------------------
/** Collection `certifications`: one per city and data year; `_id` = `${cityId}:${year}`. */
export interface CertificationDoc {
  _id: string;
  cityId: string;
  /** Copy of the city's country (owned by membership), kept so the registry can filter by it. */
  country: string;
  year: number;
  status: 'ENROLLED' | 'DATA_SUBMITTED' | 'UNDER_VERIFICATION' | 'CERTIFIED' | 'REJECTED';
  level: 'ASPIRATIONAL' | 'BRONZE' | 'SILVER' | 'GOLD' | 'PLATINUM' | null;
  /** Rank of the level (PLATINUM 5 … ASPIRATIONAL 1, 0 when none) so the registry can sort by level. */
  levelRank: number;
  verifierOrganisation: string | null;
  awardedAt: Date | null;
  /** True on the CERTIFIED certification with the highest data year of its city (the registry's default view). */
  latest: boolean;
  sampleData: boolean;
}

// ---- citynet_workshops -----------------------------------------------------------------------
/** Collection `workshops`. */
export interface WorkshopDoc {
  _id: string;
  title: string;
  themes: string[]; // ISO 37120 theme names, e.g. 'Solid Waste'
  format: 'IN_PERSON' | 'ONLINE' | 'HYBRID';
  hostCityId: string | null;
  facilitator: string | null;
  startsAt: Date;
  endsAt: Date;
  timezone: string; // IANA
  capacity: number;
  seatsTaken: number; // confirmed registrations
  status: 'SCHEDULED' | 'CANCELLED' | 'COMPLETED';
  sampleData: boolean;
}

/** Collection `registrations`. */
export interface RegistrationDoc {
  _id: string;
  workshopId: string;
  cityId: string;
  status: 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED';
  registeredAt: Date;
}

/** Collection `mentoring_pairs`. */
export interface MentoringPairDoc {
  _id: string;
  mentorCityId: string;
  menteeCityId: string;
  focusThemes: string[];
  status: 'ACTIVE' | 'CLOSED';
  startedOn: string; // YYYY-MM-DD
  closedOn: string | null;
  sessions: { heldAt: Date; durationMinutes: number; format: 'IN_PERSON' | 'ONLINE' | 'HYBRID'; summary: string | null }[];
}

export interface SampleDataset {
  membership: { cities: CityDoc[]; members: MemberDoc[]; enrolments: EnrolmentDoc[] };
  indicators: { indicator_values: IndicatorValueDoc[] };
  certification: { certifications: CertificationDoc[] };
  workshops: { workshops: WorkshopDoc[]; registrations: RegistrationDoc[]; mentoring_pairs: MentoringPairDoc[] };
}
