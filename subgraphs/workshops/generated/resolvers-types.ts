import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { StoredWorkshop, StoredRegistration, StoredMentoringPair } from '../data/types';
import { CityRef, GapRepresentation } from '../domain/views';
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

export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

export type CancelRegistrationResult = {
  __typename?: 'CancelRegistrationResult';
  /** The waitlisted registration that got the freed seat, if any. */
  promoted?: Maybe<Registration>;
  /** The cancelled registration. */
  registration: Registration;
  workshop: Workshop;
};

/** The workshops subgraph's part of the gap to a target level (see City.certificationGap). */
export type CertificationGap = {
  __typename?: 'CertificationGap';
  cityId: Scalars['ID']['output'];
  gapThemes: Array<Scalars['String']['output']>;
  target: CertificationLevel;
  /** Upcoming scheduled workshops on the themes where the gap lies, soonest first (at most 10). */
  upcomingWorkshops: Array<Workshop>;
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
  /** Mentoring pairs the city is part of, as mentor or mentee, most recent first. */
  mentoring: Array<MentoringPair>;
  /** Scheduled workshops that have not started yet and that the city hosts or is registered for, soonest first. */
  upcomingWorkshops: Array<Workshop>;
};


export type CityUpcomingWorkshopsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A mentor city guiding a mentee city on some ISO 37120 themes. */
export type MentoringPair = {
  __typename?: 'MentoringPair';
  closedOn?: Maybe<Scalars['Date']['output']>;
  focusThemes: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  mentee: City;
  mentor: City;
  sessions: Array<MentoringSession>;
  startedOn: Scalars['Date']['output'];
  status: MentoringStatus;
};

export type MentoringPairConnection = {
  __typename?: 'MentoringPairConnection';
  edges: Array<MentoringPairEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type MentoringPairEdge = {
  __typename?: 'MentoringPairEdge';
  cursor: Scalars['String']['output'];
  node: MentoringPair;
};

export type MentoringSession = {
  __typename?: 'MentoringSession';
  durationMinutes: Scalars['Int']['output'];
  format: WorkshopFormat;
  heldAt: Scalars['DateTime']['output'];
  summary?: Maybe<Scalars['String']['output']>;
};

export type MentoringSessionInput = {
  /** 1 to 1440. */
  durationMinutes: Scalars['Int']['input'];
  format: WorkshopFormat;
  /** When the session was held (not in the future, not before the pair started). */
  heldAt: Scalars['DateTime']['input'];
  summary?: InputMaybe<Scalars['String']['input']>;
};

export type MentoringStatus =
  | 'ACTIVE'
  | 'CLOSED';

/**
 * CityNet capacity-building workflows. Workshops and mentoring need CITYNET_STAFF; registrations a
 * CITY_OFFICER of the registering city or CITYNET_STAFF. Anonymous callers get UNAUTHENTICATED, other
 * roles (or an officer of another city) FORBIDDEN; input is validated before anything is written
 * (BAD_USER_INPUT with the offending path in `extensions.field`); a rule of the workflow that forbids the
 * change now is a CONFLICT; every change is audited.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** Cancels a registration; a confirmed seat goes to the first waitlisted registration. */
  cancelRegistration: CancelRegistrationResult;
  /** Cancels a scheduled workshop that has not started. */
  cancelWorkshop: Workshop;
  /** Closes an ACTIVE pair (today). */
  closeMentoringPair: MentoringPair;
  /** Logs a session held by an ACTIVE pair. */
  logMentoringSession: MentoringPair;
  /** Pairs a mentor city with a mentee city on some ISO 37120 themes; one ACTIVE pair per two cities. */
  pairMentor: MentoringPair;
  /**
   * Registers a city: CONFIRMED while seats remain, else WAITLISTED (in order). A city registers once
   * (CONFLICT; after cancelling it may register again, at the end of the queue). A cancelled or
   * started workshop: CONFLICT.
   */
  registerForWorkshop: Registration;
  /**
   * Schedules a workshop. Neither its host city nor its facilitator may have another SCHEDULED workshop
   * overlapping [startsAt, endsAt) — compared as instants, whatever offsets they were given in (CONFLICT).
   */
  scheduleWorkshop: Workshop;
  /** Changes a scheduled workshop that has not started; the same double-booking rule applies. Capacity cannot drop below the confirmed seats; raising it promotes waitlisted registrations. */
  updateWorkshop: Workshop;
};


/**
 * CityNet capacity-building workflows. Workshops and mentoring need CITYNET_STAFF; registrations a
 * CITY_OFFICER of the registering city or CITYNET_STAFF. Anonymous callers get UNAUTHENTICATED, other
 * roles (or an officer of another city) FORBIDDEN; input is validated before anything is written
 * (BAD_USER_INPUT with the offending path in `extensions.field`); a rule of the workflow that forbids the
 * change now is a CONFLICT; every change is audited.
 */
export type MutationCancelRegistrationArgs = {
  registrationId: Scalars['ID']['input'];
};


/**
 * CityNet capacity-building workflows. Workshops and mentoring need CITYNET_STAFF; registrations a
 * CITY_OFFICER of the registering city or CITYNET_STAFF. Anonymous callers get UNAUTHENTICATED, other
 * roles (or an officer of another city) FORBIDDEN; input is validated before anything is written
 * (BAD_USER_INPUT with the offending path in `extensions.field`); a rule of the workflow that forbids the
 * change now is a CONFLICT; every change is audited.
 */
export type MutationCancelWorkshopArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * CityNet capacity-building workflows. Workshops and mentoring need CITYNET_STAFF; registrations a
 * CITY_OFFICER of the registering city or CITYNET_STAFF. Anonymous callers get UNAUTHENTICATED, other
 * roles (or an officer of another city) FORBIDDEN; input is validated before anything is written
 * (BAD_USER_INPUT with the offending path in `extensions.field`); a rule of the workflow that forbids the
 * change now is a CONFLICT; every change is audited.
 */
export type MutationCloseMentoringPairArgs = {
  pairId: Scalars['ID']['input'];
};


/**
 * CityNet capacity-building workflows. Workshops and mentoring need CITYNET_STAFF; registrations a
 * CITY_OFFICER of the registering city or CITYNET_STAFF. Anonymous callers get UNAUTHENTICATED, other
 * roles (or an officer of another city) FORBIDDEN; input is validated before anything is written
 * (BAD_USER_INPUT with the offending path in `extensions.field`); a rule of the workflow that forbids the
 * change now is a CONFLICT; every change is audited.
 */
export type MutationLogMentoringSessionArgs = {
  input: MentoringSessionInput;
  pairId: Scalars['ID']['input'];
};


/**
 * CityNet capacity-building workflows. Workshops and mentoring need CITYNET_STAFF; registrations a
 * CITY_OFFICER of the registering city or CITYNET_STAFF. Anonymous callers get UNAUTHENTICATED, other
 * roles (or an officer of another city) FORBIDDEN; input is validated before anything is written
 * (BAD_USER_INPUT with the offending path in `extensions.field`); a rule of the workflow that forbids the
 * change now is a CONFLICT; every change is audited.
 */
export type MutationPairMentorArgs = {
  focusThemes: Array<Scalars['String']['input']>;
  menteeCityId: Scalars['ID']['input'];
  mentorCityId: Scalars['ID']['input'];
};


/**
 * CityNet capacity-building workflows. Workshops and mentoring need CITYNET_STAFF; registrations a
 * CITY_OFFICER of the registering city or CITYNET_STAFF. Anonymous callers get UNAUTHENTICATED, other
 * roles (or an officer of another city) FORBIDDEN; input is validated before anything is written
 * (BAD_USER_INPUT with the offending path in `extensions.field`); a rule of the workflow that forbids the
 * change now is a CONFLICT; every change is audited.
 */
export type MutationRegisterForWorkshopArgs = {
  cityId: Scalars['ID']['input'];
  workshopId: Scalars['ID']['input'];
};


/**
 * CityNet capacity-building workflows. Workshops and mentoring need CITYNET_STAFF; registrations a
 * CITY_OFFICER of the registering city or CITYNET_STAFF. Anonymous callers get UNAUTHENTICATED, other
 * roles (or an officer of another city) FORBIDDEN; input is validated before anything is written
 * (BAD_USER_INPUT with the offending path in `extensions.field`); a rule of the workflow that forbids the
 * change now is a CONFLICT; every change is audited.
 */
export type MutationScheduleWorkshopArgs = {
  input: ScheduleWorkshopInput;
};


/**
 * CityNet capacity-building workflows. Workshops and mentoring need CITYNET_STAFF; registrations a
 * CITY_OFFICER of the registering city or CITYNET_STAFF. Anonymous callers get UNAUTHENTICATED, other
 * roles (or an officer of another city) FORBIDDEN; input is validated before anything is written
 * (BAD_USER_INPUT with the offending path in `extensions.field`); a rule of the workflow that forbids the
 * change now is a CONFLICT; every change is audited.
 */
export type MutationUpdateWorkshopArgs = {
  id: Scalars['ID']['input'];
  input: UpdateWorkshopInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** CityNet capacity building: workshops (with registrations) and city-to-city mentoring. */
export type Query = {
  __typename?: 'Query';
  mentoringPair?: Maybe<MentoringPair>;
  mentoringPairs: MentoringPairConnection;
  workshop?: Maybe<Workshop>;
  /** Workshops starting in [from, to), optionally on one ISO 37120 theme, in start order. */
  workshops: WorkshopConnection;
};


/** CityNet capacity building: workshops (with registrations) and city-to-city mentoring. */
export type QueryMentoringPairArgs = {
  id: Scalars['ID']['input'];
};


/** CityNet capacity building: workshops (with registrations) and city-to-city mentoring. */
export type QueryMentoringPairsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<MentoringStatus>;
};


/** CityNet capacity building: workshops (with registrations) and city-to-city mentoring. */
export type QueryWorkshopArgs = {
  id: Scalars['ID']['input'];
};


/** CityNet capacity building: workshops (with registrations) and city-to-city mentoring. */
export type QueryWorkshopsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  status?: InputMaybe<WorkshopStatus>;
  theme?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

export type Registration = {
  __typename?: 'Registration';
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  city: City;
  /** When the registration got its seat (on registering, or when promoted from the waitlist). */
  confirmedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  registeredAt: Scalars['DateTime']['output'];
  status: RegistrationStatus;
  /** 1-based position on the workshop's waitlist; null unless WAITLISTED. */
  waitlistPosition?: Maybe<Scalars['Int']['output']>;
  workshop: Workshop;
};

export type RegistrationConnection = {
  __typename?: 'RegistrationConnection';
  edges: Array<RegistrationEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type RegistrationEdge = {
  __typename?: 'RegistrationEdge';
  cursor: Scalars['String']['output'];
  node: Registration;
};

export type RegistrationStatus =
  | 'CANCELLED'
  | 'CONFIRMED'
  | 'WAITLISTED';

export type ScheduleWorkshopInput = {
  /** At least 1. */
  capacity: Scalars['Int']['input'];
  /** After startsAt. */
  endsAt: Scalars['DateTime']['input'];
  facilitator?: InputMaybe<Scalars['String']['input']>;
  format: WorkshopFormat;
  /** Required for IN_PERSON and HYBRID workshops. */
  hostCityId?: InputMaybe<Scalars['ID']['input']>;
  /** An instant with its offset, e.g. 2027-03-02T09:00:00+08:00. */
  startsAt: Scalars['DateTime']['input'];
  /** ISO 37120 theme names, e.g. Solid Waste. */
  themes: Array<Scalars['String']['input']>;
  /** The IANA time zone the workshop is held in, e.g. Asia/Manila. */
  timezone: Scalars['String']['input'];
  title: Scalars['String']['input'];
};

/** Only the fields given change; hostCityId and facilitator can be cleared with null. */
export type UpdateWorkshopInput = {
  capacity?: InputMaybe<Scalars['Int']['input']>;
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The version the change was based on; a different current version is a CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  facilitator?: InputMaybe<Scalars['String']['input']>;
  format?: InputMaybe<WorkshopFormat>;
  hostCityId?: InputMaybe<Scalars['ID']['input']>;
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  themes?: InputMaybe<Array<Scalars['String']['input']>>;
  timezone?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type Workshop = {
  __typename?: 'Workshop';
  /** Why the workshop was cancelled (status CANCELLED). */
  cancellationReason?: Maybe<Scalars['String']['output']>;
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  capacity: Scalars['Int']['output'];
  endsAt: Scalars['DateTime']['output'];
  facilitator?: Maybe<Scalars['String']['output']>;
  format: WorkshopFormat;
  /** The host city; null for workshops that are online only and hosted by the secretariat. */
  hostCity?: Maybe<City>;
  id: Scalars['ID']['output'];
  /** Start in the workshop's own time zone, ISO-8601 with offset, e.g. 2026-03-02T09:00:00+08:00. */
  localStartsAt: Scalars['String']['output'];
  /** Registrations in the order they were made. */
  registrations: RegistrationConnection;
  seatsAvailable: Scalars['Int']['output'];
  seatsTaken: Scalars['Int']['output'];
  startsAt: Scalars['DateTime']['output'];
  status: WorkshopStatus;
  /** ISO 37120 themes the workshop covers, e.g. Solid Waste. */
  themes: Array<Scalars['String']['output']>;
  /** The IANA time zone the workshop is held in (the host city's). */
  timezone: Scalars['String']['output'];
  title: Scalars['String']['output'];
  /** Grows by one with every change of the workshop's details (updateWorkshop, cancelWorkshop); pass it as expectedVersion to refuse a stale edit. */
  version: Scalars['Int']['output'];
  /** The WAITLISTED registrations in promotion order: the first one gets the next seat that frees up. */
  waitlist: RegistrationConnection;
};


export type WorkshopRegistrationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type WorkshopWaitlistArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type WorkshopConnection = {
  __typename?: 'WorkshopConnection';
  edges: Array<WorkshopEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type WorkshopEdge = {
  __typename?: 'WorkshopEdge';
  cursor: Scalars['String']['output'];
  node: Workshop;
};

export type WorkshopFormat =
  | 'HYBRID'
  | 'IN_PERSON'
  | 'ONLINE';

export type WorkshopStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'SCHEDULED';

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
  CertificationGap: CertificationGap;
  City: City;
  MentoringPair: MentoringPair;
  Workshop: Workshop;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  CertificationGap:
    ( { __typename: 'CertificationGap' }
    & GraphQLRecursivePick<FederationTypes['CertificationGap'], {"cityId":true,"year":true,"target":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"gapThemes":true}> ) );
  City:
    ( { __typename: 'City' }
    & GraphQLRecursivePick<FederationTypes['City'], {"id":true}> );
  MentoringPair:
    ( { __typename: 'MentoringPair' }
    & GraphQLRecursivePick<FederationTypes['MentoringPair'], {"id":true}> );
  Workshop:
    ( { __typename: 'Workshop' }
    & GraphQLRecursivePick<FederationTypes['Workshop'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  CacheControlScope: CacheControlScope;
  CancelRegistrationResult: ResolverTypeWrapper<Omit<CancelRegistrationResult, 'promoted' | 'registration' | 'workshop'> & { promoted?: Maybe<ResolversTypes['Registration']>, registration: ResolversTypes['Registration'], workshop: ResolversTypes['Workshop'] }>;
  CertificationGap: ResolverTypeWrapper<GapRepresentation>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CertificationLevel: CertificationLevel;
  City: ResolverTypeWrapper<CityRef>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  MentoringPair: ResolverTypeWrapper<StoredMentoringPair>;
  MentoringPairConnection: ResolverTypeWrapper<Omit<MentoringPairConnection, 'edges'> & { edges: Array<ResolversTypes['MentoringPairEdge']> }>;
  MentoringPairEdge: ResolverTypeWrapper<Omit<MentoringPairEdge, 'node'> & { node: ResolversTypes['MentoringPair'] }>;
  MentoringSession: ResolverTypeWrapper<MentoringSession>;
  MentoringSessionInput: MentoringSessionInput;
  MentoringStatus: MentoringStatus;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Registration: ResolverTypeWrapper<StoredRegistration>;
  RegistrationConnection: ResolverTypeWrapper<Omit<RegistrationConnection, 'edges'> & { edges: Array<ResolversTypes['RegistrationEdge']> }>;
  RegistrationEdge: ResolverTypeWrapper<Omit<RegistrationEdge, 'node'> & { node: ResolversTypes['Registration'] }>;
  RegistrationStatus: RegistrationStatus;
  ScheduleWorkshopInput: ScheduleWorkshopInput;
  UpdateWorkshopInput: UpdateWorkshopInput;
  Workshop: ResolverTypeWrapper<StoredWorkshop>;
  WorkshopConnection: ResolverTypeWrapper<Omit<WorkshopConnection, 'edges'> & { edges: Array<ResolversTypes['WorkshopEdge']> }>;
  WorkshopEdge: ResolverTypeWrapper<Omit<WorkshopEdge, 'node'> & { node: ResolversTypes['Workshop'] }>;
  WorkshopFormat: WorkshopFormat;
  WorkshopStatus: WorkshopStatus;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  CancelRegistrationResult: Omit<CancelRegistrationResult, 'promoted' | 'registration' | 'workshop'> & { promoted?: Maybe<ResolversParentTypes['Registration']>, registration: ResolversParentTypes['Registration'], workshop: ResolversParentTypes['Workshop'] };
  CertificationGap: GapRepresentation;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  City: CityRef;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  MentoringPair: StoredMentoringPair;
  MentoringPairConnection: Omit<MentoringPairConnection, 'edges'> & { edges: Array<ResolversParentTypes['MentoringPairEdge']> };
  MentoringPairEdge: Omit<MentoringPairEdge, 'node'> & { node: ResolversParentTypes['MentoringPair'] };
  MentoringSession: MentoringSession;
  MentoringSessionInput: MentoringSessionInput;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  Registration: StoredRegistration;
  RegistrationConnection: Omit<RegistrationConnection, 'edges'> & { edges: Array<ResolversParentTypes['RegistrationEdge']> };
  RegistrationEdge: Omit<RegistrationEdge, 'node'> & { node: ResolversParentTypes['Registration'] };
  ScheduleWorkshopInput: ScheduleWorkshopInput;
  UpdateWorkshopInput: UpdateWorkshopInput;
  Workshop: StoredWorkshop;
  WorkshopConnection: Omit<WorkshopConnection, 'edges'> & { edges: Array<ResolversParentTypes['WorkshopEdge']> };
  WorkshopEdge: Omit<WorkshopEdge, 'node'> & { node: ResolversParentTypes['Workshop'] };
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = Context, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CancelRegistrationResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CancelRegistrationResult'] = ResolversParentTypes['CancelRegistrationResult']> = ResolversObject<{
  promoted?: Resolver<Maybe<ResolversTypes['Registration']>, ParentType, ContextType>;
  registration?: Resolver<ResolversTypes['Registration'], ParentType, ContextType>;
  workshop?: Resolver<ResolversTypes['Workshop'], ParentType, ContextType>;
}>;

export type CertificationGapResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CertificationGap'] = ResolversParentTypes['CertificationGap'], FederationReferenceType extends FederationReferenceTypes['CertificationGap'] = FederationReferenceTypes['CertificationGap']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CertificationGap']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['CertificationLevel'], ParentType, ContextType>;
  upcomingWorkshops?: Resolver<Array<ResolversTypes['Workshop']>, ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['City'] = ResolversParentTypes['City'], FederationReferenceType extends FederationReferenceTypes['City'] = FederationReferenceTypes['City']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['City']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mentoring?: Resolver<Array<ResolversTypes['MentoringPair']>, ParentType, ContextType>;
  upcomingWorkshops?: Resolver<Array<ResolversTypes['Workshop']>, ParentType, ContextType, Partial<CityUpcomingWorkshopsArgs>>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MentoringPairResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MentoringPair'] = ResolversParentTypes['MentoringPair'], FederationReferenceType extends FederationReferenceTypes['MentoringPair'] = FederationReferenceTypes['MentoringPair']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['MentoringPair']> | FederationReferenceType, FederationReferenceType, ContextType>;
  closedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  focusThemes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mentee?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
  mentor?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
  sessions?: Resolver<Array<ResolversTypes['MentoringSession']>, ParentType, ContextType>;
  startedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MentoringStatus'], ParentType, ContextType>;
}>;

export type MentoringPairConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MentoringPairConnection'] = ResolversParentTypes['MentoringPairConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['MentoringPairEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MentoringPairEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MentoringPairEdge'] = ResolversParentTypes['MentoringPairEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['MentoringPair'], ParentType, ContextType>;
}>;

export type MentoringSessionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MentoringSession'] = ResolversParentTypes['MentoringSession']> = ResolversObject<{
  durationMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  format?: Resolver<ResolversTypes['WorkshopFormat'], ParentType, ContextType>;
  heldAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  summary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cancelRegistration?: Resolver<ResolversTypes['CancelRegistrationResult'], ParentType, ContextType, RequireFields<MutationCancelRegistrationArgs, 'registrationId'>>;
  cancelWorkshop?: Resolver<ResolversTypes['Workshop'], ParentType, ContextType, RequireFields<MutationCancelWorkshopArgs, 'id' | 'reason'>>;
  closeMentoringPair?: Resolver<ResolversTypes['MentoringPair'], ParentType, ContextType, RequireFields<MutationCloseMentoringPairArgs, 'pairId'>>;
  logMentoringSession?: Resolver<ResolversTypes['MentoringPair'], ParentType, ContextType, RequireFields<MutationLogMentoringSessionArgs, 'input' | 'pairId'>>;
  pairMentor?: Resolver<ResolversTypes['MentoringPair'], ParentType, ContextType, RequireFields<MutationPairMentorArgs, 'focusThemes' | 'menteeCityId' | 'mentorCityId'>>;
  registerForWorkshop?: Resolver<ResolversTypes['Registration'], ParentType, ContextType, RequireFields<MutationRegisterForWorkshopArgs, 'cityId' | 'workshopId'>>;
  scheduleWorkshop?: Resolver<ResolversTypes['Workshop'], ParentType, ContextType, RequireFields<MutationScheduleWorkshopArgs, 'input'>>;
  updateWorkshop?: Resolver<ResolversTypes['Workshop'], ParentType, ContextType, RequireFields<MutationUpdateWorkshopArgs, 'id' | 'input'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  mentoringPair?: Resolver<Maybe<ResolversTypes['MentoringPair']>, ParentType, ContextType, RequireFields<QueryMentoringPairArgs, 'id'>>;
  mentoringPairs?: Resolver<ResolversTypes['MentoringPairConnection'], ParentType, ContextType, Partial<QueryMentoringPairsArgs>>;
  workshop?: Resolver<Maybe<ResolversTypes['Workshop']>, ParentType, ContextType, RequireFields<QueryWorkshopArgs, 'id'>>;
  workshops?: Resolver<ResolversTypes['WorkshopConnection'], ParentType, ContextType, Partial<QueryWorkshopsArgs>>;
}>;

export type RegistrationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Registration'] = ResolversParentTypes['Registration']> = ResolversObject<{
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  city?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
  confirmedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  registeredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RegistrationStatus'], ParentType, ContextType>;
  waitlistPosition?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  workshop?: Resolver<ResolversTypes['Workshop'], ParentType, ContextType>;
}>;

export type RegistrationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RegistrationConnection'] = ResolversParentTypes['RegistrationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['RegistrationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type RegistrationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RegistrationEdge'] = ResolversParentTypes['RegistrationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Registration'], ParentType, ContextType>;
}>;

export type WorkshopResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Workshop'] = ResolversParentTypes['Workshop'], FederationReferenceType extends FederationReferenceTypes['Workshop'] = FederationReferenceTypes['Workshop']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Workshop']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cancellationReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  capacity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  endsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  facilitator?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  format?: Resolver<ResolversTypes['WorkshopFormat'], ParentType, ContextType>;
  hostCity?: Resolver<Maybe<ResolversTypes['City']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  localStartsAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registrations?: Resolver<ResolversTypes['RegistrationConnection'], ParentType, ContextType, Partial<WorkshopRegistrationsArgs>>;
  seatsAvailable?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  seatsTaken?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WorkshopStatus'], ParentType, ContextType>;
  themes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  timezone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  waitlist?: Resolver<ResolversTypes['RegistrationConnection'], ParentType, ContextType, Partial<WorkshopWaitlistArgs>>;
}>;

export type WorkshopConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkshopConnection'] = ResolversParentTypes['WorkshopConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['WorkshopEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type WorkshopEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkshopEdge'] = ResolversParentTypes['WorkshopEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Workshop'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  CancelRegistrationResult?: CancelRegistrationResultResolvers<ContextType>;
  CertificationGap?: CertificationGapResolvers<ContextType>;
  City?: CityResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  MentoringPair?: MentoringPairResolvers<ContextType>;
  MentoringPairConnection?: MentoringPairConnectionResolvers<ContextType>;
  MentoringPairEdge?: MentoringPairEdgeResolvers<ContextType>;
  MentoringSession?: MentoringSessionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Registration?: RegistrationResolvers<ContextType>;
  RegistrationConnection?: RegistrationConnectionResolvers<ContextType>;
  RegistrationEdge?: RegistrationEdgeResolvers<ContextType>;
  Workshop?: WorkshopResolvers<ContextType>;
  WorkshopConnection?: WorkshopConnectionResolvers<ContextType>;
  WorkshopEdge?: WorkshopEdgeResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;
