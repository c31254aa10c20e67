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

export type City = {
  __typename?: 'City';
  id: Scalars['ID']['output'];
  /** The city's coverage of the catalogue for a data year. */
  indicatorCoverage: IndicatorCoverage;
  /** The city's values for a data year as one versioned report (version 0 when nothing was saved). */
  indicatorReport: IndicatorReport;
  /**
   * The city's values for a data year, in clause order, optionally narrowed to a theme and/or kind.
   * VERIFIED values only, except for the city's officers, verifiers and WCCD staff, who see all.
   */
  indicators: Array<IndicatorValue>;
};


export type CityIndicatorCoverageArgs = {
  year: Scalars['Int']['input'];
};


export type CityIndicatorReportArgs = {
  year: Scalars['Int']['input'];
};


export type CityIndicatorsArgs = {
  kind?: InputMaybe<IndicatorKind>;
  theme?: InputMaybe<Scalars['String']['input']>;
  year: Scalars['Int']['input'];
};

export type Indicator = {
  __typename?: 'Indicator';
  edition: Scalars['String']['output'];
  /** The clause number within the edition, e.g. 5.1. */
  id: Scalars['ID']['output'];
  kind: IndicatorKind;
  name: Scalars['String']['output'];
  theme: Scalars['String']['output'];
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
  year: Scalars['Int']['output'];
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
export type QueryIndicatorArgs = {
  edition?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};


/** ISO 37120 indicators: the catalogue (editions are data) and the values cities report per data year. */
export type QueryIndicatorCatalogueArgs = {
  edition?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<IndicatorKind>;
  theme?: InputMaybe<Scalars['String']['input']>;
};


/** ISO 37120 indicators: the catalogue (editions are data) and the values cities report per data year. */
export type QueryThemesArgs = {
  edition?: InputMaybe<Scalars['String']['input']>;
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

export type Theme = {
  __typename?: 'Theme';
  coreCount: Scalars['Int']['output'];
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
};

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
  CacheControlScope: CacheControlScope;
  CatalogueEdition: ResolverTypeWrapper<CatalogueEditionView>;
  CertificationGap: ResolverTypeWrapper<GapRepresentation>;
  CertificationLevel: CertificationLevel;
  City: ResolverTypeWrapper<CityRef>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Indicator: ResolverTypeWrapper<CatalogueIndicator>;
  IndicatorCoverage: ResolverTypeWrapper<CoverageView>;
  IndicatorKind: IndicatorKind;
  IndicatorReport: ResolverTypeWrapper<IndicatorReportDoc>;
  IndicatorValue: ResolverTypeWrapper<ValueView>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  IndicatorValueInput: IndicatorValueInput;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  MentorCandidate: ResolverTypeWrapper<MentorCandidateView>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SaveIndicatorValuesInput: SaveIndicatorValuesInput;
  Theme: ResolverTypeWrapper<ThemeSummary>;
  ThemeCoverage: ResolverTypeWrapper<ThemeCounts>;
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
  DateTime: Scalars['DateTime']['output'];
  Indicator: CatalogueIndicator;
  IndicatorCoverage: CoverageView;
  IndicatorReport: IndicatorReportDoc;
  IndicatorValue: ValueView;
  Float: Scalars['Float']['output'];
  IndicatorValueInput: IndicatorValueInput;
  JSON: Scalars['JSON']['output'];
  MentorCandidate: MentorCandidateView;
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
  SaveIndicatorValuesInput: SaveIndicatorValuesInput;
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
  indicatorCoverage?: Resolver<ResolversTypes['IndicatorCoverage'], ParentType, ContextType, RequireFields<CityIndicatorCoverageArgs, 'year'>>;
  indicatorReport?: Resolver<ResolversTypes['IndicatorReport'], ParentType, ContextType, RequireFields<CityIndicatorReportArgs, 'year'>>;
  indicators?: Resolver<Array<ResolversTypes['IndicatorValue']>, ParentType, ContextType, RequireFields<CityIndicatorsArgs, 'year'>>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type IndicatorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Indicator'] = ResolversParentTypes['Indicator'], FederationReferenceType extends FederationReferenceTypes['Indicator'] = FederationReferenceTypes['Indicator']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Indicator']> | FederationReferenceType, FederationReferenceType, ContextType>;
  edition?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['IndicatorKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  theme?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  auditTrail?: Resolver<ResolversTypes['AuditTrail'], ParentType, ContextType, RequireFields<QueryAuditTrailArgs, 'cityId' | 'year'>>;
  catalogueEditions?: Resolver<Array<ResolversTypes['CatalogueEdition']>, ParentType, ContextType>;
  indicator?: Resolver<Maybe<ResolversTypes['Indicator']>, ParentType, ContextType, RequireFields<QueryIndicatorArgs, 'id'>>;
  indicatorCatalogue?: Resolver<Array<ResolversTypes['Indicator']>, ParentType, ContextType, Partial<QueryIndicatorCatalogueArgs>>;
  themes?: Resolver<Array<ResolversTypes['Theme']>, ParentType, ContextType, Partial<QueryThemesArgs>>;
}>;

export type ThemeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Theme'] = ResolversParentTypes['Theme']> = ResolversObject<{
  coreCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditTrail?: AuditTrailResolvers<ContextType>;
  CatalogueEdition?: CatalogueEditionResolvers<ContextType>;
  CertificationGap?: CertificationGapResolvers<ContextType>;
  City?: CityResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Indicator?: IndicatorResolvers<ContextType>;
  IndicatorCoverage?: IndicatorCoverageResolvers<ContextType>;
  IndicatorReport?: IndicatorReportResolvers<ContextType>;
  IndicatorValue?: IndicatorValueResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  MentorCandidate?: MentorCandidateResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Theme?: ThemeResolvers<ContextType>;
  ThemeCoverage?: ThemeCoverageResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;
