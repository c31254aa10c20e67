import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { AuditEntryDoc } from '../../../lib/db/audit-entry';
import { AuditTrailRef } from '../workflows/auditTrail';
import { CatalogueEditionView } from '../workflows/catalogue';
import { GapRepresentation, MentorCandidateView } from '../workflows/gap';
import { CityRef, ValueView } from '../domain/values';
import { CatalogueIndicator, ThemeSummary } from '../domain/catalogue';
import { CoverageView } from '../domain/coverage';
import { IndicatorReportDoc, ThemeCounts } from '../data/types';
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
  /** An instant, ISO-8601 in UTC. */
  DateTime: { input: Date | string; output: Date | string; }
  /** Any JSON value. */
  JSON: { input: unknown; output: unknown; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** e.g. VALUE_ENTERED, VALUE_CHANGED, VALUE_SUBMITTED, VALUE_VERIFIED, VALUE_REJECTED. */
  action: Scalars['String']['output'];
  /** The `sub` of who made the change, and the roles they acted in. */
  actor: Scalars['String']['output'];
  actorRoles: Array<Scalars['String']['output']>;
  at: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  new?: Maybe<Scalars['JSON']['output']>;
  /** The state before (null when created) and after, as JSON objects. */
  old?: Maybe<Scalars['JSON']['output']>;
  /** What changed: an indicator id, or 'certification'. */
  subject: Scalars['String']['output'];
};

/** The audit trail of one city and data year; each domain contributes the changes it made. */
export type AuditTrail = {
  __typename?: 'AuditTrail';
  cityId: Scalars['ID']['output'];
  /** Changes to indicator values and verdicts, oldest first. */
  valueChanges: Array<AuditEntry>;
  year: Scalars['Int']['output'];
};

/** Which way an indicator's value is better (catalogue data; ISO 37120 itself states no direction). */
export type BetterWhen =
  /** A higher value is better (e.g. life expectancy, renewable energy share). */
  | 'HIGHER'
  /** A lower value is better (e.g. unemployment, homicides, PM2.5). */
  | 'LOWER'
  /** Neither is better in itself (a staffing level, a share of one disposal method, a target in the middle): not ranked. */
  | 'NEITHER';

export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

export type CatalogueEdition = {
  __typename?: 'CatalogueEdition';
  coreCount: Scalars['Int']['output'];
  /** e.g. ISO 37120:2014 */
  edition: Scalars['String']['output'];
  indicatorCount: Scalars['Int']['output'];
  /** True for the edition the programme certifies against by default. */
  isDefault: Scalars['Boolean']['output'];
  supportingCount: Scalars['Int']['output'];
  themeCount: Scalars['Int']['output'];
};

/**
 * This subgraph's part of the gap to a target level (the entity starts in the certification subgraph,
 * which owns the threshold table): what is missing or unverified in the city's report for the year.
 */
export type CertificationGap = {
  __typename?: 'CertificationGap';
  cityId: Scalars['ID']['output'];
  /** More VERIFIED core indicators the target needs (0 when met). */
  coreNeeded: Scalars['Int']['output'];
  coreVerified: Scalars['Int']['output'];
  /** ISO 37120 themes where the gap lies, core gaps first, most work first. */
  gapThemes: Array<Scalars['String']['output']>;
  /** Cities certified Silver or higher whose latest certified data is verified in the gap's themes, best match first. */
  mentorCandidates: Array<MentorCandidate>;
  mentorPool: Array<Scalars['String']['output']>;
  /** Core indicators with no value for the year. */
  missingCore: Array<Indicator>;
  /** True when the verified data already meets the target. */
  reached: Scalars['Boolean']['output'];
  requiredCoreVerified: Scalars['Int']['output'];
  requiredSupportingVerified: Scalars['Int']['output'];
  /** More VERIFIED supporting indicators the target needs (0 when met). */
  supportingNeeded: Scalars['Int']['output'];
  supportingVerified: Scalars['Int']['output'];
  target: CertificationLevel;
  /** Core indicators with a value that is not VERIFIED yet. */
  unverifiedCore: Array<Indicator>;
  year: Scalars['Int']['output'];
};

export type CertificationLevel =
  | 'ASPIRATIONAL'
  | 'BRONZE'
  | 'GOLD'
  | 'PLATINUM'
  | 'SILVER';

/**
 * The indicator fields of a city. Each is null, with the error at that field, when its arguments are
 * wrong (a year outside the programme, an unknown indicator): the city's other fields are unaffected.
 */
export type City = {
  __typename?: 'City';
  id: Scalars['ID']['output'];
  /** The city's coverage of the catalogue for a data year (default: `latestDataYear`; null when the city has no values and no year is given). */
  indicatorCoverage?: Maybe<IndicatorCoverage>;
  /** The city's values for a data year as one versioned report (version 0 when nothing was saved). */
  indicatorReport?: Maybe<IndicatorReport>;
  /**
   * The city's values of some indicators over a range of data years (at most 10), each with the change
   * from the previous data year. VERIFIED values only, except for the city's officers, verifiers and
   * WCCD staff, who see every status.
   */
  indicatorSeries?: Maybe<Array<IndicatorSeries>>;
  /**
   * The city's values for a data year, in clause order, optionally narrowed to a theme and/or kind.
   * VERIFIED values only, except for the city's officers, verifiers and WCCD staff, who see all.
   */
  indicators?: Maybe<Array<IndicatorValue>>;
  /** The latest data year in which the city has any value (in any status); null when it has none. The default year of `indicators` and `indicatorCoverage`. */
  latestDataYear?: Maybe<Scalars['Int']['output']>;
  /**
   * Where the city's VERIFIED values for a data year stand among its peers' VERIFIED values: rank and
   * percentile by each indicator's direction (`betterWhen`), the city never counted among its own peers.
   * For the officers of a currently certified city (their own city), WCCD staff and CityNet staff;
   * FORBIDDEN, with the reason, for anyone else. (The registry and each city's verified values stay public.)
   */
  peerComparison?: Maybe<PeerComparison>;
};


/**
 * The indicator fields of a city. Each is null, with the error at that field, when its arguments are
 * wrong (a year outside the programme, an unknown indicator): the city's other fields are unaffected.
 */
export type CityIndicatorCoverageArgs = {
  year?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The indicator fields of a city. Each is null, with the error at that field, when its arguments are
 * wrong (a year outside the programme, an unknown indicator): the city's other fields are unaffected.
 */
export type CityIndicatorReportArgs = {
  year: Scalars['Int']['input'];
};


/**
 * The indicator fields of a city. Each is null, with the error at that field, when its arguments are
 * wrong (a year outside the programme, an unknown indicator): the city's other fields are unaffected.
 */
export type CityIndicatorSeriesArgs = {
  from?: InputMaybe<Scalars['Int']['input']>;
  indicatorIds: Array<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The indicator fields of a city. Each is null, with the error at that field, when its arguments are
 * wrong (a year outside the programme, an unknown indicator): the city's other fields are unaffected.
 */
export type CityIndicatorsArgs = {
  kind?: InputMaybe<IndicatorKind>;
  theme?: InputMaybe<Scalars['String']['input']>;
  themeId?: InputMaybe<ThemeId>;
  year?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The indicator fields of a city. Each is null, with the error at that field, when its arguments are
 * wrong (a year outside the programme, an unknown indicator): the city's other fields are unaffected.
 */
export type CityPeerComparisonArgs = {
  indicatorIds: Array<Scalars['ID']['input']>;
  peerGroup?: PeerGroup;
  year: Scalars['Int']['input'];
};

/** A relation between a city's values for one year, from the catalogue (data). */
export type ConsistencyRule = {
  __typename?: 'ConsistencyRule';
  description: Scalars['String']['output'];
  /** e.g. `youth-unemployment-at-least-overall`. */
  id: Scalars['ID']['output'];
  /** The indicators related, in the rule's order (see `kind`). */
  indicators: Array<Indicator>;
  kind: ConsistencyRuleKind;
  /** SUM_AT_MOST: the largest total. */
  limit?: Maybe<Scalars['Float']['output']>;
  max?: Maybe<Scalars['Float']['output']>;
  /** RANGE: the plausible bounds. */
  min?: Maybe<Scalars['Float']['output']>;
  severity: RuleSeverity;
  /** BETWEEN: how far outside the bounds is still consistent. */
  tolerance: Scalars['Float']['output'];
};

export type ConsistencyRuleKind =
  /** The first indicator is at most the second (a part and its total). */
  | 'AT_MOST'
  /** The first indicator lies between the other two, within `tolerance`. */
  | 'BETWEEN'
  /** Each indicator is a count: a whole number. */
  | 'INTEGER'
  /** Each indicator lies within `min`–`max` (a plausibility check). */
  | 'RANGE'
  /** The indicators are shares of one whole: together at most `limit`. */
  | 'SUM_AT_MOST';

/** A consistency rule some of a city's values break. */
export type ConsistencyWarning = {
  __typename?: 'ConsistencyWarning';
  /** What is wrong, e.g. `5.1 = 7.2 is more than 5.5 = 6.1`. */
  message: Scalars['String']['output'];
  rule: ConsistencyRule;
  /** The values the rule relates, in the rule's order. */
  values: Array<RuleValue>;
};

export type Indicator = {
  __typename?: 'Indicator';
  /** Which way a value is better, for ranking against peers (the catalogue's reading: ISO 37120 states no direction). */
  betterWhen: BetterWhen;
  /** Why, where the direction is a judgement rather than what the indicator plainly measures (always for NEITHER); null otherwise. */
  betterWhenNote?: Maybe<Scalars['String']['output']>;
  edition: Scalars['String']['output'];
  /** The clause number within the edition, e.g. 5.1. */
  id: Scalars['ID']['output'];
  kind: IndicatorKind;
  name: Scalars['String']['output'];
  theme: Scalars['String']['output'];
  /** The theme as an enum value (e.g. SOLID_WASTE). */
  themeId: ThemeId;
  unit: Scalars['String']['output'];
  /** LISTED when the unit is part of the indicator's definition, ASSUMED when it is the unit commonly used. */
  unitSource: UnitSource;
};

/**
 * How much of the catalogue a city reported and had verified for one data year. An entity keyed by city
 * and year, so that the certification subgraph can derive the level this coverage earns.
 */
export type IndicatorCoverage = {
  __typename?: 'IndicatorCoverage';
  /** Per theme: what was reported and verified. */
  byTheme: Array<ThemeCoverage>;
  cityId: Scalars['ID']['output'];
  /** Core indicators with a value in any status. */
  coreReported: Scalars['Int']['output'];
  coreTotal: Scalars['Int']['output'];
  /** Core indicators whose value is VERIFIED. */
  coreVerified: Scalars['Int']['output'];
  edition: Scalars['String']['output'];
  /** Core indicators with no value at all for the year. */
  missingCore: Array<Indicator>;
  supportingReported: Scalars['Int']['output'];
  supportingTotal: Scalars['Int']['output'];
  supportingVerified: Scalars['Int']['output'];
  /** Core indicators with a value that is not (yet) VERIFIED. */
  unverifiedCore: Array<Indicator>;
  year: Scalars['Int']['output'];
};

export type IndicatorKind =
  | 'CORE'
  | 'SUPPORTING';

/**
 * A city's values for one data year as one versioned whole. Values that are not VERIFIED are listed to
 * the city's officers, verifiers and WCCD staff only.
 */
export type IndicatorReport = {
  __typename?: 'IndicatorReport';
  cityId: Scalars['ID']['output'];
  /** How many values are in each status (public counts). */
  draftCount: Scalars['Int']['output'];
  edition: Scalars['String']['output'];
  rejectedCount: Scalars['Int']['output'];
  submittedAt?: Maybe<Scalars['DateTime']['output']>;
  submittedCount: Scalars['Int']['output'];
  /** The values the caller may see, in clause order (VERIFIED only, except for the city's officers, verifiers and WCCD staff). */
  values: Array<IndicatorValue>;
  verifiedCount: Scalars['Int']['output'];
  /** Grows by one with every change; pass it back as expectedVersion. 0 before the first save. */
  version: Scalars['Int']['output'];
  /**
   * The catalogue's WARNING consistency rules these values break (of the values the caller may see): what a
   * verifier will question, e.g. youth unemployment below overall unemployment. They never block a save;
   * `saveIndicatorValues` returns them with the saved report (a dry run: for the values as they would be).
   */
  warnings: Array<ConsistencyWarning>;
  year: Scalars['Int']['output'];
};

/** One indicator's values of one city by data year. */
export type IndicatorSeries = {
  __typename?: 'IndicatorSeries';
  indicator: Indicator;
  /** The data years (ascending) with a value the caller may see. */
  points: Array<SeriesPoint>;
};

/** A value a city reported for one indicator and data year. */
export type IndicatorValue = {
  __typename?: 'IndicatorValue';
  city: City;
  enteredAt?: Maybe<Scalars['DateTime']['output']>;
  indicator: Indicator;
  note?: Maybe<Scalars['String']['output']>;
  /** True for generated sample data (values of real cities are not public here). */
  sampleData: Scalars['Boolean']['output'];
  /** Where the figure comes from, and the city's note on it. */
  source?: Maybe<Scalars['String']['output']>;
  status: ValueStatus;
  value: Scalars['Float']['output'];
  /** When the verdict (VERIFIED or REJECTED) was given. */
  verdictAt?: Maybe<Scalars['DateTime']['output']>;
  /** The verifier's note: for WCCD staff, verifiers and the city's officers only (null for everyone else). */
  verifierNote?: Maybe<Scalars['String']['output']>;
  year: Scalars['Int']['output'];
};

export type IndicatorValueInput = {
  indicatorId: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  /** Where the figure comes from. */
  source?: InputMaybe<Scalars['String']['input']>;
  value: Scalars['Float']['input'];
};

export type MentorCandidate = {
  __typename?: 'MentorCandidate';
  city: City;
  /** The data year of the mentor's latest certification. */
  dataYear: Scalars['Int']['output'];
  /** Gap themes in which the mentor has every core indicator verified. */
  verifiedThemes: Array<Scalars['String']['output']>;
};

/**
 * The indicator-data workflow: a city's officers save values as DRAFT and submit them (which freezes
 * them); the verifier organisation assigned to the city and year verifies or rejects each; a rejected
 * value goes back to the city to be corrected (DRAFT again) and resubmitted.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Saves up to 100 values of one city and year as DRAFT, all or nothing (CITY_OFFICER of that city).
   * Saving what is already stored changes nothing. CONFLICT when expectedVersion is not the stored
   * version or a value is SUBMITTED or VERIFIED.
   */
  saveIndicatorValues: IndicatorReport;
  /** Submits every DRAFT value of the year for verification, which freezes them (CITY_OFFICER of that city). */
  submitIndicatorYear: IndicatorReport;
  /**
   * Verdicts on SUBMITTED values (VERIFIER of the organisation assigned to the city and year, while the
   * certification is UNDER_VERIFICATION); never on values the verifier entered itself.
   */
  verifyIndicatorValues: IndicatorReport;
};


/**
 * The indicator-data workflow: a city's officers save values as DRAFT and submit them (which freezes
 * them); the verifier organisation assigned to the city and year verifies or rejects each; a rejected
 * value goes back to the city to be corrected (DRAFT again) and resubmitted.
 */
export type MutationSaveIndicatorValuesArgs = {
  input: SaveIndicatorValuesInput;
};


/**
 * The indicator-data workflow: a city's officers save values as DRAFT and submit them (which freezes
 * them); the verifier organisation assigned to the city and year verifies or rejects each; a rejected
 * value goes back to the city to be corrected (DRAFT again) and resubmitted.
 */
export type MutationSubmitIndicatorYearArgs = {
  cityId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  year: Scalars['Int']['input'];
};


/**
 * The indicator-data workflow: a city's officers save values as DRAFT and submit them (which freezes
 * them); the verifier organisation assigned to the city and year verifies or rejects each; a rejected
 * value goes back to the city to be corrected (DRAFT again) and resubmitted.
 */
export type MutationVerifyIndicatorValuesArgs = {
  input: VerifyIndicatorValuesInput;
};

export type PeerComparison = {
  __typename?: 'PeerComparison';
  city: City;
  /** The city's group, e.g. `South-East Asia`, `500 000 – 1 million`, `Lower middle income`; null when the city cannot be placed (no population, a country the classification lacks). */
  group?: Maybe<Scalars['String']['output']>;
  /** Where the grouping comes from (the income classification and its fiscal year); null for region and population. */
  groupSource?: Maybe<Scalars['String']['output']>;
  indicators: Array<PeerStanding>;
  /** The other cities of the group, with or without values. */
  peerCityCount: Scalars['Int']['output'];
  peerGroup: PeerGroup;
  year: Scalars['Int']['output'];
};

/** How a city's peers are chosen (as the WCCD Open City Data Portal groups them). */
export type PeerGroup =
  /** Every other city. */
  | 'ALL'
  /** The other cities in countries of the same income group (World Bank country classification by income, FY2017). */
  | 'INCOME_GROUP'
  /** The other cities of its population band: under 500 000; 500 000 – 1 million; 1 – 5 million; 5 million and more. */
  | 'POPULATION_BAND'
  /** The other cities of the city's region (`City.region`). */
  | 'REGION';

/** One indicator: the city's value against its peers' (VERIFIED values of the year only). */
export type PeerStanding = {
  __typename?: 'PeerStanding';
  betterWhen: BetterWhen;
  indicator: Indicator;
  max?: Maybe<Scalars['Float']['output']>;
  /** Of the peers' values (the city's own not included); null without peers. */
  median?: Maybe<Scalars['Float']['output']>;
  min?: Maybe<Scalars['Float']['output']>;
  /** Peers (never the city itself) with a VERIFIED value. */
  peerCount: Scalars['Int']['output'];
  /** The peers' values, best first (ascending for NEITHER). */
  peers: Array<PeerValue>;
  /** The share of peers the city does better than (ties count half), 0-100; null when rank is null. */
  percentile?: Maybe<Scalars['Float']['output']>;
  /** 1 = best: one more than the peers whose value is better by `betterWhen`, ties sharing the better rank, out of peerCount + 1. Null for NEITHER, without a value of the city's own, or without peers. */
  rank?: Maybe<Scalars['Int']['output']>;
  /** The city's VERIFIED value; null when it has none. */
  value?: Maybe<Scalars['Float']['output']>;
};

export type PeerValue = {
  __typename?: 'PeerValue';
  city: City;
  value: Scalars['Float']['output'];
};

/** ISO 37120 indicators: the catalogue (editions are data) and the values cities report per data year. */
export type Query = {
  __typename?: 'Query';
  /**
   * Every recorded change to a city's indicator values, verdicts and certification for a data year.
   * WCCD staff and the city's own officers only (FORBIDDEN for anyone else).
   */
  auditTrail: AuditTrail;
  /** The catalogue editions loaded. */
  catalogueEditions: Array<CatalogueEdition>;
  /**
   * The consistency rules of an edition (default: the programme's): relations between a city's values
   * for one year that a verifier checks (shares of one whole add up to at most 100 %, a part is at most
   * its total, ...). ERROR rules refuse a save; WARNING rules are returned with the report
   * (`IndicatorReport.warnings`) and never block.
   */
  consistencyRules: Array<ConsistencyRule>;
  /** An indicator by its clause number (e.g. `5.1`) in an edition (default: the programme's edition). */
  indicator?: Maybe<Indicator>;
  /** The catalogue of an edition, optionally narrowed to a theme and/or kind, in clause order. */
  indicatorCatalogue: Array<Indicator>;
  /** The themes of an edition with their indicator counts. */
  themes: Array<Theme>;
};


/** ISO 37120 indicators: the catalogue (editions are data) and the values cities report per data year. */
export type QueryAuditTrailArgs = {
  cityId: Scalars['ID']['input'];
  year: Scalars['Int']['input'];
};


/** ISO 37120 indicators: the catalogue (editions are data) and the values cities report per data year. */
export type QueryConsistencyRulesArgs = {
  edition?: InputMaybe<Scalars['String']['input']>;
};


/** ISO 37120 indicators: the catalogue (editions are data) and the values cities report per data year. */
export type QueryIndicatorArgs = {
  edition?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};


/** ISO 37120 indicators: the catalogue (editions are data) and the values cities report per data year. */
export type QueryIndicatorCatalogueArgs = {
  edition?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<IndicatorKind>;
  theme?: InputMaybe<Scalars['String']['input']>;
  themeId?: InputMaybe<ThemeId>;
};


/** ISO 37120 indicators: the catalogue (editions are data) and the values cities report per data year. */
export type QueryThemesArgs = {
  edition?: InputMaybe<Scalars['String']['input']>;
};

export type RuleSeverity =
  /** Impossible: a save that breaks it is refused (BAD_USER_INPUT). */
  | 'ERROR'
  /** Implausible: returned as a warning, never blocks. */
  | 'WARNING';

export type RuleValue = {
  __typename?: 'RuleValue';
  indicator: Indicator;
  value: Scalars['Float']['output'];
};

export type SaveIndicatorValuesInput = {
  cityId: Scalars['ID']['input'];
  /** Check everything, write nothing: every problem is reported, the stored report is returned as it is. */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  /** The report's version as last read (0 or null before the first save). */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** 1 to 100 values; each indicator at most once. */
  values: Array<IndicatorValueInput>;
  year: Scalars['Int']['input'];
};

export type SeriesPoint = {
  __typename?: 'SeriesPoint';
  /** value minus the previous data year's value; null when the previous year has no value (that the caller may see). */
  change?: Maybe<Scalars['Float']['output']>;
  /** The change as a percentage of the previous value; null without a change or when the previous value is 0. */
  changePercent?: Maybe<Scalars['Float']['output']>;
  status: ValueStatus;
  /** The change judged by the indicator's direction; null without a change, and for NEITHER unless unchanged. */
  trend?: Maybe<Trend>;
  value: Scalars['Float']['output'];
  year: Scalars['Int']['output'];
};

export type Theme = {
  __typename?: 'Theme';
  coreCount: Scalars['Int']['output'];
  /** The theme as an enum value, for arguments (e.g. SOLID_WASTE). */
  id: ThemeId;
  name: Scalars['String']['output'];
  supportingCount: Scalars['Int']['output'];
};

export type ThemeCoverage = {
  __typename?: 'ThemeCoverage';
  coreReported: Scalars['Int']['output'];
  coreTotal: Scalars['Int']['output'];
  coreVerified: Scalars['Int']['output'];
  supportingReported: Scalars['Int']['output'];
  supportingTotal: Scalars['Int']['output'];
  supportingVerified: Scalars['Int']['output'];
  theme: Scalars['String']['output'];
  themeId: ThemeId;
};

/**
 * An ISO 37120 theme, e.g. SOLID_WASTE for `Solid Waste` (Theme.name): the themes of every catalogue
 * edition loaded. Arguments of this type are checked before a query runs, with "did you mean".
 */
export type ThemeId =
  /** Economy */
  | 'ECONOMY'
  /** Education */
  | 'EDUCATION'
  /** Energy */
  | 'ENERGY'
  /** Environment */
  | 'ENVIRONMENT'
  /** Finance */
  | 'FINANCE'
  /** Fire and Emergency Response */
  | 'FIRE_AND_EMERGENCY_RESPONSE'
  /** Governance */
  | 'GOVERNANCE'
  /** Health */
  | 'HEALTH'
  /** Recreation */
  | 'RECREATION'
  /** Safety */
  | 'SAFETY'
  /** Shelter */
  | 'SHELTER'
  /** Solid Waste */
  | 'SOLID_WASTE'
  /** Telecommunication and Innovation */
  | 'TELECOMMUNICATION_AND_INNOVATION'
  /** Transportation */
  | 'TRANSPORTATION'
  /** Urban Planning */
  | 'URBAN_PLANNING'
  /** Wastewater */
  | 'WASTEWATER'
  /** Water and Sanitation */
  | 'WATER_AND_SANITATION';

export type Trend =
  | 'IMPROVED'
  | 'UNCHANGED'
  | 'WORSENED';

export type UnitSource =
  | 'ASSUMED'
  | 'LISTED';

export type ValueStatus =
  | 'DRAFT'
  | 'REJECTED'
  | 'SUBMITTED'
  | 'VERIFIED';

export type Verdict =
  | 'REJECTED'
  | 'VERIFIED';

export type VerdictInput = {
  indicatorId: Scalars['ID']['input'];
  /** Required for REJECTED: what the city must correct. */
  note?: InputMaybe<Scalars['String']['input']>;
  verdict: Verdict;
};

export type VerifyIndicatorValuesInput = {
  cityId: Scalars['ID']['input'];
  /** 1 to 100 verdicts; each indicator at most once. */
  verdicts: Array<VerdictInput>;
  year: Scalars['Int']['input'];
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
  AuditTrail: AuditTrail;
  CertificationGap: CertificationGap;
  City: City;
  Indicator: Indicator;
  IndicatorCoverage: IndicatorCoverage;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  AuditTrail:
    ( { __typename: 'AuditTrail' }
    & GraphQLRecursivePick<FederationTypes['AuditTrail'], {"cityId":true,"year":true}> );
  CertificationGap:
    ( { __typename: 'CertificationGap' }
    & GraphQLRecursivePick<FederationTypes['CertificationGap'], {"cityId":true,"year":true,"target":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"requiredCoreVerified":true,"requiredSupportingVerified":true}> ) );
  City:
    ( { __typename: 'City' }
    & GraphQLRecursivePick<FederationTypes['City'], {"id":true}> );
  Indicator:
    ( { __typename: 'Indicator' }
    & GraphQLRecursivePick<FederationTypes['Indicator'], {"edition":true,"id":true}> );
  IndicatorCoverage:
    ( { __typename: 'IndicatorCoverage' }
    & GraphQLRecursivePick<FederationTypes['IndicatorCoverage'], {"cityId":true,"year":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AuditEntry: ResolverTypeWrapper<AuditEntryDoc>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AuditTrail: ResolverTypeWrapper<AuditTrailRef>;
  BetterWhen: BetterWhen;
  CacheControlScope: CacheControlScope;
  CatalogueEdition: ResolverTypeWrapper<CatalogueEditionView>;
  CertificationGap: ResolverTypeWrapper<GapRepresentation>;
  CertificationLevel: CertificationLevel;
  City: ResolverTypeWrapper<CityRef>;
  ConsistencyRule: ResolverTypeWrapper<Omit<ConsistencyRule, 'indicators'> & { indicators: Array<ResolversTypes['Indicator']> }>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ConsistencyRuleKind: ConsistencyRuleKind;
  ConsistencyWarning: ResolverTypeWrapper<Omit<ConsistencyWarning, 'rule' | 'values'> & { rule: ResolversTypes['ConsistencyRule'], values: Array<ResolversTypes['RuleValue']> }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Indicator: ResolverTypeWrapper<CatalogueIndicator>;
  IndicatorCoverage: ResolverTypeWrapper<CoverageView>;
  IndicatorKind: IndicatorKind;
  IndicatorReport: ResolverTypeWrapper<IndicatorReportDoc>;
  IndicatorSeries: ResolverTypeWrapper<Omit<IndicatorSeries, 'indicator'> & { indicator: ResolversTypes['Indicator'] }>;
  IndicatorValue: ResolverTypeWrapper<ValueView>;
  IndicatorValueInput: IndicatorValueInput;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  MentorCandidate: ResolverTypeWrapper<MentorCandidateView>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PeerComparison: ResolverTypeWrapper<Omit<PeerComparison, 'city' | 'indicators'> & { city: ResolversTypes['City'], indicators: Array<ResolversTypes['PeerStanding']> }>;
  PeerGroup: PeerGroup;
  PeerStanding: ResolverTypeWrapper<Omit<PeerStanding, 'indicator' | 'peers'> & { indicator: ResolversTypes['Indicator'], peers: Array<ResolversTypes['PeerValue']> }>;
  PeerValue: ResolverTypeWrapper<Omit<PeerValue, 'city'> & { city: ResolversTypes['City'] }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RuleSeverity: RuleSeverity;
  RuleValue: ResolverTypeWrapper<Omit<RuleValue, 'indicator'> & { indicator: ResolversTypes['Indicator'] }>;
  SaveIndicatorValuesInput: SaveIndicatorValuesInput;
  SeriesPoint: ResolverTypeWrapper<SeriesPoint>;
  Theme: ResolverTypeWrapper<ThemeSummary>;
  ThemeCoverage: ResolverTypeWrapper<ThemeCounts>;
  ThemeId: ThemeId;
  Trend: Trend;
  UnitSource: UnitSource;
  ValueStatus: ValueStatus;
  Verdict: Verdict;
  VerdictInput: VerdictInput;
  VerifyIndicatorValuesInput: VerifyIndicatorValuesInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AuditEntry: AuditEntryDoc;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  AuditTrail: AuditTrailRef;
  CatalogueEdition: CatalogueEditionView;
  CertificationGap: GapRepresentation;
  City: CityRef;
  ConsistencyRule: Omit<ConsistencyRule, 'indicators'> & { indicators: Array<ResolversParentTypes['Indicator']> };
  Float: Scalars['Float']['output'];
  ConsistencyWarning: Omit<ConsistencyWarning, 'rule' | 'values'> & { rule: ResolversParentTypes['ConsistencyRule'], values: Array<ResolversParentTypes['RuleValue']> };
  DateTime: Scalars['DateTime']['output'];
  Indicator: CatalogueIndicator;
  IndicatorCoverage: CoverageView;
  IndicatorReport: IndicatorReportDoc;
  IndicatorSeries: Omit<IndicatorSeries, 'indicator'> & { indicator: ResolversParentTypes['Indicator'] };
  IndicatorValue: ValueView;
  IndicatorValueInput: IndicatorValueInput;
  JSON: Scalars['JSON']['output'];
  MentorCandidate: MentorCandidateView;
  Mutation: Record<PropertyKey, never>;
  PeerComparison: Omit<PeerComparison, 'city' | 'indicators'> & { city: ResolversParentTypes['City'], indicators: Array<ResolversParentTypes['PeerStanding']> };
  PeerStanding: Omit<PeerStanding, 'indicator' | 'peers'> & { indicator: ResolversParentTypes['Indicator'], peers: Array<ResolversParentTypes['PeerValue']> };
  PeerValue: Omit<PeerValue, 'city'> & { city: ResolversParentTypes['City'] };
  Query: Record<PropertyKey, never>;
  RuleValue: Omit<RuleValue, 'indicator'> & { indicator: ResolversParentTypes['Indicator'] };
  SaveIndicatorValuesInput: SaveIndicatorValuesInput;
  SeriesPoint: SeriesPoint;
  Theme: ThemeSummary;
  ThemeCoverage: ThemeCounts;
  VerdictInput: VerdictInput;
  VerifyIndicatorValuesInput: VerifyIndicatorValuesInput;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = Context, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AuditEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = ResolversObject<{
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorRoles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  new?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  old?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AuditTrailResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditTrail'] = ResolversParentTypes['AuditTrail'], FederationReferenceType extends FederationReferenceTypes['AuditTrail'] = FederationReferenceTypes['AuditTrail']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['AuditTrail']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  valueChanges?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CatalogueEditionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CatalogueEdition'] = ResolversParentTypes['CatalogueEdition']> = ResolversObject<{
  coreCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  edition?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  indicatorCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  isDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  supportingCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  themeCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CertificationGapResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CertificationGap'] = ResolversParentTypes['CertificationGap'], FederationReferenceType extends FederationReferenceTypes['CertificationGap'] = FederationReferenceTypes['CertificationGap']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CertificationGap']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  coreNeeded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  coreVerified?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  gapThemes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  mentorCandidates?: Resolver<Array<ResolversTypes['MentorCandidate']>, ParentType, ContextType>;
  missingCore?: Resolver<Array<ResolversTypes['Indicator']>, ParentType, ContextType>;
  reached?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  supportingNeeded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  supportingVerified?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['CertificationLevel'], ParentType, ContextType>;
  unverifiedCore?: Resolver<Array<ResolversTypes['Indicator']>, ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['City'] = ResolversParentTypes['City'], FederationReferenceType extends FederationReferenceTypes['City'] = FederationReferenceTypes['City']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['City']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  indicatorCoverage?: Resolver<Maybe<ResolversTypes['IndicatorCoverage']>, ParentType, ContextType, Partial<CityIndicatorCoverageArgs>>;
  indicatorReport?: Resolver<Maybe<ResolversTypes['IndicatorReport']>, ParentType, ContextType, RequireFields<CityIndicatorReportArgs, 'year'>>;
  indicatorSeries?: Resolver<Maybe<Array<ResolversTypes['IndicatorSeries']>>, ParentType, ContextType, RequireFields<CityIndicatorSeriesArgs, 'indicatorIds'>>;
  indicators?: Resolver<Maybe<Array<ResolversTypes['IndicatorValue']>>, ParentType, ContextType, Partial<CityIndicatorsArgs>>;
  latestDataYear?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  peerComparison?: Resolver<Maybe<ResolversTypes['PeerComparison']>, ParentType, ContextType, RequireFields<CityPeerComparisonArgs, 'indicatorIds' | 'peerGroup' | 'year'>>;
}>;

export type ConsistencyRuleResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ConsistencyRule'] = ResolversParentTypes['ConsistencyRule']> = ResolversObject<{
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  indicators?: Resolver<Array<ResolversTypes['Indicator']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ConsistencyRuleKind'], ParentType, ContextType>;
  limit?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  max?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  min?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['RuleSeverity'], ParentType, ContextType>;
  tolerance?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type ConsistencyWarningResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ConsistencyWarning'] = ResolversParentTypes['ConsistencyWarning']> = ResolversObject<{
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['ConsistencyRule'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['RuleValue']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type IndicatorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Indicator'] = ResolversParentTypes['Indicator'], FederationReferenceType extends FederationReferenceTypes['Indicator'] = FederationReferenceTypes['Indicator']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Indicator']> | FederationReferenceType, FederationReferenceType, ContextType>;
  betterWhen?: Resolver<ResolversTypes['BetterWhen'], ParentType, ContextType>;
  betterWhenNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  edition?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['IndicatorKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  theme?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  themeId?: Resolver<ResolversTypes['ThemeId'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitSource?: Resolver<ResolversTypes['UnitSource'], ParentType, ContextType>;
}>;

export type IndicatorCoverageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IndicatorCoverage'] = ResolversParentTypes['IndicatorCoverage'], FederationReferenceType extends FederationReferenceTypes['IndicatorCoverage'] = FederationReferenceTypes['IndicatorCoverage']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['IndicatorCoverage']> | FederationReferenceType, FederationReferenceType, ContextType>;
  byTheme?: Resolver<Array<ResolversTypes['ThemeCoverage']>, ParentType, ContextType>;
  cityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  coreReported?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  coreTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  coreVerified?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  edition?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  missingCore?: Resolver<Array<ResolversTypes['Indicator']>, ParentType, ContextType>;
  supportingReported?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  supportingTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  supportingVerified?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unverifiedCore?: Resolver<Array<ResolversTypes['Indicator']>, ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type IndicatorReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IndicatorReport'] = ResolversParentTypes['IndicatorReport']> = ResolversObject<{
  cityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  draftCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  edition?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rejectedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  submittedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  submittedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['IndicatorValue']>, ParentType, ContextType>;
  verifiedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['ConsistencyWarning']>, ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type IndicatorSeriesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IndicatorSeries'] = ResolversParentTypes['IndicatorSeries']> = ResolversObject<{
  indicator?: Resolver<ResolversTypes['Indicator'], ParentType, ContextType>;
  points?: Resolver<Array<ResolversTypes['SeriesPoint']>, ParentType, ContextType>;
}>;

export type IndicatorValueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IndicatorValue'] = ResolversParentTypes['IndicatorValue']> = ResolversObject<{
  city?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
  enteredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  indicator?: Resolver<ResolversTypes['Indicator'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sampleData?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ValueStatus'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  verdictAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  verifierNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MentorCandidateResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MentorCandidate'] = ResolversParentTypes['MentorCandidate']> = ResolversObject<{
  city?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
  dataYear?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  verifiedThemes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  saveIndicatorValues?: Resolver<ResolversTypes['IndicatorReport'], ParentType, ContextType, RequireFields<MutationSaveIndicatorValuesArgs, 'input'>>;
  submitIndicatorYear?: Resolver<ResolversTypes['IndicatorReport'], ParentType, ContextType, RequireFields<MutationSubmitIndicatorYearArgs, 'cityId' | 'expectedVersion' | 'year'>>;
  verifyIndicatorValues?: Resolver<ResolversTypes['IndicatorReport'], ParentType, ContextType, RequireFields<MutationVerifyIndicatorValuesArgs, 'input'>>;
}>;

export type PeerComparisonResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PeerComparison'] = ResolversParentTypes['PeerComparison']> = ResolversObject<{
  city?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
  group?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  groupSource?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  indicators?: Resolver<Array<ResolversTypes['PeerStanding']>, ParentType, ContextType>;
  peerCityCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  peerGroup?: Resolver<ResolversTypes['PeerGroup'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PeerStandingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PeerStanding'] = ResolversParentTypes['PeerStanding']> = ResolversObject<{
  betterWhen?: Resolver<ResolversTypes['BetterWhen'], ParentType, ContextType>;
  indicator?: Resolver<ResolversTypes['Indicator'], ParentType, ContextType>;
  max?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  median?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  min?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  peerCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  peers?: Resolver<Array<ResolversTypes['PeerValue']>, ParentType, ContextType>;
  percentile?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  rank?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type PeerValueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PeerValue'] = ResolversParentTypes['PeerValue']> = ResolversObject<{
  city?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  auditTrail?: Resolver<ResolversTypes['AuditTrail'], ParentType, ContextType, RequireFields<QueryAuditTrailArgs, 'cityId' | 'year'>>;
  catalogueEditions?: Resolver<Array<ResolversTypes['CatalogueEdition']>, ParentType, ContextType>;
  consistencyRules?: Resolver<Array<ResolversTypes['ConsistencyRule']>, ParentType, ContextType, Partial<QueryConsistencyRulesArgs>>;
  indicator?: Resolver<Maybe<ResolversTypes['Indicator']>, ParentType, ContextType, RequireFields<QueryIndicatorArgs, 'id'>>;
  indicatorCatalogue?: Resolver<Array<ResolversTypes['Indicator']>, ParentType, ContextType, Partial<QueryIndicatorCatalogueArgs>>;
  themes?: Resolver<Array<ResolversTypes['Theme']>, ParentType, ContextType, Partial<QueryThemesArgs>>;
}>;

export type RuleValueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RuleValue'] = ResolversParentTypes['RuleValue']> = ResolversObject<{
  indicator?: Resolver<ResolversTypes['Indicator'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type SeriesPointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SeriesPoint'] = ResolversParentTypes['SeriesPoint']> = ResolversObject<{
  change?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  changePercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ValueStatus'], ParentType, ContextType>;
  trend?: Resolver<Maybe<ResolversTypes['Trend']>, ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ThemeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Theme'] = ResolversParentTypes['Theme']> = ResolversObject<{
  coreCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ThemeId'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  supportingCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ThemeCoverageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ThemeCoverage'] = ResolversParentTypes['ThemeCoverage']> = ResolversObject<{
  coreReported?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  coreTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  coreVerified?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  supportingReported?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  supportingTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  supportingVerified?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  theme?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  themeId?: Resolver<ResolversTypes['ThemeId'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditTrail?: AuditTrailResolvers<ContextType>;
  CatalogueEdition?: CatalogueEditionResolvers<ContextType>;
  CertificationGap?: CertificationGapResolvers<ContextType>;
  City?: CityResolvers<ContextType>;
  ConsistencyRule?: ConsistencyRuleResolvers<ContextType>;
  ConsistencyWarning?: ConsistencyWarningResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Indicator?: IndicatorResolvers<ContextType>;
  IndicatorCoverage?: IndicatorCoverageResolvers<ContextType>;
  IndicatorReport?: IndicatorReportResolvers<ContextType>;
  IndicatorSeries?: IndicatorSeriesResolvers<ContextType>;
  IndicatorValue?: IndicatorValueResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  MentorCandidate?: MentorCandidateResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PeerComparison?: PeerComparisonResolvers<ContextType>;
  PeerStanding?: PeerStandingResolvers<ContextType>;
  PeerValue?: PeerValueResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RuleValue?: RuleValueResolvers<ContextType>;
  SeriesPoint?: SeriesPointResolvers<ContextType>;
  Theme?: ThemeResolvers<ContextType>;
  ThemeCoverage?: ThemeCoverageResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;
