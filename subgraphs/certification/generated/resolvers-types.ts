import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { AuditEntryDoc } from '../../../lib/db/audit-entry';
import { AuditTrailRef, CertificationGapRef, CityRef, CoverageRef, RegistryPage, RegistryEdgeView } from '../domain/refs';
import { CertificationRecord } from '../data/types';
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
  /**
   * e.g. CERTIFICATION_OPENED, VERIFIER_ASSIGNED, DATA_SUBMITTED, VERIFICATION_STARTED,
   * CERTIFICATION_AWARDED, CERTIFICATION_REJECTED, CERTIFICATION_SUSPENDED, CERTIFICATION_REINSTATED,
   * CERTIFICATION_WITHDRAWN.
   */
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
  /** Changes to the certification (opened, verifier assigned, data submitted, verification started, awarded, rejected, suspended, reinstated, withdrawn), oldest first; WCCD staff and the city's officers only. */
  certificationChanges: Array<AuditEntry>;
  cityId: Scalars['ID']['output'];
  year: Scalars['Int']['output'];
};

export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

export type Certification = {
  __typename?: 'Certification';
  awardedAt?: Maybe<Scalars['DateTime']['output']>;
  city: City;
  /** The city's coverage for this data year (from the indicators subgraph), including the level it earns. */
  coverage: IndicatorCoverage;
  id: Scalars['ID']['output'];
  /** Whether it is in force now: CERTIFIED and within its validity period (what the registry lists). */
  inForce: Scalars['Boolean']['output'];
  /** The level awarded; null until CERTIFIED. */
  level?: Maybe<CertificationLevel>;
  /** Why the certification was REJECTED: for WCCD staff and the city's officers only (null for others). */
  rejectionReason?: Maybe<Scalars['String']['output']>;
  /** True for generated sample data. */
  sampleData: Scalars['Boolean']['output'];
  /** EXPIRED once a CERTIFIED certification is past its validity period (so it depends on the date). */
  status: CertificationStatus;
  /**
   * When the certification reached its current stored status: opened (ENROLLED), data submitted, verification
   * started, awarded, rejected, suspended, reinstated or withdrawn (an EXPIRED certification keeps the time of
   * its award or reinstatement; the validity period says when it lapsed). Every step is in the audit trail.
   */
  statusChangedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why it was last suspended, reinstated or withdrawn: for WCCD staff and the city's officers only (null for others). */
  statusReason?: Maybe<Scalars['String']['output']>;
  /** The third-party verification organisation (its name). */
  verifierOrganisation?: Maybe<Scalars['String']['output']>;
  /** The id of the assigned verification organisation (see verifierOrganisations). */
  verifierOrganisationId?: Maybe<Scalars['ID']['output']>;
  /** The data year certified. */
  year: Scalars['Int']['output'];
};

/** The gap between a city's data year and a target level; each domain contributes its part. */
export type CertificationGap = {
  __typename?: 'CertificationGap';
  cityId: Scalars['ID']['output'];
  /** Possible mentors (latest certification in force, Silver or higher) as cityId:year; internal. */
  mentorPool: Array<Scalars['String']['output']>;
  /** VERIFIED core indicators the target needs (threshold table). */
  requiredCoreVerified: Scalars['Int']['output'];
  /** VERIFIED supporting indicators the target needs (threshold table). */
  requiredSupportingVerified: Scalars['Int']['output'];
  target: CertificationLevel;
  year: Scalars['Int']['output'];
};

export type CertificationLevel =
  | 'ASPIRATIONAL'
  | 'BRONZE'
  | 'GOLD'
  | 'PLATINUM'
  | 'SILVER';

export type CertificationStatus =
  /** Awarded, and in force. */
  | 'CERTIFIED'
  /** The city submitted its values for verification. */
  | 'DATA_SUBMITTED'
  /** Opened for the data year (WCCD staff, or the programme round accepting the city). */
  | 'ENROLLED'
  /** Awarded, but the city has not re-certified within the validity period. */
  | 'EXPIRED'
  /** Refused (the reason is kept). */
  | 'REJECTED'
  /** Awarded, then suspended by WCCD staff (off the registry until reinstated). */
  | 'SUSPENDED'
  /** The verifier gave its first verdict. */
  | 'UNDER_VERIFICATION'
  /** Awarded, then withdrawn by WCCD staff for good. */
  | 'WITHDRAWN';

export type City = {
  __typename?: 'City';
  /** The city's latest certification (by data year), whatever its status; null when none. */
  certification?: Maybe<Certification>;
  /**
   * What stands between the city's data for `year` and the `target` level: the core indicators still
   * missing or unverified, the supporting indicators still needed, the themes where the gap lies, the
   * upcoming workshops on those themes and the cities that could mentor it.
   */
  certificationGap: CertificationGap;
  /** All the city's certifications, latest data year first. */
  certifications: Array<Certification>;
  id: Scalars['ID']['output'];
};


export type CityCertificationGapArgs = {
  target: CertificationLevel;
  year: Scalars['Int']['input'];
};

export type IndicatorCoverage = {
  __typename?: 'IndicatorCoverage';
  cityId: Scalars['ID']['output'];
  coreVerified: Scalars['Int']['output'];
  /** The highest level this verified coverage earns by the threshold table; null below the lowest level. */
  earnedLevel?: Maybe<CertificationLevel>;
  supportingVerified: Scalars['Int']['output'];
  year: Scalars['Int']['output'];
};

/** A row of the threshold table: the level needs at least this many VERIFIED core and supporting indicators. */
export type LevelThreshold = {
  __typename?: 'LevelThreshold';
  level: CertificationLevel;
  minCoreVerified: Scalars['Int']['output'];
  minSupportingVerified: Scalars['Int']['output'];
};

/**
 * The certification workflow (WCCD_STAFF). Staff open a certification (ENROLLED) and assign a verifier;
 * the work moves it on: the city's submission makes it DATA_SUBMITTED, the verifier's first verdict
 * UNDER_VERIFICATION. Staff then award it (CERTIFIED) or reject it (REJECTED); after the award they may
 * suspend, reinstate and withdraw it. A certification not renewed within the validity period is shown
 * as EXPIRED. Any other step is a CONFLICT; every change is in the audit trail.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Assigns (or re-assigns) the verification organisation; the status stays. FORBIDDEN when the
   * organisation declared a conflict of interest with the city or its country.
   */
  assignVerifier: Certification;
  /**
   * Awards a level (default: the one the VERIFIED coverage earns; a lower one may be given, never a
   * higher one). CONFLICT when the verified data earns no level (fewer than 30 verified core indicators),
   * or when the data year is already past the validity period. The registry then lists the city's latest
   * certified year.
   */
  awardCertification: Certification;
  /** Opens the certification of a city for a data year (ENROLLED). NOT_FOUND for an unknown city; CONFLICT when one exists. */
  openCertification: Certification;
  /** SUSPENDED -> CERTIFIED, with the reason, while the data year is within the validity period. */
  reinstateCertification: Certification;
  /** Refuses the certification (with the reason, shown to WCCD staff and the city's officers). */
  rejectCertification: Certification;
  /** CERTIFIED (in force) -> SUSPENDED, with the reason: off the registry until reinstated. */
  suspendCertification: Certification;
  /** CERTIFIED, EXPIRED or SUSPENDED -> WITHDRAWN for good, with the reason: off the registry. Withdrawing twice is a CONFLICT. */
  withdrawCertification: Certification;
};


/**
 * The certification workflow (WCCD_STAFF). Staff open a certification (ENROLLED) and assign a verifier;
 * the work moves it on: the city's submission makes it DATA_SUBMITTED, the verifier's first verdict
 * UNDER_VERIFICATION. Staff then award it (CERTIFIED) or reject it (REJECTED); after the award they may
 * suspend, reinstate and withdraw it. A certification not renewed within the validity period is shown
 * as EXPIRED. Any other step is a CONFLICT; every change is in the audit trail.
 */
export type MutationAssignVerifierArgs = {
  cityId: Scalars['ID']['input'];
  verifierOrganisationId: Scalars['ID']['input'];
  year: Scalars['Int']['input'];
};


/**
 * The certification workflow (WCCD_STAFF). Staff open a certification (ENROLLED) and assign a verifier;
 * the work moves it on: the city's submission makes it DATA_SUBMITTED, the verifier's first verdict
 * UNDER_VERIFICATION. Staff then award it (CERTIFIED) or reject it (REJECTED); after the award they may
 * suspend, reinstate and withdraw it. A certification not renewed within the validity period is shown
 * as EXPIRED. Any other step is a CONFLICT; every change is in the audit trail.
 */
export type MutationAwardCertificationArgs = {
  cityId: Scalars['ID']['input'];
  level?: InputMaybe<CertificationLevel>;
  year: Scalars['Int']['input'];
};


/**
 * The certification workflow (WCCD_STAFF). Staff open a certification (ENROLLED) and assign a verifier;
 * the work moves it on: the city's submission makes it DATA_SUBMITTED, the verifier's first verdict
 * UNDER_VERIFICATION. Staff then award it (CERTIFIED) or reject it (REJECTED); after the award they may
 * suspend, reinstate and withdraw it. A certification not renewed within the validity period is shown
 * as EXPIRED. Any other step is a CONFLICT; every change is in the audit trail.
 */
export type MutationOpenCertificationArgs = {
  cityId: Scalars['ID']['input'];
  year: Scalars['Int']['input'];
};


/**
 * The certification workflow (WCCD_STAFF). Staff open a certification (ENROLLED) and assign a verifier;
 * the work moves it on: the city's submission makes it DATA_SUBMITTED, the verifier's first verdict
 * UNDER_VERIFICATION. Staff then award it (CERTIFIED) or reject it (REJECTED); after the award they may
 * suspend, reinstate and withdraw it. A certification not renewed within the validity period is shown
 * as EXPIRED. Any other step is a CONFLICT; every change is in the audit trail.
 */
export type MutationReinstateCertificationArgs = {
  cityId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  year: Scalars['Int']['input'];
};


/**
 * The certification workflow (WCCD_STAFF). Staff open a certification (ENROLLED) and assign a verifier;
 * the work moves it on: the city's submission makes it DATA_SUBMITTED, the verifier's first verdict
 * UNDER_VERIFICATION. Staff then award it (CERTIFIED) or reject it (REJECTED); after the award they may
 * suspend, reinstate and withdraw it. A certification not renewed within the validity period is shown
 * as EXPIRED. Any other step is a CONFLICT; every change is in the audit trail.
 */
export type MutationRejectCertificationArgs = {
  cityId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  year: Scalars['Int']['input'];
};


/**
 * The certification workflow (WCCD_STAFF). Staff open a certification (ENROLLED) and assign a verifier;
 * the work moves it on: the city's submission makes it DATA_SUBMITTED, the verifier's first verdict
 * UNDER_VERIFICATION. Staff then award it (CERTIFIED) or reject it (REJECTED); after the award they may
 * suspend, reinstate and withdraw it. A certification not renewed within the validity period is shown
 * as EXPIRED. Any other step is a CONFLICT; every change is in the audit trail.
 */
export type MutationSuspendCertificationArgs = {
  cityId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  year: Scalars['Int']['input'];
};


/**
 * The certification workflow (WCCD_STAFF). Staff open a certification (ENROLLED) and assign a verifier;
 * the work moves it on: the city's submission makes it DATA_SUBMITTED, the verifier's first verdict
 * UNDER_VERIFICATION. Staff then award it (CERTIFIED) or reject it (REJECTED); after the award they may
 * suspend, reinstate and withdraw it. A certification not renewed within the validity period is shown
 * as EXPIRED. Any other step is a CONFLICT; every change is in the audit trail.
 */
export type MutationWithdrawCertificationArgs = {
  cityId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  year: Scalars['Int']['input'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/**
 * WCCD certification: certifications per city and data year, the level thresholds, and the Global
 * Cities Registry.
 *
 * Cache hints (@cacheControl): certifications are PUBLIC for 300 s (every change is invalidated
 * exactly; maxAge only bounds what invalidation cannot see); what depends on the clock (a status that
 * may become EXPIRED, the registry and the mentor pool of certifications in force) for 60 s; the
 * threshold table and the verification organisations are configuration, PUBLIC for 3600 s. Rejection
 * and status reasons and the audit trail depend on who asks (WCCD staff and the city's own officers):
 * PRIVATE. Types several subgraphs define (City, IndicatorCoverage, CertificationGap, AuditTrail) carry
 * field-level hints only.
 */
export type Query = {
  __typename?: 'Query';
  /** A city's certification for one data year; null when there is none. */
  certification?: Maybe<Certification>;
  /** The threshold table that turns verified coverage into a level, highest level first. */
  certificationLevels: Array<LevelThreshold>;
  /**
   * The WCCD Global Cities Registry, ordered by level (highest first) then city. By default each city's
   * latest awarded certification, listed only while it is in force (CERTIFIED within its validity period:
   * not SUSPENDED, WITHDRAWN or EXPIRED). With `year`: that data year's certifications that were awarded
   * and not suspended or withdrawn, in force or EXPIRED (their status says which).
   */
  registry: RegistryConnection;
  /** The third-party organisations that verify indicator values (configuration). */
  verifierOrganisations: Array<VerifierOrganisation>;
};


/**
 * WCCD certification: certifications per city and data year, the level thresholds, and the Global
 * Cities Registry.
 *
 * Cache hints (@cacheControl): certifications are PUBLIC for 300 s (every change is invalidated
 * exactly; maxAge only bounds what invalidation cannot see); what depends on the clock (a status that
 * may become EXPIRED, the registry and the mentor pool of certifications in force) for 60 s; the
 * threshold table and the verification organisations are configuration, PUBLIC for 3600 s. Rejection
 * and status reasons and the audit trail depend on who asks (WCCD staff and the city's own officers):
 * PRIVATE. Types several subgraphs define (City, IndicatorCoverage, CertificationGap, AuditTrail) carry
 * field-level hints only.
 */
export type QueryCertificationArgs = {
  cityId: Scalars['ID']['input'];
  year: Scalars['Int']['input'];
};


/**
 * WCCD certification: certifications per city and data year, the level thresholds, and the Global
 * Cities Registry.
 *
 * Cache hints (@cacheControl): certifications are PUBLIC for 300 s (every change is invalidated
 * exactly; maxAge only bounds what invalidation cannot see); what depends on the clock (a status that
 * may become EXPIRED, the registry and the mentor pool of certifications in force) for 60 s; the
 * threshold table and the verification organisations are configuration, PUBLIC for 3600 s. Rejection
 * and status reasons and the audit trail depend on who asks (WCCD staff and the city's own officers):
 * PRIVATE. Types several subgraphs define (City, IndicatorCoverage, CertificationGap, AuditTrail) carry
 * field-level hints only.
 */
export type QueryRegistryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  country?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  level?: InputMaybe<CertificationLevel>;
  year?: InputMaybe<Scalars['Int']['input']>;
};

export type RegistryConnection = {
  __typename?: 'RegistryConnection';
  edges: Array<RegistryEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type RegistryEdge = {
  __typename?: 'RegistryEdge';
  cursor: Scalars['String']['output'];
  node: Certification;
};

export type VerifierOrganisation = {
  __typename?: 'VerifierOrganisation';
  /** The id verifier tokens carry as orgId, e.g. bureau-veritas. */
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
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
  Certification: Certification;
  CertificationGap: CertificationGap;
  City: City;
  IndicatorCoverage: IndicatorCoverage;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  AuditTrail:
    ( { __typename: 'AuditTrail' }
    & GraphQLRecursivePick<FederationTypes['AuditTrail'], {"cityId":true,"year":true}> );
  Certification:
    ( { __typename: 'Certification' }
    & GraphQLRecursivePick<FederationTypes['Certification'], {"id":true}> );
  CertificationGap:
    ( { __typename: 'CertificationGap' }
    & GraphQLRecursivePick<FederationTypes['CertificationGap'], {"cityId":true,"year":true,"target":true}> );
  City:
    ( { __typename: 'City' }
    & GraphQLRecursivePick<FederationTypes['City'], {"id":true}> );
  IndicatorCoverage:
    ( { __typename: 'IndicatorCoverage' }
    & GraphQLRecursivePick<FederationTypes['IndicatorCoverage'], {"cityId":true,"year":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['IndicatorCoverage'], {"coreVerified":true,"supportingVerified":true}> ) );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AuditEntry: ResolverTypeWrapper<AuditEntryDoc>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AuditTrail: ResolverTypeWrapper<AuditTrailRef>;
  CacheControlScope: CacheControlScope;
  Certification: ResolverTypeWrapper<CertificationRecord>;
  CertificationGap: ResolverTypeWrapper<CertificationGapRef>;
  CertificationLevel: CertificationLevel;
  CertificationStatus: CertificationStatus;
  City: ResolverTypeWrapper<CityRef>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  IndicatorCoverage: ResolverTypeWrapper<CoverageRef>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  LevelThreshold: ResolverTypeWrapper<LevelThreshold>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegistryConnection: ResolverTypeWrapper<RegistryPage>;
  RegistryEdge: ResolverTypeWrapper<RegistryEdgeView>;
  VerifierOrganisation: ResolverTypeWrapper<VerifierOrganisation>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AuditEntry: AuditEntryDoc;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  AuditTrail: AuditTrailRef;
  Certification: CertificationRecord;
  CertificationGap: CertificationGapRef;
  City: CityRef;
  DateTime: Scalars['DateTime']['output'];
  IndicatorCoverage: CoverageRef;
  JSON: Scalars['JSON']['output'];
  LevelThreshold: LevelThreshold;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  RegistryConnection: RegistryPage;
  RegistryEdge: RegistryEdgeView;
  VerifierOrganisation: VerifierOrganisation;
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
  certificationChanges?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType>;
  cityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CertificationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Certification'] = ResolversParentTypes['Certification'], FederationReferenceType extends FederationReferenceTypes['Certification'] = FederationReferenceTypes['Certification']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Certification']> | FederationReferenceType, FederationReferenceType, ContextType>;
  awardedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  city?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
  coverage?: Resolver<ResolversTypes['IndicatorCoverage'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inForce?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  level?: Resolver<Maybe<ResolversTypes['CertificationLevel']>, ParentType, ContextType>;
  rejectionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sampleData?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CertificationStatus'], ParentType, ContextType>;
  statusChangedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  statusReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  verifierOrganisation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  verifierOrganisationId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CertificationGapResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CertificationGap'] = ResolversParentTypes['CertificationGap'], FederationReferenceType extends FederationReferenceTypes['CertificationGap'] = FederationReferenceTypes['CertificationGap']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CertificationGap']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mentorPool?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  requiredCoreVerified?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requiredSupportingVerified?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['CertificationLevel'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['City'] = ResolversParentTypes['City'], FederationReferenceType extends FederationReferenceTypes['City'] = FederationReferenceTypes['City']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['City']> | FederationReferenceType, FederationReferenceType, ContextType>;
  certification?: Resolver<Maybe<ResolversTypes['Certification']>, ParentType, ContextType>;
  certificationGap?: Resolver<ResolversTypes['CertificationGap'], ParentType, ContextType, RequireFields<CityCertificationGapArgs, 'target' | 'year'>>;
  certifications?: Resolver<Array<ResolversTypes['Certification']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type IndicatorCoverageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IndicatorCoverage'] = ResolversParentTypes['IndicatorCoverage'], FederationReferenceType extends FederationReferenceTypes['IndicatorCoverage'] = FederationReferenceTypes['IndicatorCoverage']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['IndicatorCoverage']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  earnedLevel?: Resolver<Maybe<ResolversTypes['CertificationLevel']>, ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LevelThresholdResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LevelThreshold'] = ResolversParentTypes['LevelThreshold']> = ResolversObject<{
  level?: Resolver<ResolversTypes['CertificationLevel'], ParentType, ContextType>;
  minCoreVerified?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  minSupportingVerified?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  assignVerifier?: Resolver<ResolversTypes['Certification'], ParentType, ContextType, RequireFields<MutationAssignVerifierArgs, 'cityId' | 'verifierOrganisationId' | 'year'>>;
  awardCertification?: Resolver<ResolversTypes['Certification'], ParentType, ContextType, RequireFields<MutationAwardCertificationArgs, 'cityId' | 'year'>>;
  openCertification?: Resolver<ResolversTypes['Certification'], ParentType, ContextType, RequireFields<MutationOpenCertificationArgs, 'cityId' | 'year'>>;
  reinstateCertification?: Resolver<ResolversTypes['Certification'], ParentType, ContextType, RequireFields<MutationReinstateCertificationArgs, 'cityId' | 'reason' | 'year'>>;
  rejectCertification?: Resolver<ResolversTypes['Certification'], ParentType, ContextType, RequireFields<MutationRejectCertificationArgs, 'cityId' | 'reason' | 'year'>>;
  suspendCertification?: Resolver<ResolversTypes['Certification'], ParentType, ContextType, RequireFields<MutationSuspendCertificationArgs, 'cityId' | 'reason' | 'year'>>;
  withdrawCertification?: Resolver<ResolversTypes['Certification'], ParentType, ContextType, RequireFields<MutationWithdrawCertificationArgs, 'cityId' | 'reason' | 'year'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  certification?: Resolver<Maybe<ResolversTypes['Certification']>, ParentType, ContextType, RequireFields<QueryCertificationArgs, 'cityId' | 'year'>>;
  certificationLevels?: Resolver<Array<ResolversTypes['LevelThreshold']>, ParentType, ContextType>;
  registry?: Resolver<ResolversTypes['RegistryConnection'], ParentType, ContextType, Partial<QueryRegistryArgs>>;
  verifierOrganisations?: Resolver<Array<ResolversTypes['VerifierOrganisation']>, ParentType, ContextType>;
}>;

export type RegistryConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RegistryConnection'] = ResolversParentTypes['RegistryConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['RegistryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type RegistryEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RegistryEdge'] = ResolversParentTypes['RegistryEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Certification'], ParentType, ContextType>;
}>;

export type VerifierOrganisationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VerifierOrganisation'] = ResolversParentTypes['VerifierOrganisation']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditTrail?: AuditTrailResolvers<ContextType>;
  Certification?: CertificationResolvers<ContextType>;
  CertificationGap?: CertificationGapResolvers<ContextType>;
  City?: CityResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  IndicatorCoverage?: IndicatorCoverageResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  LevelThreshold?: LevelThresholdResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RegistryConnection?: RegistryConnectionResolvers<ContextType>;
  RegistryEdge?: RegistryEdgeResolvers<ContextType>;
  VerifierOrganisation?: VerifierOrganisationResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;
