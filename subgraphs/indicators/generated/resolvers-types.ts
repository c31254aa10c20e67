import { GraphQLResolveInfo } from 'graphql';
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
  _FieldSet: { input: unknown; output: unknown; }
};

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

export type City = {
  __typename?: 'City';
  id: Scalars['ID']['output'];
  /** The city's coverage of the catalogue for a data year. */
  indicatorCoverage: IndicatorCoverage;
  /** The city's values for a data year, in clause order, optionally narrowed to a theme and/or kind. */
  indicators: Array<IndicatorValue>;
};


export type CityIndicatorCoverageArgs = {
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

/** A value a city reported for one indicator and data year. */
export type IndicatorValue = {
  __typename?: 'IndicatorValue';
  city: City;
  indicator: Indicator;
  /** True for generated sample data (values of real cities are not public here). */
  sampleData: Scalars['Boolean']['output'];
  status: ValueStatus;
  value: Scalars['Float']['output'];
  year: Scalars['Int']['output'];
};

/** ISO 37120 indicators: the catalogue (editions are data) and the values cities report per data year. */
export type Query = {
  __typename?: 'Query';
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
  Indicator: Indicator;
  IndicatorCoverage: IndicatorCoverage;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
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
  CatalogueEdition: ResolverTypeWrapper<CatalogueEdition>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  City: ResolverTypeWrapper<City>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Indicator: ResolverTypeWrapper<Indicator>;
  IndicatorCoverage: ResolverTypeWrapper<IndicatorCoverage>;
  IndicatorKind: IndicatorKind;
  IndicatorValue: ResolverTypeWrapper<IndicatorValue>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Theme: ResolverTypeWrapper<Theme>;
  ThemeCoverage: ResolverTypeWrapper<ThemeCoverage>;
  UnitSource: UnitSource;
  ValueStatus: ValueStatus;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  CatalogueEdition: CatalogueEdition;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  City: City | FederationReferenceTypes['City'];
  ID: Scalars['ID']['output'];
  Indicator: Indicator | FederationReferenceTypes['Indicator'];
  IndicatorCoverage: IndicatorCoverage | FederationReferenceTypes['IndicatorCoverage'];
  IndicatorValue: IndicatorValue;
  Float: Scalars['Float']['output'];
  Query: Record<PropertyKey, never>;
  Theme: Theme;
  ThemeCoverage: ThemeCoverage;
}>;

export type CatalogueEditionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CatalogueEdition'] = ResolversParentTypes['CatalogueEdition']> = ResolversObject<{
  coreCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  edition?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  indicatorCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  isDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  supportingCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  themeCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['City'] = ResolversParentTypes['City'], FederationReferenceType extends FederationReferenceTypes['City'] = FederationReferenceTypes['City']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['City']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  indicatorCoverage?: Resolver<ResolversTypes['IndicatorCoverage'], ParentType, ContextType, RequireFields<CityIndicatorCoverageArgs, 'year'>>;
  indicators?: Resolver<Array<ResolversTypes['IndicatorValue']>, ParentType, ContextType, RequireFields<CityIndicatorsArgs, 'year'>>;
}>;

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

export type IndicatorValueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IndicatorValue'] = ResolversParentTypes['IndicatorValue']> = ResolversObject<{
  city?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
  indicator?: Resolver<ResolversTypes['Indicator'], ParentType, ContextType>;
  sampleData?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ValueStatus'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
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
  CatalogueEdition?: CatalogueEditionResolvers<ContextType>;
  City?: CityResolvers<ContextType>;
  Indicator?: IndicatorResolvers<ContextType>;
  IndicatorCoverage?: IndicatorCoverageResolvers<ContextType>;
  IndicatorValue?: IndicatorValueResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Theme?: ThemeResolvers<ContextType>;
  ThemeCoverage?: ThemeCoverageResolvers<ContextType>;
}>;

