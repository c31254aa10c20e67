import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { CityDoc, MemberDoc, MemberContactsDoc, EnrolmentDoc } from '../data/types';
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
  population?: Maybe<Scalars['Int']['output']>;
  /** Enrolment in the CityNet–WCCD ISO 37120 joint programme; null when not enrolled. */
  programmeEnrolment?: Maybe<ProgrammeEnrolment>;
  region: Region;
  /** IANA time zone, e.g. Asia/Manila. */
  timezone: Scalars['String']['output'];
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
};

/** CityNet's thematic clusters. */
export type Cluster =
  | 'CLIMATE_CHANGE'
  | 'DISASTER'
  | 'INFRASTRUCTURE'
  | 'SDGS';

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
 * UNAUTHENTICATED, other roles FORBIDDEN); input is validated before anything is written
 * (BAD_USER_INPUT with the offending input path in `extensions.field`), and every change is audited.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Admits a member. A full member is a local government: its City is created with it (the city id is
   * the member id). An associate member is an organisation. An id already in use is a CONFLICT.
   */
  admitMember: Member;
  /** Changes a member's status, with the reason (audited). Setting the current status again changes nothing. */
  changeMemberStatus: Member;
  /**
   * Enrols an ACTIVE full member city in the ISO 37120 joint programme; the subsidised rate runs for
   * three years (to enrolledOn + 3 years - 1 day). Already enrolled: CONFLICT; unknown city: NOT_FOUND.
   */
  enrolCity: ProgrammeEnrolment;
  /** Replaces the member's clusters. */
  setMemberClusters: Member;
  /** Sets (or, with null, clears) the member's national chapter; chapters are configuration. */
  setNationalChapter: Member;
};


/**
 * CityNet membership workflows. Every mutation needs a CITYNET_STAFF token (anonymous callers get
 * UNAUTHENTICATED, other roles FORBIDDEN); input is validated before anything is written
 * (BAD_USER_INPUT with the offending input path in `extensions.field`), and every change is audited.
 */
export type MutationAdmitMemberArgs = {
  input: AdmitMemberInput;
};


/**
 * CityNet membership workflows. Every mutation needs a CITYNET_STAFF token (anonymous callers get
 * UNAUTHENTICATED, other roles FORBIDDEN); input is validated before anything is written
 * (BAD_USER_INPUT with the offending input path in `extensions.field`), and every change is audited.
 */
export type MutationChangeMemberStatusArgs = {
  memberId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  status: MemberStatus;
};


/**
 * CityNet membership workflows. Every mutation needs a CITYNET_STAFF token (anonymous callers get
 * UNAUTHENTICATED, other roles FORBIDDEN); input is validated before anything is written
 * (BAD_USER_INPUT with the offending input path in `extensions.field`), and every change is audited.
 */
export type MutationEnrolCityArgs = {
  cityId: Scalars['ID']['input'];
  enrolledOn: Scalars['Date']['input'];
  round: Scalars['Int']['input'];
};


/**
 * CityNet membership workflows. Every mutation needs a CITYNET_STAFF token (anonymous callers get
 * UNAUTHENTICATED, other roles FORBIDDEN); input is validated before anything is written
 * (BAD_USER_INPUT with the offending input path in `extensions.field`), and every change is audited.
 */
export type MutationSetMemberClustersArgs = {
  clusters: Array<Cluster>;
  memberId: Scalars['ID']['input'];
};


/**
 * CityNet membership workflows. Every mutation needs a CITYNET_STAFF token (anonymous callers get
 * UNAUTHENTICATED, other roles FORBIDDEN); input is validated before anything is written
 * (BAD_USER_INPUT with the offending input path in `extensions.field`), and every change is audited.
 */
export type MutationSetNationalChapterArgs = {
  memberId: Scalars['ID']['input'];
  nationalChapter?: InputMaybe<Scalars['String']['input']>;
};

export type NewCityInput = {
  areaKm2?: InputMaybe<Scalars['Float']['input']>;
  /** Defaults to the member's name. */
  name?: InputMaybe<Scalars['String']['input']>;
  population?: InputMaybe<Scalars['Int']['input']>;
  region: Region;
  /** IANA time zone, e.g. Asia/Manila. */
  timezone: Scalars['String']['input'];
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

export type ProgrammeEnrolment = {
  __typename?: 'ProgrammeEnrolment';
  /** The enrolled city. */
  city: City;
  enrolledOn: Scalars['Date']['output'];
  /** The programme's name. */
  programme: Scalars['String']['output'];
  /** The programme round, e.g. 2016. */
  round: Scalars['Int']['output'];
  /** Whether the subsidised rate applies today (depends on the clock). */
  subsidised: Scalars['Boolean']['output'];
  /** The last day of the three subsidised years. */
  subsidisedUntil: Scalars['Date']['output'];
};

/**
 * CityNet membership: the member local governments and organisations, and cities' enrolment in the
 * CityNet–WCCD ISO 37120 joint programme. Owns the `City` entity.
 *
 * Cache hints (@cacheControl): city facts and membership are PUBLIC for 300 s (every change is
 * invalidated exactly; maxAge only bounds what invalidation cannot see); member contacts and fees are
 * PRIVATE (CITYNET_STAFF only); whether an enrolment is subsidised today depends on the clock (60 s).
 * City is defined by several subgraphs, so its fields carry field-level hints, never a type-level one.
 */
export type Query = {
  __typename?: 'Query';
  /** Cities known to the programme (CityNet members and WCCD-network cities), ordered by name. */
  cities: CityConnection;
  /** A city by its id (a lowercase slug of its name, e.g. `makati`, `kuala-lumpur`); null when unknown. */
  city?: Maybe<City>;
  /** A member by its id; null when unknown. */
  member?: Maybe<Member>;
  /** CityNet members: full members (local governments) and associate members (organisations), ordered by name. */
  members: MemberConnection;
};


/**
 * CityNet membership: the member local governments and organisations, and cities' enrolment in the
 * CityNet–WCCD ISO 37120 joint programme. Owns the `City` entity.
 *
 * Cache hints (@cacheControl): city facts and membership are PUBLIC for 300 s (every change is
 * invalidated exactly; maxAge only bounds what invalidation cannot see); member contacts and fees are
 * PRIVATE (CITYNET_STAFF only); whether an enrolment is subsidised today depends on the clock (60 s).
 * City is defined by several subgraphs, so its fields carry field-level hints, never a type-level one.
 */
export type QueryCitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * CityNet membership: the member local governments and organisations, and cities' enrolment in the
 * CityNet–WCCD ISO 37120 joint programme. Owns the `City` entity.
 *
 * Cache hints (@cacheControl): city facts and membership are PUBLIC for 300 s (every change is
 * invalidated exactly; maxAge only bounds what invalidation cannot see); member contacts and fees are
 * PRIVATE (CITYNET_STAFF only); whether an enrolment is subsidised today depends on the clock (60 s).
 * City is defined by several subgraphs, so its fields carry field-level hints, never a type-level one.
 */
export type QueryCityArgs = {
  id: Scalars['ID']['input'];
};


/**
 * CityNet membership: the member local governments and organisations, and cities' enrolment in the
 * CityNet–WCCD ISO 37120 joint programme. Owns the `City` entity.
 *
 * Cache hints (@cacheControl): city facts and membership are PUBLIC for 300 s (every change is
 * invalidated exactly; maxAge only bounds what invalidation cannot see); member contacts and fees are
 * PRIVATE (CITYNET_STAFF only); whether an enrolment is subsidised today depends on the clock (60 s).
 * City is defined by several subgraphs, so its fields carry field-level hints, never a type-level one.
 */
export type QueryMemberArgs = {
  id: Scalars['ID']['input'];
};


/**
 * CityNet membership: the member local governments and organisations, and cities' enrolment in the
 * CityNet–WCCD ISO 37120 joint programme. Owns the `City` entity.
 *
 * Cache hints (@cacheControl): city facts and membership are PUBLIC for 300 s (every change is
 * invalidated exactly; maxAge only bounds what invalidation cannot see); member contacts and fees are
 * PRIVATE (CITYNET_STAFF only); whether an enrolment is subsidised today depends on the clock (60 s).
 * City is defined by several subgraphs, so its fields carry field-level hints, never a type-level one.
 */
export type QueryMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MemberFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Region =
  | 'EAST_ASIA'
  | 'EUROPE'
  | 'NORTH_AMERICA'
  | 'OCEANIA'
  | 'SOUTH_ASIA'
  | 'SOUTH_EAST_ASIA'
  | 'WEST_ASIA';

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
  CacheControlScope: CacheControlScope;
  City: ResolverTypeWrapper<CityDoc>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  CityConnection: ResolverTypeWrapper<Omit<CityConnection, 'edges'> & { edges: Array<ResolversTypes['CityEdge']> }>;
  CityEdge: ResolverTypeWrapper<Omit<CityEdge, 'node'> & { node: ResolversTypes['City'] }>;
  CityFilter: CityFilter;
  Cluster: Cluster;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Member: ResolverTypeWrapper<MemberDoc>;
  MemberCategory: MemberCategory;
  MemberConnection: ResolverTypeWrapper<Omit<MemberConnection, 'edges'> & { edges: Array<ResolversTypes['MemberEdge']> }>;
  MemberContacts: ResolverTypeWrapper<MemberContactsDoc>;
  MemberContactsInput: MemberContactsInput;
  MemberEdge: ResolverTypeWrapper<Omit<MemberEdge, 'node'> & { node: ResolversTypes['Member'] }>;
  MemberFilter: MemberFilter;
  MemberStatus: MemberStatus;
  Membership: ResolverTypeWrapper<MemberDoc>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NewCityInput: NewCityInput;
  OrganisationType: OrganisationType;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  ProgrammeEnrolment: ResolverTypeWrapper<EnrolmentDoc>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Region: Region;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AdmitMemberInput: AdmitMemberInput;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  City: CityDoc;
  Float: Scalars['Float']['output'];
  CityConnection: Omit<CityConnection, 'edges'> & { edges: Array<ResolversParentTypes['CityEdge']> };
  CityEdge: Omit<CityEdge, 'node'> & { node: ResolversParentTypes['City'] };
  CityFilter: CityFilter;
  Date: Scalars['Date']['output'];
  Member: MemberDoc;
  MemberConnection: Omit<MemberConnection, 'edges'> & { edges: Array<ResolversParentTypes['MemberEdge']> };
  MemberContacts: MemberContactsDoc;
  MemberContactsInput: MemberContactsInput;
  MemberEdge: Omit<MemberEdge, 'node'> & { node: ResolversParentTypes['Member'] };
  MemberFilter: MemberFilter;
  Membership: MemberDoc;
  Mutation: Record<PropertyKey, never>;
  NewCityInput: NewCityInput;
  PageInfo: PageInfo;
  ProgrammeEnrolment: EnrolmentDoc;
  Query: Record<PropertyKey, never>;
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
  population?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
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
  node?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type MemberResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Member'] = ResolversParentTypes['Member']> = ResolversObject<{
  annualFeeUsd?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  category?: Resolver<ResolversTypes['MemberCategory'], ParentType, ContextType>;
  city?: Resolver<Maybe<ResolversTypes['City']>, ParentType, ContextType>;
  clusters?: Resolver<Array<ResolversTypes['Cluster']>, ParentType, ContextType>;
  contacts?: Resolver<Maybe<ResolversTypes['MemberContacts']>, ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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
  admitMember?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationAdmitMemberArgs, 'input'>>;
  changeMemberStatus?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationChangeMemberStatusArgs, 'memberId' | 'reason' | 'status'>>;
  enrolCity?: Resolver<ResolversTypes['ProgrammeEnrolment'], ParentType, ContextType, RequireFields<MutationEnrolCityArgs, 'cityId' | 'enrolledOn' | 'round'>>;
  setMemberClusters?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationSetMemberClustersArgs, 'clusters' | 'memberId'>>;
  setNationalChapter?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationSetNationalChapterArgs, 'memberId'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ProgrammeEnrolmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProgrammeEnrolment'] = ResolversParentTypes['ProgrammeEnrolment']> = ResolversObject<{
  city?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
  enrolledOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  programme?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  round?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subsidised?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  subsidisedUntil?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  cities?: Resolver<ResolversTypes['CityConnection'], ParentType, ContextType, Partial<QueryCitiesArgs>>;
  city?: Resolver<Maybe<ResolversTypes['City']>, ParentType, ContextType, RequireFields<QueryCityArgs, 'id'>>;
  member?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType, RequireFields<QueryMemberArgs, 'id'>>;
  members?: Resolver<ResolversTypes['MemberConnection'], ParentType, ContextType, Partial<QueryMembersArgs>>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  City?: CityResolvers<ContextType>;
  CityConnection?: CityConnectionResolvers<ContextType>;
  CityEdge?: CityEdgeResolvers<ContextType>;
  Date?: GraphQLScalarType;
  Member?: MemberResolvers<ContextType>;
  MemberConnection?: MemberConnectionResolvers<ContextType>;
  MemberContacts?: MemberContactsResolvers<ContextType>;
  MemberEdge?: MemberEdgeResolvers<ContextType>;
  Membership?: MembershipResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ProgrammeEnrolment?: ProgrammeEnrolmentResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;
