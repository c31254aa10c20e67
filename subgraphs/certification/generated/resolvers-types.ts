import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
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
  _FieldSet: { input: unknown; output: unknown; }
};

export type Certification = {
  __typename?: 'Certification';
  awardedAt?: Maybe<Scalars['DateTime']['output']>;
  city: City;
  /** The city's coverage for this data year (from the indicators subgraph), including the level it earns. */
  coverage: IndicatorCoverage;
  id: Scalars['ID']['output'];
  /** The level awarded; null until CERTIFIED. */
  level?: Maybe<CertificationLevel>;
  /** True for generated sample data. */
  sampleData: Scalars['Boolean']['output'];
  status: CertificationStatus;
  /** The third-party verification organisation. */
  verifierOrganisation?: Maybe<Scalars['String']['output']>;
  /** The data year certified. */
  year: Scalars['Int']['output'];
};

export type CertificationLevel =
  | 'ASPIRATIONAL'
  | 'BRONZE'
  | 'GOLD'
  | 'PLATINUM'
  | 'SILVER';

export type CertificationStatus =
  | 'CERTIFIED'
  | 'DATA_SUBMITTED'
  | 'ENROLLED'
  | 'REJECTED'
  | 'UNDER_VERIFICATION';

export type City = {
  __typename?: 'City';
  /** The city's latest certification (by data year), whatever its status; null when none. */
  certification?: Maybe<Certification>;
  /** All the city's certifications, latest data year first. */
  certifications: Array<Certification>;
  id: Scalars['ID']['output'];
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
 */
export type Query = {
  __typename?: 'Query';
  /** A city's certification for one data year; null when there is none. */
  certification?: Maybe<Certification>;
  /** The threshold table that turns verified coverage into a level, highest level first. */
  certificationLevels: Array<LevelThreshold>;
  /**
   * The WCCD Global Cities Registry: CERTIFIED certifications, each city's latest by default (or those of
   * one data year), ordered by level (highest first) then city.
   */
  registry: RegistryConnection;
};


/**
 * WCCD certification: certifications per city and data year, the level thresholds, and the Global
 * Cities Registry.
 */
export type QueryCertificationArgs = {
  cityId: Scalars['ID']['input'];
  year: Scalars['Int']['input'];
};


/**
 * WCCD certification: certifications per city and data year, the level thresholds, and the Global
 * Cities Registry.
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
  Certification: Certification;
  City: City;
  IndicatorCoverage: IndicatorCoverage;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Certification:
    ( { __typename: 'Certification' }
    & GraphQLRecursivePick<FederationTypes['Certification'], {"id":true}> );
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
  Certification: ResolverTypeWrapper<Certification>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CertificationLevel: CertificationLevel;
  CertificationStatus: CertificationStatus;
  City: ResolverTypeWrapper<City>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  IndicatorCoverage: ResolverTypeWrapper<IndicatorCoverage>;
  LevelThreshold: ResolverTypeWrapper<LevelThreshold>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegistryConnection: ResolverTypeWrapper<RegistryConnection>;
  RegistryEdge: ResolverTypeWrapper<RegistryEdge>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Certification: Certification | FederationReferenceTypes['Certification'];
  ID: Scalars['ID']['output'];
  Boolean: Scalars['Boolean']['output'];
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  City: City | FederationReferenceTypes['City'];
  DateTime: Scalars['DateTime']['output'];
  IndicatorCoverage: IndicatorCoverage | FederationReferenceTypes['IndicatorCoverage'];
  LevelThreshold: LevelThreshold;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  RegistryConnection: RegistryConnection;
  RegistryEdge: RegistryEdge;
}>;

export type CertificationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Certification'] = ResolversParentTypes['Certification'], FederationReferenceType extends FederationReferenceTypes['Certification'] = FederationReferenceTypes['Certification']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Certification']> | FederationReferenceType, FederationReferenceType, ContextType>;
  awardedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  city?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
  coverage?: Resolver<ResolversTypes['IndicatorCoverage'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<Maybe<ResolversTypes['CertificationLevel']>, ParentType, ContextType>;
  sampleData?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CertificationStatus'], ParentType, ContextType>;
  verifierOrganisation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['City'] = ResolversParentTypes['City'], FederationReferenceType extends FederationReferenceTypes['City'] = FederationReferenceTypes['City']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['City']> | FederationReferenceType, FederationReferenceType, ContextType>;
  certification?: Resolver<Maybe<ResolversTypes['Certification']>, ParentType, ContextType>;
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

export type LevelThresholdResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LevelThreshold'] = ResolversParentTypes['LevelThreshold']> = ResolversObject<{
  level?: Resolver<ResolversTypes['CertificationLevel'], ParentType, ContextType>;
  minCoreVerified?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  minSupportingVerified?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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

export type Resolvers<ContextType = Context> = ResolversObject<{
  Certification?: CertificationResolvers<ContextType>;
  City?: CityResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  IndicatorCoverage?: IndicatorCoverageResolvers<ContextType>;
  LevelThreshold?: LevelThresholdResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RegistryConnection?: RegistryConnectionResolvers<ContextType>;
  RegistryEdge?: RegistryEdgeResolvers<ContextType>;
}>;

