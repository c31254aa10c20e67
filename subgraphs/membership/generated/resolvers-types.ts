import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { CityDoc, CityNameDoc, DuesPaymentDoc, MemberDoc, MemberContactsDoc, ProgrammeApplicationDoc, ApplicationStepDoc, EnrolmentDoc, ProgrammeRoundDoc } from '../data/types';
import { CitySuggestionView, MemberDuesView, ProgrammeRateView } from '../domain/views';
import { Context } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, YYYY-MM-DD. */
  Date: { input: string; output: string; }
  /** An instant, ISO-8601 in UTC. */
  DateTime: { input: Date | string; output: Date | string; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type AdmitMemberInput = {
  category: MemberCategory;
  /** Full members only (and required for them): the city to create. */
  city?: InputMaybe<NewCityInput>;
  clusters?: InputMaybe<Array<Cluster>>;
  /** The member's focal point (staff-only data). */
  contacts?: InputMaybe<MemberContactsInput>;
  /** ISO 3166-1 alpha-2 country code, e.g. PH. */
  country: Scalars['String']['input'];
  /** Lowercase slug (a-z, 0-9, hyphens); defaults to the slug of the name. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** The member's name (for a full member, the city's name unless city.name is given). */
  name: Scalars['String']['input'];
  /** A configured national chapter (e.g. Philippines). */
  nationalChapter?: InputMaybe<Scalars['String']['input']>;
  /** Associate members: the kind of organisation (required, not LOCAL_GOVERNMENT). Full members are LOCAL_GOVERNMENT. */
  organisationType?: InputMaybe<OrganisationType>;
  /** The date the member joined; defaults to today. */
  since?: InputMaybe<Scalars['Date']['input']>;
  /** ACTIVE (the default) or PENDING. */
  status?: InputMaybe<MemberStatus>;
};

export type ApplyToProgrammeInput = {
  cityId: Scalars['ID']['input'];
  dataContact: DataContactInput;
  /** Why the city takes part (10–1000 characters). */
  motivation: Scalars['String']['input'];
  /** ISO 37120 indicator ids the city can already report (e.g. 5.1); may be empty. */
  readyIndicatorIds: Array<Scalars['ID']['input']>;
  /** The round's year. */
  round: Scalars['Int']['input'];
};

export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

/** A city: a local government, whether or not it is a CityNet member. */
export type City = {
  __typename?: 'City';
  areaKm2?: Maybe<Scalars['Float']['output']>;
  /** ISO 3166-1 alpha-2 country code, e.g. PH. */
  country: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** CityNet membership; null when the city is not a CityNet member. */
  membership?: Maybe<Membership>;
  name: Scalars['String']['output'];
  /** The city's name in its own language and script (e.g. 서울, 臺北市, ललितपुर), when it has one besides `name`. */
  nativeName?: Maybe<Scalars['String']['output']>;
  /** Other names the city is found by: native-script, former (Saigon, Madras, Batavia) and alternative names, each with its source. */
  otherNames: Array<CityName>;
  population?: Maybe<Scalars['Int']['output']>;
  /**
   * The city's application to the round of this year; null when it did not apply. CITYNET_STAFF and the
   * city's own officers only (others get null and an error on this field).
   */
  programmeApplication?: Maybe<ProgrammeApplication>;
  /** Enrolment in the CityNet–WCCD ISO 37120 joint programme; null when not enrolled (or the acceptance was withdrawn). */
  programmeEnrolment?: Maybe<ProgrammeEnrolment>;
  region: Region;
  /** IANA time zone, e.g. Asia/Manila. */
  timezone: Scalars['String']['output'];
};


/** A city: a local government, whether or not it is a CityNet member. */
export type CityProgrammeApplicationArgs = {
  round: Scalars['Int']['input'];
};

export type CityConnection = {
  __typename?: 'CityConnection';
  edges: Array<CityEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type CityEdge = {
  __typename?: 'CityEdge';
  cursor: Scalars['String']['output'];
  /** How the city matched `filter.search`; null without a search. */
  match?: Maybe<CitySearchMatch>;
  node: City;
};

export type CityFilter = {
  /** Only CityNet members (true) or only non-members (false). */
  cityNetMember?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only members of this cluster. */
  cluster?: InputMaybe<Cluster>;
  /** ISO 3166-1 alpha-2 country code. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** Only cities enrolled in the joint programme (true) or not enrolled (false). */
  enrolled?: InputMaybe<Scalars['Boolean']['input']>;
  region?: InputMaybe<Region>;
  /**
   * Cities with a name (English, native-script, former or alternative) that is, starts with, or has a
   * later word starting with this text; case, accents and punctuation do not matter (`mak`, `ho chi`,
   * `saigon`, `서울`, `da nang` = `Đà Nẵng`). At most 100 characters; every character is taken literally.
   * Results are ranked EXACT, PREFIX, WORD, then by name.
   */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** How a search matched a city: the whole of a name, its beginning, or the beginning of a later word. */
export type CityMatchKind =
  | 'EXACT'
  | 'PREFIX'
  /** Suggestions only: not a match, but a similar name (a typo, a longer or shorter form). */
  | 'SIMILAR'
  | 'WORD';

/** Another name of a city. */
export type CityName = {
  __typename?: 'CityName';
  kind: CityNameKind;
  /** BCP 47 language tag, e.g. ko, zh-Hant, vi. */
  language?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** E.g. "until 1976". */
  note?: Maybe<Scalars['String']['output']>;
  /** Where the name is documented. */
  source?: Maybe<Scalars['String']['output']>;
};

export type CityNameInput = {
  kind: CityNameKind;
  /** BCP 47 language tag, e.g. ko, zh-Hant. */
  language?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  /** Where the name is documented (an http(s) URL). */
  source?: InputMaybe<Scalars['String']['input']>;
};

export type CityNameKind =
  /** Another name or spelling in use. */
  | 'ALTERNATIVE'
  /** A name the city had before. */
  | 'FORMER'
  /** In the city's own language and script. */
  | 'NATIVE';

/** Why a city is in a search's results. */
export type CitySearchMatch = {
  __typename?: 'CitySearchMatch';
  kind: CityMatchKind;
  /** The name that matched, as written (e.g. Saigon for Ho Chi Minh City). */
  name: Scalars['String']['output'];
};

/** A city near a query, for a client that did not find what it looked for. */
export type CitySuggestion = {
  __typename?: 'CitySuggestion';
  city: City;
  /** Edits between the normalised query and that name (0 = the same). */
  distance: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  match: CityMatchKind;
  /** The name nearest to the query, as written. */
  matchedName: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

/** CityNet's thematic clusters. */
export type Cluster =
  | 'CLIMATE_CHANGE'
  | 'DISASTER'
  | 'INFRASTRUCTURE'
  | 'SDGS';

export type DataContact = {
  __typename?: 'DataContact';
  email: Scalars['String']['output'];
  name: Scalars['String']['output'];
  position?: Maybe<Scalars['String']['output']>;
};

export type DataContactInput = {
  email: Scalars['String']['input'];
  name: Scalars['String']['input'];
  position?: InputMaybe<Scalars['String']['input']>;
};

export type DuesPayment = {
  __typename?: 'DuesPayment';
  amountUsd: Scalars['Int']['output'];
  paidOn: Scalars['Date']['output'];
};

/** A CityNet member: a local government (full member) or an organisation (associate member). */
export type Member = {
  __typename?: 'Member';
  /** The annual membership fee in US dollars, from the member's population and its country's GDP per capita (a configured table). CITYNET_STAFF only, like contacts. */
  annualFeeUsd?: Maybe<Scalars['Int']['output']>;
  category: MemberCategory;
  /** The city, for full members. */
  city?: Maybe<City>;
  clusters: Array<Cluster>;
  /** The member's focal point. Not public: CITYNET_STAFF only (others get null and a FORBIDDEN error on this field). */
  contacts?: Maybe<MemberContacts>;
  country: Scalars['String']['output'];
  /** Dues per year (payments recorded by CityNet staff, against the annual fee), newest first. CITYNET_STAFF only, like contacts. */
  dues?: Maybe<Array<MemberDues>>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  nationalChapter?: Maybe<Scalars['String']['output']>;
  organisationType: OrganisationType;
  since: Scalars['Date']['output'];
  status: MemberStatus;
};

/** Full members are local governments; associate members are organisations. */
export type MemberCategory =
  | 'ASSOCIATE'
  | 'FULL';

export type MemberConnection = {
  __typename?: 'MemberConnection';
  edges: Array<MemberEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** A member's focal point for CityNet. */
export type MemberContacts = {
  __typename?: 'MemberContacts';
  email: Scalars['String']['output'];
  focalPointName: Scalars['String']['output'];
  /** True for the made-up contacts of the sample data. */
  sampleData: Scalars['Boolean']['output'];
};

export type MemberContactsInput = {
  email: Scalars['String']['input'];
  focalPointName: Scalars['String']['input'];
};

/** A member's dues for one year. */
export type MemberDues = {
  __typename?: 'MemberDues';
  /** The annual fee (Member.annualFeeUsd). */
  dueUsd: Scalars['Int']['output'];
  /** Paid in full. */
  paid: Scalars['Boolean']['output'];
  paidUsd: Scalars['Int']['output'];
  payments: Array<DuesPayment>;
  sampleData: Scalars['Boolean']['output'];
  year: Scalars['Int']['output'];
};

export type MemberEdge = {
  __typename?: 'MemberEdge';
  cursor: Scalars['String']['output'];
  node: Member;
};

export type MemberFilter = {
  category?: InputMaybe<MemberCategory>;
  cluster?: InputMaybe<Cluster>;
  country?: InputMaybe<Scalars['String']['input']>;
  nationalChapter?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<MemberStatus>;
};

export type MemberStatus =
  | 'ACTIVE'
  | 'PENDING'
  | 'SUSPENDED'
  | 'WITHDRAWN';

export type Membership = {
  __typename?: 'Membership';
  category: MemberCategory;
  clusters: Array<Cluster>;
  /** The national chapter the member belongs to (e.g. Philippines), if any. */
  nationalChapter?: Maybe<Scalars['String']['output']>;
  /** The date the member joined CityNet. */
  since: Scalars['Date']['output'];
  status: MemberStatus;
};

/**
 * CityNet membership workflows. Every mutation needs a CITYNET_STAFF token (anonymous callers get
 * UNAUTHENTICATED, other roles FORBIDDEN), except `applyToProgramme` (the city's own CITY_OFFICER) and
 * `withdrawProgrammeApplication` (CityNet staff or the city's officer); input is validated before
 * anything is written (BAD_USER_INPUT with the offending input path in `extensions.field`), and every
 * change is audited.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Accepts a SUBMITTED or SHORTLISTED application. Within the seats it becomes ACCEPTED: the city is
   * enrolled at the subsidised rate for the round's subsidised years when it is a full member in good
   * standing (ACTIVE, dues paid), at the standard rate otherwise (the reason is recorded for staff), and
   * its first certification is opened by WCCD's domain (event `programme.application.accepted`). Beyond
   * the seats it becomes WAITLISTED, promoted in order when an acceptance is withdrawn.
   */
  acceptProgrammeApplication: ProgrammeApplication;
  /**
   * Admits a member. A full member is a local government: its City is created with it (the city id is
   * the member id). An associate member is an organisation. An id already in use is a CONFLICT.
   */
  admitMember: Member;
  /**
   * A city officer applies for the city to a round: while the window is open (else CONFLICT), for a
   * CityNet full member (ACTIVE or SUSPENDED; others FORBIDDEN) that is not enrolled already, once per
   * round (a second application is a CONFLICT, whatever became of the first).
   */
  applyToProgramme: ProgrammeApplication;
  /** Changes a member's status, with the reason (audited). Setting the current status again changes nothing. */
  changeMemberStatus: Member;
  /** Declines an application that is not ACCEPTED (withdraw an acceptance instead), with the reason. */
  declineProgrammeApplication: ProgrammeApplication;
  /**
   * Enrols an ACTIVE full member city in the ISO 37120 joint programme; the subsidised rate runs for
   * three years (to enrolledOn + 3 years - 1 day). Already enrolled: CONFLICT; unknown city: NOT_FOUND.
   */
  enrolCity: ProgrammeEnrolment;
  /**
   * Opens a call for participation: its year (one round per year: CONFLICT when it exists), data year
   * (default: the round's year), application window, seats and rates.
   */
  openProgrammeRound: ProgrammeRound;
  /**
   * Records a payment of a member's dues for a year (paid in full when the payments reach the annual
   * fee). A full member whose dues are paid is in good standing for the programme's subsidised rate.
   */
  recordDuesPayment: MemberDues;
  /** Replaces the member's clusters. */
  setMemberClusters: Member;
  /** Sets (or, with null, clears) the member's national chapter; chapters are configuration. */
  setNationalChapter: Member;
  /** Shortlists a SUBMITTED application (already SHORTLISTED: nothing changes). */
  shortlistProgrammeApplication: ProgrammeApplication;
  /**
   * Changes a city's facts (name, other names, region, population, area, time zone; the country is fixed
   * at admission). Every other domain learns of it from the `city.changed` event. NOT_FOUND for an
   * unknown city; the same values again change nothing.
   */
  updateCity: City;
  /**
   * Withdraws an application or an acceptance, with the reason (CityNet staff, or the city's officer).
   * A withdrawn acceptance ends the enrolment and promotes the first WAITLISTED application.
   */
  withdrawProgrammeApplication: ProgrammeApplication;
};


/**
 * CityNet membership workflows. Every mutation needs a CITYNET_STAFF token (anonymous callers get
 * UNAUTHENTICATED, other roles FORBIDDEN), except `applyToProgramme` (the city's own CITY_OFFICER) and
 * `withdrawProgrammeApplication` (CityNet staff or the city's officer); input is validated before
 * anything is written (BAD_USER_INPUT with the offending input path in `extensions.field`), and every
 * change is audited.
 */
export type MutationAcceptProgrammeApplicationArgs = {
  applicationId: Scalars['ID']['input'];
};


/**
 * CityNet membership workflows. Every mutation needs a CITYNET_STAFF token (anonymous callers get
 * UNAUTHENTICATED, other roles FORBIDDEN), except `applyToProgramme` (the city's own CITY_OFFICER) and
 * `withdrawProgrammeApplication` (CityNet staff or the city's officer); input is validated before
 * anything is written (BAD_USER_INPUT with the offending input path in `extensions.field`), and every
 * change is audited.
 */
export type MutationAdmitMemberArgs = {
  input: AdmitMemberInput;
};


/**
 * CityNet membership workflows. Every mutation needs a CITYNET_STAFF token (anonymous callers get
 * UNAUTHENTICATED, other roles FORBIDDEN), except `applyToProgramme` (the city's own CITY_OFFICER) and
 * `withdrawProgrammeApplication` (CityNet staff or the city's officer); input is validated before
 * anything is written (BAD_USER_INPUT with the offending input path in `extensions.field`), and every
 * change is audited.
 */
export type MutationApplyToProgrammeArgs = {
  input: ApplyToProgrammeInput;
};


/**
 * CityNet membership workflows. Every mutation needs a CITYNET_STAFF token (anonymous callers get
 * UNAUTHENTICATED, other roles FORBIDDEN), except `applyToProgramme` (the city's own CITY_OFFICER) and
 * `withdrawProgrammeApplication` (CityNet staff or the city's officer); input is validated before
 * anything is written (BAD_USER_INPUT with the offending input path in `extensions.field`), and every
 * change is audited.
 */
export type MutationChangeMemberStatusArgs = {
  memberId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  status: MemberStatus;
};


/**
 * CityNet membership workflows. Every mutation needs a CITYNET_STAFF token (anonymous callers get
 * UNAUTHENTICATED, other roles FORBIDDEN), except `applyToProgramme` (the city's own CITY_OFFICER) and
 * `withdrawProgrammeApplication` (CityNet staff or the city's officer); input is validated before
 * anything is written (BAD_USER_INPUT with the offending input path in `extensions.field`), and every
 * change is audited.
 */
export type MutationDeclineProgrammeApplicationArgs = {
  applicationId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * CityNet membership workflows. Every mutation needs a CITYNET_STAFF token (anonymous callers get
 * UNAUTHENTICATED, other roles FORBIDDEN), except `applyToProgramme` (the city's own CITY_OFFICER) and
 * `withdrawProgrammeApplication` (CityNet staff or the city's officer); input is validated before
 * anything is written (BAD_USER_INPUT with the offending input path in `extensions.field`), and every
 * change is audited.
 */
export type MutationEnrolCityArgs = {
  cityId: Scalars['ID']['input'];
  enrolledOn: Scalars['Date']['input'];
  round: Scalars['Int']['input'];
};


/**
 * CityNet membership workflows. Every mutation needs a CITYNET_STAFF token (anonymous callers get
 * UNAUTHENTICATED, other roles FORBIDDEN), except `applyToProgramme` (the city's own CITY_OFFICER) and
 * `withdrawProgrammeApplication` (CityNet staff or the city's officer); input is validated before
 * anything is written (BAD_USER_INPUT with the offending input path in `extensions.field`), and every
 * change is audited.
 */
export type MutationOpenProgrammeRoundArgs = {
  input: OpenProgrammeRoundInput;
};


/**
 * CityNet membership workflows. Every mutation needs a CITYNET_STAFF token (anonymous callers get
 * UNAUTHENTICATED, other roles FORBIDDEN), except `applyToProgramme` (the city's own CITY_OFFICER) and
 * `withdrawProgrammeApplication` (CityNet staff or the city's officer); input is validated before
 * anything is written (BAD_USER_INPUT with the offending input path in `extensions.field`), and every
 * change is audited.
 */
export type MutationRecordDuesPaymentArgs = {
  amountUsd: Scalars['Int']['input'];
  memberId: Scalars['ID']['input'];
  paidOn: Scalars['Date']['input'];
  year: Scalars['Int']['input'];
};


/**
 * CityNet membership workflows. Every mutation needs a CITYNET_STAFF token (anonymous callers get
 * UNAUTHENTICATED, other roles FORBIDDEN), except `applyToProgramme` (the city's own CITY_OFFICER) and
 * `withdrawProgrammeApplication` (CityNet staff or the city's officer); input is validated before
 * anything is written (BAD_USER_INPUT with the offending input path in `extensions.field`), and every
 * change is audited.
 */
export type MutationSetMemberClustersArgs = {
  clusters: Array<Cluster>;
  memberId: Scalars['ID']['input'];
};


/**
 * CityNet membership workflows. Every mutation needs a CITYNET_STAFF token (anonymous callers get
 * UNAUTHENTICATED, other roles FORBIDDEN), except `applyToProgramme` (the city's own CITY_OFFICER) and
 * `withdrawProgrammeApplication` (CityNet staff or the city's officer); input is validated before
 * anything is written (BAD_USER_INPUT with the offending input path in `extensions.field`), and every
 * change is audited.
 */
export type MutationSetNationalChapterArgs = {
  memberId: Scalars['ID']['input'];
  nationalChapter?: InputMaybe<Scalars['String']['input']>;
};


/**
 * CityNet membership workflows. Every mutation needs a CITYNET_STAFF token (anonymous callers get
 * UNAUTHENTICATED, other roles FORBIDDEN), except `applyToProgramme` (the city's own CITY_OFFICER) and
 * `withdrawProgrammeApplication` (CityNet staff or the city's officer); input is validated before
 * anything is written (BAD_USER_INPUT with the offending input path in `extensions.field`), and every
 * change is audited.
 */
export type MutationShortlistProgrammeApplicationArgs = {
  applicationId: Scalars['ID']['input'];
};


/**
 * CityNet membership workflows. Every mutation needs a CITYNET_STAFF token (anonymous callers get
 * UNAUTHENTICATED, other roles FORBIDDEN), except `applyToProgramme` (the city's own CITY_OFFICER) and
 * `withdrawProgrammeApplication` (CityNet staff or the city's officer); input is validated before
 * anything is written (BAD_USER_INPUT with the offending input path in `extensions.field`), and every
 * change is audited.
 */
export type MutationUpdateCityArgs = {
  cityId: Scalars['ID']['input'];
  input: UpdateCityInput;
};


/**
 * CityNet membership workflows. Every mutation needs a CITYNET_STAFF token (anonymous callers get
 * UNAUTHENTICATED, other roles FORBIDDEN), except `applyToProgramme` (the city's own CITY_OFFICER) and
 * `withdrawProgrammeApplication` (CityNet staff or the city's officer); input is validated before
 * anything is written (BAD_USER_INPUT with the offending input path in `extensions.field`), and every
 * change is audited.
 */
export type MutationWithdrawProgrammeApplicationArgs = {
  applicationId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type NewCityInput = {
  areaKm2?: InputMaybe<Scalars['Float']['input']>;
  /** Defaults to the member's name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Native-script, former and alternative names. */
  otherNames?: InputMaybe<Array<CityNameInput>>;
  population?: InputMaybe<Scalars['Int']['input']>;
  region: Region;
  /** IANA time zone, e.g. Asia/Manila. */
  timezone: Scalars['String']['input'];
};

export type OpenProgrammeRoundInput = {
  closesAt: Scalars['DateTime']['input'];
  /** ISO 4217, e.g. USD. */
  currency: Scalars['String']['input'];
  /** Default: the round's year. */
  dataYear?: InputMaybe<Scalars['Int']['input']>;
  opensAt: Scalars['DateTime']['input'];
  seats: Scalars['Int']['input'];
  standardAnnualFee: Scalars['Int']['input'];
  subsidisedAnnualFee: Scalars['Int']['input'];
  /** Default 3. */
  subsidisedYears?: InputMaybe<Scalars['Int']['input']>;
  year: Scalars['Int']['input'];
};

export type OrganisationType =
  | 'ASSOCIATION'
  | 'COMPANY'
  | 'DEVELOPMENT_AUTHORITY'
  | 'INSTITUTE'
  | 'LOCAL_GOVERNMENT'
  | 'NGO';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A city's application to a programme round. CITYNET_STAFF and the city's own officers. */
export type ProgrammeApplication = {
  __typename?: 'ProgrammeApplication';
  city: City;
  dataContact: DataContact;
  declineReason?: Maybe<Scalars['String']['output']>;
  /** Every step of the review, oldest first. */
  history: Array<ProgrammeApplicationStep>;
  /** `<year>:<cityId>`, e.g. 2027:suwon. */
  id: Scalars['ID']['output'];
  motivation: Scalars['String']['output'];
  /** The rate decided at acceptance; null before. */
  rate?: Maybe<ProgrammeRate>;
  /** Why this rate. CITYNET_STAFF only (null for the city's officers). */
  rateReason?: Maybe<Scalars['String']['output']>;
  /** ISO 37120 indicators the city can already report. */
  readyIndicatorIds: Array<Scalars['ID']['output']>;
  round: Scalars['Int']['output'];
  sampleData: Scalars['Boolean']['output'];
  status: ProgrammeApplicationStatus;
  submittedAt: Scalars['DateTime']['output'];
  /** Position on the waiting list (1 = next to be promoted); null unless WAITLISTED. */
  waitlistPosition?: Maybe<Scalars['Int']['output']>;
  withdrawalReason?: Maybe<Scalars['String']['output']>;
};

export type ProgrammeApplicationConnection = {
  __typename?: 'ProgrammeApplicationConnection';
  edges: Array<ProgrammeApplicationEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ProgrammeApplicationEdge = {
  __typename?: 'ProgrammeApplicationEdge';
  cursor: Scalars['String']['output'];
  node: ProgrammeApplication;
};

export type ProgrammeApplicationStatus =
  /** Accepted: the city is enrolled (its first certification is opened by WCCD's domain). */
  | 'ACCEPTED'
  | 'DECLINED'
  | 'SHORTLISTED'
  /** Submitted by the city, not reviewed yet. */
  | 'SUBMITTED'
  /** Accepted beyond the seats: promoted, in order, when an acceptance is withdrawn. */
  | 'WAITLISTED'
  | 'WITHDRAWN';

export type ProgrammeApplicationStep = {
  __typename?: 'ProgrammeApplicationStep';
  at: Scalars['DateTime']['output'];
  reason?: Maybe<Scalars['String']['output']>;
  status: ProgrammeApplicationStatus;
};

export type ProgrammeEnrolment = {
  __typename?: 'ProgrammeEnrolment';
  /** The enrolled city. */
  city: City;
  enrolledOn: Scalars['Date']['output'];
  /** The programme's name. */
  programme: Scalars['String']['output'];
  /** The rate the city pays: subsidised for three years when it was a full member in good standing at acceptance, standard otherwise. */
  rate: ProgrammeRate;
  /** Why this rate (e.g. which dues were paid). CITYNET_STAFF only (others get null). */
  rateReason?: Maybe<Scalars['String']['output']>;
  /** The programme round, e.g. 2016. */
  round: Scalars['Int']['output'];
  /** Whether the subsidised rate applies today (depends on the clock). */
  subsidised: Scalars['Boolean']['output'];
  /**
   * The last day of the three subsidised years; for an enrolment at the standard rate, the day before enrolledOn (never subsidised).
   * @deprecated Use rate.subsidisedUntil, which is null at the standard rate.
   */
  subsidisedUntil: Scalars['Date']['output'];
};

/** The rate a city pays in the programme. */
export type ProgrammeRate = {
  __typename?: 'ProgrammeRate';
  /** The yearly participation fee of the round, in `currency` (null for an enrolment outside a round that set fees). */
  annualFee?: Maybe<Scalars['Int']['output']>;
  /** ISO 4217, e.g. USD. */
  currency?: Maybe<Scalars['String']['output']>;
  kind: RateKind;
  /** The last day of the subsidised rate; null at the standard rate. */
  subsidisedUntil?: Maybe<Scalars['Date']['output']>;
};

/**
 * A call for participation in the joint programme ("an exclusive subsidized rate for a three-year period
 * awaits the participating CityNet members"): an application window, a number of seats and the rates.
 */
export type ProgrammeRound = {
  __typename?: 'ProgrammeRound';
  /** The applications, in the order they were submitted. CITYNET_STAFF only (others get null and an error on this field). */
  applications?: Maybe<ProgrammeApplicationConnection>;
  /** Applications are taken while opensAt <= now < closesAt. */
  closesAt: Scalars['DateTime']['output'];
  /** ISO 4217, e.g. USD. */
  currency: Scalars['String']['output'];
  /** The data year participants certify first (their first certification is opened for it). */
  dataYear: Scalars['Int']['output'];
  /** Whether applications are taken now (depends on the clock). */
  open: Scalars['Boolean']['output'];
  opensAt: Scalars['DateTime']['output'];
  /** True for the illustrative rates and history of the sample data. */
  sampleData: Scalars['Boolean']['output'];
  seats: Scalars['Int']['output'];
  /** Accepted applications (a withdrawn acceptance frees its seat for the waiting list). */
  seatsTaken: Scalars['Int']['output'];
  /** The yearly fee at the standard rate. */
  standardAnnualFee: Scalars['Int']['output'];
  /** The yearly fee at the subsidised rate, for full members in good standing. */
  subsidisedAnnualFee: Scalars['Int']['output'];
  /** How many years the subsidised rate runs. */
  subsidisedYears: Scalars['Int']['output'];
  year: Scalars['Int']['output'];
};


/**
 * A call for participation in the joint programme ("an exclusive subsidized rate for a three-year period
 * awaits the participating CityNet members"): an application window, a number of seats and the rates.
 */
export type ProgrammeRoundApplicationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ProgrammeApplicationStatus>;
};

export type ProgrammeRoundConnection = {
  __typename?: 'ProgrammeRoundConnection';
  edges: Array<ProgrammeRoundEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ProgrammeRoundEdge = {
  __typename?: 'ProgrammeRoundEdge';
  cursor: Scalars['String']['output'];
  node: ProgrammeRound;
};

/**
 * CityNet membership: the member local governments and organisations, cities' calls for participation
 * (programme rounds) and their enrolment in the CityNet–WCCD ISO 37120 joint programme. Owns the `City`
 * entity.
 *
 * Cache hints (@cacheControl): city facts, membership, rounds and enrolments are PUBLIC for 300 s (every
 * change is invalidated exactly; maxAge only bounds what invalidation cannot see); member contacts, fees
 * and dues, applications and the reasons for a rate are PRIVATE (CITYNET_STAFF, and for its own
 * application the city's officers); what depends on the clock (whether an enrolment is subsidised today,
 * whether a round takes applications now) 60 s. City is defined by several subgraphs, so its fields carry
 * field-level hints, never a type-level one.
 */
export type Query = {
  __typename?: 'Query';
  /**
   * Cities known to the programme (CityNet members and WCCD-network cities), ordered by name; with
   * `filter.search`, the matching cities ranked EXACT, PREFIX, WORD, then by name (each edge says how it
   * matched). Pages are keyset cursors: rows added or removed between pages neither skip nor repeat others.
   */
  cities: CityConnection;
  /**
   * A city by its exact id (a lowercase slug of its name, e.g. `makati`, `kuala-lumpur`); null when
   * unknown, without an error. To find a city by a name, search `cities(filter: { search })`, or ask
   * `citySuggestions(query)` for the ids nearest to what you have.
   */
  city?: Maybe<City>;
  /**
   * The cities nearest to a name or a mistyped id (`Makati`, `makati-city`, `kuala lumpor`, `서울`): exact
   * and prefix matches of any of their names first, then the most similar names. `first`: 1–20, default 5.
   */
  citySuggestions: Array<CitySuggestion>;
  /** A member by its id; null when unknown. */
  member?: Maybe<Member>;
  /** CityNet members: full members (local governments) and associate members (organisations), ordered by name. */
  members: MemberConnection;
  /** The call for participation of one year (e.g. 2016); null when there was none. */
  programmeRound?: Maybe<ProgrammeRound>;
  /** The calls for participation in the joint programme, newest first. */
  programmeRounds: ProgrammeRoundConnection;
};


/**
 * CityNet membership: the member local governments and organisations, cities' calls for participation
 * (programme rounds) and their enrolment in the CityNet–WCCD ISO 37120 joint programme. Owns the `City`
 * entity.
 *
 * Cache hints (@cacheControl): city facts, membership, rounds and enrolments are PUBLIC for 300 s (every
 * change is invalidated exactly; maxAge only bounds what invalidation cannot see); member contacts, fees
 * and dues, applications and the reasons for a rate are PRIVATE (CITYNET_STAFF, and for its own
 * application the city's officers); what depends on the clock (whether an enrolment is subsidised today,
 * whether a round takes applications now) 60 s. City is defined by several subgraphs, so its fields carry
 * field-level hints, never a type-level one.
 */
export type QueryCitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * CityNet membership: the member local governments and organisations, cities' calls for participation
 * (programme rounds) and their enrolment in the CityNet–WCCD ISO 37120 joint programme. Owns the `City`
 * entity.
 *
 * Cache hints (@cacheControl): city facts, membership, rounds and enrolments are PUBLIC for 300 s (every
 * change is invalidated exactly; maxAge only bounds what invalidation cannot see); member contacts, fees
 * and dues, applications and the reasons for a rate are PRIVATE (CITYNET_STAFF, and for its own
 * application the city's officers); what depends on the clock (whether an enrolment is subsidised today,
 * whether a round takes applications now) 60 s. City is defined by several subgraphs, so its fields carry
 * field-level hints, never a type-level one.
 */
export type QueryCityArgs = {
  id: Scalars['ID']['input'];
};


/**
 * CityNet membership: the member local governments and organisations, cities' calls for participation
 * (programme rounds) and their enrolment in the CityNet–WCCD ISO 37120 joint programme. Owns the `City`
 * entity.
 *
 * Cache hints (@cacheControl): city facts, membership, rounds and enrolments are PUBLIC for 300 s (every
 * change is invalidated exactly; maxAge only bounds what invalidation cannot see); member contacts, fees
 * and dues, applications and the reasons for a rate are PRIVATE (CITYNET_STAFF, and for its own
 * application the city's officers); what depends on the clock (whether an enrolment is subsidised today,
 * whether a round takes applications now) 60 s. City is defined by several subgraphs, so its fields carry
 * field-level hints, never a type-level one.
 */
export type QueryCitySuggestionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


/**
 * CityNet membership: the member local governments and organisations, cities' calls for participation
 * (programme rounds) and their enrolment in the CityNet–WCCD ISO 37120 joint programme. Owns the `City`
 * entity.
 *
 * Cache hints (@cacheControl): city facts, membership, rounds and enrolments are PUBLIC for 300 s (every
 * change is invalidated exactly; maxAge only bounds what invalidation cannot see); member contacts, fees
 * and dues, applications and the reasons for a rate are PRIVATE (CITYNET_STAFF, and for its own
 * application the city's officers); what depends on the clock (whether an enrolment is subsidised today,
 * whether a round takes applications now) 60 s. City is defined by several subgraphs, so its fields carry
 * field-level hints, never a type-level one.
 */
export type QueryMemberArgs = {
  id: Scalars['ID']['input'];
};


/**
 * CityNet membership: the member local governments and organisations, cities' calls for participation
 * (programme rounds) and their enrolment in the CityNet–WCCD ISO 37120 joint programme. Owns the `City`
 * entity.
 *
 * Cache hints (@cacheControl): city facts, membership, rounds and enrolments are PUBLIC for 300 s (every
 * change is invalidated exactly; maxAge only bounds what invalidation cannot see); member contacts, fees
 * and dues, applications and the reasons for a rate are PRIVATE (CITYNET_STAFF, and for its own
 * application the city's officers); what depends on the clock (whether an enrolment is subsidised today,
 * whether a round takes applications now) 60 s. City is defined by several subgraphs, so its fields carry
 * field-level hints, never a type-level one.
 */
export type QueryMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MemberFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * CityNet membership: the member local governments and organisations, cities' calls for participation
 * (programme rounds) and their enrolment in the CityNet–WCCD ISO 37120 joint programme. Owns the `City`
 * entity.
 *
 * Cache hints (@cacheControl): city facts, membership, rounds and enrolments are PUBLIC for 300 s (every
 * change is invalidated exactly; maxAge only bounds what invalidation cannot see); member contacts, fees
 * and dues, applications and the reasons for a rate are PRIVATE (CITYNET_STAFF, and for its own
 * application the city's officers); what depends on the clock (whether an enrolment is subsidised today,
 * whether a round takes applications now) 60 s. City is defined by several subgraphs, so its fields carry
 * field-level hints, never a type-level one.
 */
export type QueryProgrammeRoundArgs = {
  year: Scalars['Int']['input'];
};


/**
 * CityNet membership: the member local governments and organisations, cities' calls for participation
 * (programme rounds) and their enrolment in the CityNet–WCCD ISO 37120 joint programme. Owns the `City`
 * entity.
 *
 * Cache hints (@cacheControl): city facts, membership, rounds and enrolments are PUBLIC for 300 s (every
 * change is invalidated exactly; maxAge only bounds what invalidation cannot see); member contacts, fees
 * and dues, applications and the reasons for a rate are PRIVATE (CITYNET_STAFF, and for its own
 * application the city's officers); what depends on the clock (whether an enrolment is subsidised today,
 * whether a round takes applications now) 60 s. City is defined by several subgraphs, so its fields carry
 * field-level hints, never a type-level one.
 */
export type QueryProgrammeRoundsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type RateKind =
  | 'STANDARD'
  | 'SUBSIDISED';

export type Region =
  | 'EAST_ASIA'
  | 'EUROPE'
  | 'NORTH_AMERICA'
  | 'OCEANIA'
  | 'SOUTH_ASIA'
  | 'SOUTH_EAST_ASIA'
  | 'WEST_ASIA';

export type UpdateCityInput = {
  areaKm2?: InputMaybe<Scalars['Float']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the city's other names (native-script, former, alternative); [] removes them. */
  otherNames?: InputMaybe<Array<CityNameInput>>;
  population?: InputMaybe<Scalars['Int']['input']>;
  region?: InputMaybe<Region>;
  /** IANA time zone, e.g. Asia/Manila. */
  timezone?: InputMaybe<Scalars['String']['input']>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  City: City;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  City:
    ( { __typename: 'City' }
    & GraphQLRecursivePick<FederationTypes['City'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AdmitMemberInput: AdmitMemberInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ApplyToProgrammeInput: ApplyToProgrammeInput;
  CacheControlScope: CacheControlScope;
  City: ResolverTypeWrapper<CityDoc>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  CityConnection: ResolverTypeWrapper<Omit<CityConnection, 'edges'> & { edges: Array<ResolversTypes['CityEdge']> }>;
  CityEdge: ResolverTypeWrapper<Omit<CityEdge, 'node'> & { node: ResolversTypes['City'] }>;
  CityFilter: CityFilter;
  CityMatchKind: CityMatchKind;
  CityName: ResolverTypeWrapper<CityNameDoc>;
  CityNameInput: CityNameInput;
  CityNameKind: CityNameKind;
  CitySearchMatch: ResolverTypeWrapper<CitySearchMatch>;
  CitySuggestion: ResolverTypeWrapper<CitySuggestionView>;
  Cluster: Cluster;
  DataContact: ResolverTypeWrapper<DataContact>;
  DataContactInput: DataContactInput;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DuesPayment: ResolverTypeWrapper<DuesPaymentDoc>;
  Member: ResolverTypeWrapper<MemberDoc>;
  MemberCategory: MemberCategory;
  MemberConnection: ResolverTypeWrapper<Omit<MemberConnection, 'edges'> & { edges: Array<ResolversTypes['MemberEdge']> }>;
  MemberContacts: ResolverTypeWrapper<MemberContactsDoc>;
  MemberContactsInput: MemberContactsInput;
  MemberDues: ResolverTypeWrapper<MemberDuesView>;
  MemberEdge: ResolverTypeWrapper<Omit<MemberEdge, 'node'> & { node: ResolversTypes['Member'] }>;
  MemberFilter: MemberFilter;
  MemberStatus: MemberStatus;
  Membership: ResolverTypeWrapper<MemberDoc>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NewCityInput: NewCityInput;
  OpenProgrammeRoundInput: OpenProgrammeRoundInput;
  OrganisationType: OrganisationType;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  ProgrammeApplication: ResolverTypeWrapper<ProgrammeApplicationDoc>;
  ProgrammeApplicationConnection: ResolverTypeWrapper<Omit<ProgrammeApplicationConnection, 'edges'> & { edges: Array<ResolversTypes['ProgrammeApplicationEdge']> }>;
  ProgrammeApplicationEdge: ResolverTypeWrapper<Omit<ProgrammeApplicationEdge, 'node'> & { node: ResolversTypes['ProgrammeApplication'] }>;
  ProgrammeApplicationStatus: ProgrammeApplicationStatus;
  ProgrammeApplicationStep: ResolverTypeWrapper<ApplicationStepDoc>;
  ProgrammeEnrolment: ResolverTypeWrapper<EnrolmentDoc>;
  ProgrammeRate: ResolverTypeWrapper<ProgrammeRateView>;
  ProgrammeRound: ResolverTypeWrapper<ProgrammeRoundDoc>;
  ProgrammeRoundConnection: ResolverTypeWrapper<Omit<ProgrammeRoundConnection, 'edges'> & { edges: Array<ResolversTypes['ProgrammeRoundEdge']> }>;
  ProgrammeRoundEdge: ResolverTypeWrapper<Omit<ProgrammeRoundEdge, 'node'> & { node: ResolversTypes['ProgrammeRound'] }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RateKind: RateKind;
  Region: Region;
  UpdateCityInput: UpdateCityInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AdmitMemberInput: AdmitMemberInput;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  ApplyToProgrammeInput: ApplyToProgrammeInput;
  City: CityDoc;
  Float: Scalars['Float']['output'];
  CityConnection: Omit<CityConnection, 'edges'> & { edges: Array<ResolversParentTypes['CityEdge']> };
  CityEdge: Omit<CityEdge, 'node'> & { node: ResolversParentTypes['City'] };
  CityFilter: CityFilter;
  CityName: CityNameDoc;
  CityNameInput: CityNameInput;
  CitySearchMatch: CitySearchMatch;
  CitySuggestion: CitySuggestionView;
  DataContact: DataContact;
  DataContactInput: DataContactInput;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DuesPayment: DuesPaymentDoc;
  Member: MemberDoc;
  MemberConnection: Omit<MemberConnection, 'edges'> & { edges: Array<ResolversParentTypes['MemberEdge']> };
  MemberContacts: MemberContactsDoc;
  MemberContactsInput: MemberContactsInput;
  MemberDues: MemberDuesView;
  MemberEdge: Omit<MemberEdge, 'node'> & { node: ResolversParentTypes['Member'] };
  MemberFilter: MemberFilter;
  Membership: MemberDoc;
  Mutation: Record<PropertyKey, never>;
  NewCityInput: NewCityInput;
  OpenProgrammeRoundInput: OpenProgrammeRoundInput;
  PageInfo: PageInfo;
  ProgrammeApplication: ProgrammeApplicationDoc;
  ProgrammeApplicationConnection: Omit<ProgrammeApplicationConnection, 'edges'> & { edges: Array<ResolversParentTypes['ProgrammeApplicationEdge']> };
  ProgrammeApplicationEdge: Omit<ProgrammeApplicationEdge, 'node'> & { node: ResolversParentTypes['ProgrammeApplication'] };
  ProgrammeApplicationStep: ApplicationStepDoc;
  ProgrammeEnrolment: EnrolmentDoc;
  ProgrammeRate: ProgrammeRateView;
  ProgrammeRound: ProgrammeRoundDoc;
  ProgrammeRoundConnection: Omit<ProgrammeRoundConnection, 'edges'> & { edges: Array<ResolversParentTypes['ProgrammeRoundEdge']> };
  ProgrammeRoundEdge: Omit<ProgrammeRoundEdge, 'node'> & { node: ResolversParentTypes['ProgrammeRound'] };
  Query: Record<PropertyKey, never>;
  UpdateCityInput: UpdateCityInput;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = Context, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['City'] = ResolversParentTypes['City'], FederationReferenceType extends FederationReferenceTypes['City'] = FederationReferenceTypes['City']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['City']> | FederationReferenceType, FederationReferenceType, ContextType>;
  areaKm2?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  membership?: Resolver<Maybe<ResolversTypes['Membership']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nativeName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  otherNames?: Resolver<Array<ResolversTypes['CityName']>, ParentType, ContextType>;
  population?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  programmeApplication?: Resolver<Maybe<ResolversTypes['ProgrammeApplication']>, ParentType, ContextType, RequireFields<CityProgrammeApplicationArgs, 'round'>>;
  programmeEnrolment?: Resolver<Maybe<ResolversTypes['ProgrammeEnrolment']>, ParentType, ContextType>;
  region?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
  timezone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CityConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CityConnection'] = ResolversParentTypes['CityConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['CityEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CityEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CityEdge'] = ResolversParentTypes['CityEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  match?: Resolver<Maybe<ResolversTypes['CitySearchMatch']>, ParentType, ContextType>;
  node?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
}>;

export type CityNameResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CityName'] = ResolversParentTypes['CityName']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['CityNameKind'], ParentType, ContextType>;
  language?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CitySearchMatchResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CitySearchMatch'] = ResolversParentTypes['CitySearchMatch']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['CityMatchKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CitySuggestionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CitySuggestion'] = ResolversParentTypes['CitySuggestion']> = ResolversObject<{
  city?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
  distance?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  match?: Resolver<ResolversTypes['CityMatchKind'], ParentType, ContextType>;
  matchedName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type DataContactResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DataContact'] = ResolversParentTypes['DataContact']> = ResolversObject<{
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DuesPaymentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DuesPayment'] = ResolversParentTypes['DuesPayment']> = ResolversObject<{
  amountUsd?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  paidOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
}>;

export type MemberResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Member'] = ResolversParentTypes['Member']> = ResolversObject<{
  annualFeeUsd?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  category?: Resolver<ResolversTypes['MemberCategory'], ParentType, ContextType>;
  city?: Resolver<Maybe<ResolversTypes['City']>, ParentType, ContextType>;
  clusters?: Resolver<Array<ResolversTypes['Cluster']>, ParentType, ContextType>;
  contacts?: Resolver<Maybe<ResolversTypes['MemberContacts']>, ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dues?: Resolver<Maybe<Array<ResolversTypes['MemberDues']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nationalChapter?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  organisationType?: Resolver<ResolversTypes['OrganisationType'], ParentType, ContextType>;
  since?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MemberStatus'], ParentType, ContextType>;
}>;

export type MemberConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MemberConnection'] = ResolversParentTypes['MemberConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['MemberEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MemberContactsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MemberContacts'] = ResolversParentTypes['MemberContacts']> = ResolversObject<{
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  focalPointName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sampleData?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type MemberDuesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MemberDues'] = ResolversParentTypes['MemberDues']> = ResolversObject<{
  dueUsd?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  paidUsd?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  payments?: Resolver<Array<ResolversTypes['DuesPayment']>, ParentType, ContextType>;
  sampleData?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MemberEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MemberEdge'] = ResolversParentTypes['MemberEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
}>;

export type MembershipResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Membership'] = ResolversParentTypes['Membership']> = ResolversObject<{
  category?: Resolver<ResolversTypes['MemberCategory'], ParentType, ContextType>;
  clusters?: Resolver<Array<ResolversTypes['Cluster']>, ParentType, ContextType>;
  nationalChapter?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  since?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MemberStatus'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  acceptProgrammeApplication?: Resolver<ResolversTypes['ProgrammeApplication'], ParentType, ContextType, RequireFields<MutationAcceptProgrammeApplicationArgs, 'applicationId'>>;
  admitMember?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationAdmitMemberArgs, 'input'>>;
  applyToProgramme?: Resolver<ResolversTypes['ProgrammeApplication'], ParentType, ContextType, RequireFields<MutationApplyToProgrammeArgs, 'input'>>;
  changeMemberStatus?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationChangeMemberStatusArgs, 'memberId' | 'reason' | 'status'>>;
  declineProgrammeApplication?: Resolver<ResolversTypes['ProgrammeApplication'], ParentType, ContextType, RequireFields<MutationDeclineProgrammeApplicationArgs, 'applicationId' | 'reason'>>;
  enrolCity?: Resolver<ResolversTypes['ProgrammeEnrolment'], ParentType, ContextType, RequireFields<MutationEnrolCityArgs, 'cityId' | 'enrolledOn' | 'round'>>;
  openProgrammeRound?: Resolver<ResolversTypes['ProgrammeRound'], ParentType, ContextType, RequireFields<MutationOpenProgrammeRoundArgs, 'input'>>;
  recordDuesPayment?: Resolver<ResolversTypes['MemberDues'], ParentType, ContextType, RequireFields<MutationRecordDuesPaymentArgs, 'amountUsd' | 'memberId' | 'paidOn' | 'year'>>;
  setMemberClusters?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationSetMemberClustersArgs, 'clusters' | 'memberId'>>;
  setNationalChapter?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationSetNationalChapterArgs, 'memberId'>>;
  shortlistProgrammeApplication?: Resolver<ResolversTypes['ProgrammeApplication'], ParentType, ContextType, RequireFields<MutationShortlistProgrammeApplicationArgs, 'applicationId'>>;
  updateCity?: Resolver<ResolversTypes['City'], ParentType, ContextType, RequireFields<MutationUpdateCityArgs, 'cityId' | 'input'>>;
  withdrawProgrammeApplication?: Resolver<ResolversTypes['ProgrammeApplication'], ParentType, ContextType, RequireFields<MutationWithdrawProgrammeApplicationArgs, 'applicationId' | 'reason'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ProgrammeApplicationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProgrammeApplication'] = ResolversParentTypes['ProgrammeApplication']> = ResolversObject<{
  city?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
  dataContact?: Resolver<ResolversTypes['DataContact'], ParentType, ContextType>;
  declineReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['ProgrammeApplicationStep']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  motivation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rate?: Resolver<Maybe<ResolversTypes['ProgrammeRate']>, ParentType, ContextType>;
  rateReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  readyIndicatorIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  round?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sampleData?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProgrammeApplicationStatus'], ParentType, ContextType>;
  submittedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  waitlistPosition?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  withdrawalReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ProgrammeApplicationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProgrammeApplicationConnection'] = ResolversParentTypes['ProgrammeApplicationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ProgrammeApplicationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProgrammeApplicationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProgrammeApplicationEdge'] = ResolversParentTypes['ProgrammeApplicationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ProgrammeApplication'], ParentType, ContextType>;
}>;

export type ProgrammeApplicationStepResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProgrammeApplicationStep'] = ResolversParentTypes['ProgrammeApplicationStep']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProgrammeApplicationStatus'], ParentType, ContextType>;
}>;

export type ProgrammeEnrolmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProgrammeEnrolment'] = ResolversParentTypes['ProgrammeEnrolment']> = ResolversObject<{
  city?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
  enrolledOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  programme?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rate?: Resolver<ResolversTypes['ProgrammeRate'], ParentType, ContextType>;
  rateReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  round?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subsidised?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  subsidisedUntil?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
}>;

export type ProgrammeRateResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProgrammeRate'] = ResolversParentTypes['ProgrammeRate']> = ResolversObject<{
  annualFee?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  currency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['RateKind'], ParentType, ContextType>;
  subsidisedUntil?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
}>;

export type ProgrammeRoundResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProgrammeRound'] = ResolversParentTypes['ProgrammeRound']> = ResolversObject<{
  applications?: Resolver<Maybe<ResolversTypes['ProgrammeApplicationConnection']>, ParentType, ContextType, Partial<ProgrammeRoundApplicationsArgs>>;
  closesAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dataYear?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  opensAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  sampleData?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  seats?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  seatsTaken?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  standardAnnualFee?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subsidisedAnnualFee?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subsidisedYears?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProgrammeRoundConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProgrammeRoundConnection'] = ResolversParentTypes['ProgrammeRoundConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ProgrammeRoundEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProgrammeRoundEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProgrammeRoundEdge'] = ResolversParentTypes['ProgrammeRoundEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ProgrammeRound'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  cities?: Resolver<ResolversTypes['CityConnection'], ParentType, ContextType, Partial<QueryCitiesArgs>>;
  city?: Resolver<Maybe<ResolversTypes['City']>, ParentType, ContextType, RequireFields<QueryCityArgs, 'id'>>;
  citySuggestions?: Resolver<Array<ResolversTypes['CitySuggestion']>, ParentType, ContextType, RequireFields<QueryCitySuggestionsArgs, 'query'>>;
  member?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType, RequireFields<QueryMemberArgs, 'id'>>;
  members?: Resolver<ResolversTypes['MemberConnection'], ParentType, ContextType, Partial<QueryMembersArgs>>;
  programmeRound?: Resolver<Maybe<ResolversTypes['ProgrammeRound']>, ParentType, ContextType, RequireFields<QueryProgrammeRoundArgs, 'year'>>;
  programmeRounds?: Resolver<ResolversTypes['ProgrammeRoundConnection'], ParentType, ContextType, Partial<QueryProgrammeRoundsArgs>>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  City?: CityResolvers<ContextType>;
  CityConnection?: CityConnectionResolvers<ContextType>;
  CityEdge?: CityEdgeResolvers<ContextType>;
  CityName?: CityNameResolvers<ContextType>;
  CitySearchMatch?: CitySearchMatchResolvers<ContextType>;
  CitySuggestion?: CitySuggestionResolvers<ContextType>;
  DataContact?: DataContactResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  DuesPayment?: DuesPaymentResolvers<ContextType>;
  Member?: MemberResolvers<ContextType>;
  MemberConnection?: MemberConnectionResolvers<ContextType>;
  MemberContacts?: MemberContactsResolvers<ContextType>;
  MemberDues?: MemberDuesResolvers<ContextType>;
  MemberEdge?: MemberEdgeResolvers<ContextType>;
  Membership?: MembershipResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ProgrammeApplication?: ProgrammeApplicationResolvers<ContextType>;
  ProgrammeApplicationConnection?: ProgrammeApplicationConnectionResolvers<ContextType>;
  ProgrammeApplicationEdge?: ProgrammeApplicationEdgeResolvers<ContextType>;
  ProgrammeApplicationStep?: ProgrammeApplicationStepResolvers<ContextType>;
  ProgrammeEnrolment?: ProgrammeEnrolmentResolvers<ContextType>;
  ProgrammeRate?: ProgrammeRateResolvers<ContextType>;
  ProgrammeRound?: ProgrammeRoundResolvers<ContextType>;
  ProgrammeRoundConnection?: ProgrammeRoundConnectionResolvers<ContextType>;
  ProgrammeRoundEdge?: ProgrammeRoundEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;
