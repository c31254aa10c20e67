import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { StoredWorkshop, StoredRegistration, StoredMentoringPair } from '../data/types';
import { SessionView, CityRef, GapRepresentation } from '../domain/views';
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
  /** A calendar date, YYYY-MM-DD, that exists (31 April is refused). */
  Date: { input: string; output: string; }
  /** An instant, ISO-8601 in UTC; input needs a real calendar date and time and an offset (Z or ±hh:mm). */
  DateTime: { input: Date | string; output: Date | string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A city whose registration ended because the organiser cancelled the workshop: who to tell. */
export type AffectedCity = {
  __typename?: 'AffectedCity';
  city: City;
  /** The member's focal point (membership) first, then the registered participants. */
  contacts: Array<CityContact>;
  /** The status the cancellation ended (CONFIRMED or WAITLISTED). */
  previousStatus: RegistrationStatus;
  registration: Registration;
};

/** What CityNet staff recorded once the workshop had started. */
export type Attendance = {
  __typename?: 'Attendance';
  attended: Scalars['Boolean']['output'];
  /** How many of the city's people were in the room. */
  participantsPresent: Scalars['Int']['output'];
  recordedAt: Scalars['DateTime']['output'];
};

export type AttendanceInput = {
  /** Whether the city attended. */
  attended: Scalars['Boolean']['input'];
  /**
   * How many of the city's people were present: at least 1 when attended (and at least the named ones),
   * at most its confirmed participants; 0 or left out when not. Defaults to the named ones present, or
   * else all confirmed participants.
   */
  participantsPresent?: InputMaybe<Scalars['Int']['input']>;
  /** The named participants present (ids from Registration.participants); leave out to give a head count only. */
  presentParticipantIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** A workshop a city attended. */
export type AttendedWorkshop = {
  __typename?: 'AttendedWorkshop';
  /** The day it started, in the workshop's own time zone. */
  attendedOn: Scalars['Date']['output'];
  /** How many of the city's people were present. */
  participantsPresent: Scalars['Int']['output'];
  /** The workshop's ISO 37120 themes. */
  themes: Array<Scalars['String']['output']>;
  workshop: Workshop;
};

export type AttendedWorkshopConnection = {
  __typename?: 'AttendedWorkshopConnection';
  edges: Array<AttendedWorkshopEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AttendedWorkshopEdge = {
  __typename?: 'AttendedWorkshopEdge';
  cursor: Scalars['String']['output'];
  node: AttendedWorkshop;
};

export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

export type CancelRegistrationResult = {
  __typename?: 'CancelRegistrationResult';
  /** The first registration whose people got the freed seats, if any. */
  promoted?: Maybe<Registration>;
  /** Every registration whose people moved up from the waitlist. */
  promotedRegistrations: Array<Registration>;
  /** The cancelled registration. */
  registration: Registration;
  workshop: Workshop;
};

/** The workshops subgraph's part of the gap to a target level (see City.certificationGap). */
export type CertificationGap = {
  __typename?: 'CertificationGap';
  /**
   * Gap themes the city attended a workshop on after this data year (City.workshopHistory): its data for
   * the year predates that training, so no more workshops are suggested on them. A theme attended in or
   * before the data year that is still a gap is not listed (the training did not close it).
   */
  attendedThemes: Array<Scalars['String']['output']>;
  cityId: Scalars['ID']['output'];
  gapThemes: Array<Scalars['String']['output']>;
  mentorPool: Array<Scalars['String']['output']>;
  /**
   * The possible mentors (latest certification Silver or higher) ranked by what they can actually teach:
   * VERIFIED supporting indicators in the gap's themes, then the same region or population band as the
   * city, then capacity (fewer active mentoring pairs); each with the reasons. Cities with nothing
   * verified in the gap's themes are left out. At most `first` (default 10, at most 50).
   */
  suggestedMentors: Array<MentorSuggestion>;
  target: CertificationLevel;
  /**
   * Upcoming scheduled workshops on the themes where the gap lies, soonest first (at most 10). A workshop
   * only on gap themes the city attended already after this data year (attendedThemes) is left out.
   */
  upcomingWorkshops: Array<Workshop>;
  year: Scalars['Int']['output'];
};


/** The workshops subgraph's part of the gap to a target level (see City.certificationGap). */
export type CertificationGapSuggestedMentorsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
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
  /** The workshops the city attended (as recorded by CityNet staff), with their themes, most recent first. */
  workshopHistory: AttendedWorkshopConnection;
};


export type CityUpcomingWorkshopsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type CityWorkshopHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type CityContact = {
  __typename?: 'CityContact';
  email: Scalars['String']['output'];
  kind: ContactKind;
  name: Scalars['String']['output'];
  /** The participant's role; null for a focal point. */
  role?: Maybe<Scalars['String']['output']>;
};

export type ContactKind =
  /** The CityNet member's focal point (membership). */
  | 'FOCAL_POINT'
  /** A person registered for the workshop. */
  | 'PARTICIPANT';

/** A city that could mentor the gap's city, and why. */
export type MentorSuggestion = {
  __typename?: 'MentorSuggestion';
  /** ACTIVE pairs in which the city mentors now (fewer: more capacity). */
  activeMentoringPairs: Scalars['Int']['output'];
  city: City;
  /** The data year of the mentor's latest certification, whose verified data is compared. */
  dataYear: Scalars['Int']['output'];
  /** The mentor's population band, e.g. 1 to 5 million; null when its population is unknown. */
  populationBand?: Maybe<Scalars['String']['output']>;
  /** Why the city is suggested, criterion by criterion. */
  reasons: Array<Scalars['String']['output']>;
  /** In the same population band as the gap's city. */
  samePopulationBand: Scalars['Boolean']['output'];
  /** In the same region as the gap's city. */
  sameRegion: Scalars['Boolean']['output'];
  /** The same per gap theme, most first (themes with none left out). */
  verifiedSupportingByTheme: Array<ThemeCount>;
  /** VERIFIED supporting indicators the mentor has in the gap's themes (the first criterion). */
  verifiedSupportingInGapThemes: Scalars['Int']['output'];
  /** Gap themes in which the mentor has every core indicator VERIFIED. */
  verifiedThemes: Array<Scalars['String']['output']>;
};

export type MentoringOutcome = {
  __typename?: 'MentoringOutcome';
  result: MentoringResult;
  summary: Scalars['String']['output'];
};

export type MentoringOutcomeInput = {
  result: MentoringResult;
  /** What the pair achieved, 3–2000 characters. */
  summary: Scalars['String']['input'];
};

/** A mentor city guiding a mentee city on some ISO 37120 themes. */
export type MentoringPair = {
  __typename?: 'MentoringPair';
  /** The day it closed, in the mentor's local calendar. */
  closedOn?: Maybe<Scalars['Date']['output']>;
  focusThemes: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  mentee: City;
  mentor: City;
  /** What the pair achieved, recorded when it closed. */
  outcome?: Maybe<MentoringOutcome>;
  sessions: Array<MentoringSession>;
  /** The first day, in the mentor's local calendar. */
  startedOn: Scalars['Date']['output'];
  status: MentoringStatus;
  /** The mentor city's IANA time zone: days and session times are local to it. */
  timezone: Scalars['String']['output'];
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

export type MentoringResult =
  | 'DISCONTINUED'
  | 'GOALS_MET'
  | 'NOT_MET'
  | 'PARTLY_MET';

export type MentoringSession = {
  __typename?: 'MentoringSession';
  durationMinutes: Scalars['Int']['output'];
  format: WorkshopFormat;
  heldAt: Scalars['DateTime']['output'];
  /** When it was held, in the mentor's time zone, ISO-8601 with offset. */
  localHeldAt: Scalars['String']['output'];
  summary?: Maybe<Scalars['String']['output']>;
};

export type MentoringSessionInput = {
  /** 1 to 1440. */
  durationMinutes: Scalars['Int']['input'];
  format: WorkshopFormat;
  /** When the session was held, with its offset (not in the future, not before the pair's first day in the mentor's local calendar). */
  heldAt: Scalars['DateTime']['input'];
  summary?: InputMaybe<Scalars['String']['input']>;
};

export type MentoringStatus =
  | 'ACTIVE'
  | 'CLOSED';

/**
 * CityNet capacity-building workflows. Workshops, attendance and mentoring need CITYNET_STAFF;
 * registrations and participants a CITY_OFFICER of the registering city or CITYNET_STAFF. Anonymous
 * callers get UNAUTHENTICATED, other roles (or an officer of another city) FORBIDDEN; input is validated
 * before anything is written (BAD_USER_INPUT with the offending path in `extensions.field`); a rule of
 * the workflow that forbids the change now is a CONFLICT; every change is audited in the same
 * single-document write as the change. Messages give times in the workshop's (or the mentor's) zone
 * next to UTC.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Adds people to a live registration: each takes a free seat while nobody waits, else goes to the end
   * of the waitlist; the first one named fills a seat booked without a name. The workshop's cap per
   * city applies (BAD_USER_INPUT).
   */
  addParticipants: Registration;
  /** Cancels a registration with all its people; the freed seats go to the waitlist in order. */
  cancelRegistration: CancelRegistrationResult;
  /**
   * Cancels a workshop still SCHEDULED, and in the same write every registration and waitlist entry
   * (CANCELLED_BY_ORGANISER, with the reason); seats taken drop to 0. Select `affectedCities` for the
   * cities to tell, with their contacts.
   */
  cancelWorkshop: Workshop;
  /** Closes an ACTIVE pair today (the mentor's local day), recording what it achieved. */
  closeMentoringPair: MentoringPair;
  /** Logs a session held by an ACTIVE pair: not in the future, not before the pair's first day in the mentor's local calendar. */
  logMentoringSession: MentoringPair;
  /**
   * Pairs an eligible mentor city with a mentee city on some ISO 37120 themes; one ACTIVE pair per two
   * cities. The mentor must be certified at or above the configured level (MENTOR_MIN_LEVEL, default
   * SILVER) in its latest certification in force, or have verified data in every focus theme: otherwise
   * FORBIDDEN with the reason. `startedOn` (the mentor's local day; today by default) may be up to 365
   * days in the past, never in the future.
   */
  pairMentor: MentoringPair;
  /**
   * Records (or corrects) a registration's attendance once the workshop has started (IN_PROGRESS or
   * COMPLETED; before that, CONFLICT). Only a CONFIRMED registration can have attended.
   */
  recordAttendance: Registration;
  /**
   * Registers a city, naming its participants (without any, one unnamed seat is booked): each person
   * takes a seat while seats remain and nobody waits, else goes to the end of the waitlist. At most
   * the workshop's maxParticipantsPerCity people (BAD_USER_INPUT). A city registers once (CONFLICT;
   * after cancelling it may register again, at the end of the queue). A workshop no longer SCHEDULED:
   * CONFLICT.
   */
  registerForWorkshop: Registration;
  /**
   * Schedules a workshop. IN_PERSON and HYBRID workshops take the host city's time zone (a different
   * `timezone` is refused, naming both); ONLINE ones need one. Neither its host city nor its facilitator
   * may have another workshop (not cancelled) overlapping [startsAt, endsAt) — compared as instants,
   * whatever offsets they were given in (CONFLICT).
   */
  scheduleWorkshop: Workshop;
  /** Changes a workshop still SCHEDULED; the same zone and double-booking rules apply. Capacity cannot drop below the confirmed participants; raising it promotes waitlisted participants. */
  updateWorkshop: Workshop;
};


/**
 * CityNet capacity-building workflows. Workshops, attendance and mentoring need CITYNET_STAFF;
 * registrations and participants a CITY_OFFICER of the registering city or CITYNET_STAFF. Anonymous
 * callers get UNAUTHENTICATED, other roles (or an officer of another city) FORBIDDEN; input is validated
 * before anything is written (BAD_USER_INPUT with the offending path in `extensions.field`); a rule of
 * the workflow that forbids the change now is a CONFLICT; every change is audited in the same
 * single-document write as the change. Messages give times in the workshop's (or the mentor's) zone
 * next to UTC.
 */
export type MutationAddParticipantsArgs = {
  participants: Array<ParticipantInput>;
  registrationId: Scalars['ID']['input'];
};


/**
 * CityNet capacity-building workflows. Workshops, attendance and mentoring need CITYNET_STAFF;
 * registrations and participants a CITY_OFFICER of the registering city or CITYNET_STAFF. Anonymous
 * callers get UNAUTHENTICATED, other roles (or an officer of another city) FORBIDDEN; input is validated
 * before anything is written (BAD_USER_INPUT with the offending path in `extensions.field`); a rule of
 * the workflow that forbids the change now is a CONFLICT; every change is audited in the same
 * single-document write as the change. Messages give times in the workshop's (or the mentor's) zone
 * next to UTC.
 */
export type MutationCancelRegistrationArgs = {
  registrationId: Scalars['ID']['input'];
};


/**
 * CityNet capacity-building workflows. Workshops, attendance and mentoring need CITYNET_STAFF;
 * registrations and participants a CITY_OFFICER of the registering city or CITYNET_STAFF. Anonymous
 * callers get UNAUTHENTICATED, other roles (or an officer of another city) FORBIDDEN; input is validated
 * before anything is written (BAD_USER_INPUT with the offending path in `extensions.field`); a rule of
 * the workflow that forbids the change now is a CONFLICT; every change is audited in the same
 * single-document write as the change. Messages give times in the workshop's (or the mentor's) zone
 * next to UTC.
 */
export type MutationCancelWorkshopArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * CityNet capacity-building workflows. Workshops, attendance and mentoring need CITYNET_STAFF;
 * registrations and participants a CITY_OFFICER of the registering city or CITYNET_STAFF. Anonymous
 * callers get UNAUTHENTICATED, other roles (or an officer of another city) FORBIDDEN; input is validated
 * before anything is written (BAD_USER_INPUT with the offending path in `extensions.field`); a rule of
 * the workflow that forbids the change now is a CONFLICT; every change is audited in the same
 * single-document write as the change. Messages give times in the workshop's (or the mentor's) zone
 * next to UTC.
 */
export type MutationCloseMentoringPairArgs = {
  outcome: MentoringOutcomeInput;
  pairId: Scalars['ID']['input'];
};


/**
 * CityNet capacity-building workflows. Workshops, attendance and mentoring need CITYNET_STAFF;
 * registrations and participants a CITY_OFFICER of the registering city or CITYNET_STAFF. Anonymous
 * callers get UNAUTHENTICATED, other roles (or an officer of another city) FORBIDDEN; input is validated
 * before anything is written (BAD_USER_INPUT with the offending path in `extensions.field`); a rule of
 * the workflow that forbids the change now is a CONFLICT; every change is audited in the same
 * single-document write as the change. Messages give times in the workshop's (or the mentor's) zone
 * next to UTC.
 */
export type MutationLogMentoringSessionArgs = {
  input: MentoringSessionInput;
  pairId: Scalars['ID']['input'];
};


/**
 * CityNet capacity-building workflows. Workshops, attendance and mentoring need CITYNET_STAFF;
 * registrations and participants a CITY_OFFICER of the registering city or CITYNET_STAFF. Anonymous
 * callers get UNAUTHENTICATED, other roles (or an officer of another city) FORBIDDEN; input is validated
 * before anything is written (BAD_USER_INPUT with the offending path in `extensions.field`); a rule of
 * the workflow that forbids the change now is a CONFLICT; every change is audited in the same
 * single-document write as the change. Messages give times in the workshop's (or the mentor's) zone
 * next to UTC.
 */
export type MutationPairMentorArgs = {
  focusThemes: Array<Scalars['String']['input']>;
  menteeCityId: Scalars['ID']['input'];
  mentorCityId: Scalars['ID']['input'];
  startedOn?: InputMaybe<Scalars['Date']['input']>;
};


/**
 * CityNet capacity-building workflows. Workshops, attendance and mentoring need CITYNET_STAFF;
 * registrations and participants a CITY_OFFICER of the registering city or CITYNET_STAFF. Anonymous
 * callers get UNAUTHENTICATED, other roles (or an officer of another city) FORBIDDEN; input is validated
 * before anything is written (BAD_USER_INPUT with the offending path in `extensions.field`); a rule of
 * the workflow that forbids the change now is a CONFLICT; every change is audited in the same
 * single-document write as the change. Messages give times in the workshop's (or the mentor's) zone
 * next to UTC.
 */
export type MutationRecordAttendanceArgs = {
  input: AttendanceInput;
  registrationId: Scalars['ID']['input'];
};


/**
 * CityNet capacity-building workflows. Workshops, attendance and mentoring need CITYNET_STAFF;
 * registrations and participants a CITY_OFFICER of the registering city or CITYNET_STAFF. Anonymous
 * callers get UNAUTHENTICATED, other roles (or an officer of another city) FORBIDDEN; input is validated
 * before anything is written (BAD_USER_INPUT with the offending path in `extensions.field`); a rule of
 * the workflow that forbids the change now is a CONFLICT; every change is audited in the same
 * single-document write as the change. Messages give times in the workshop's (or the mentor's) zone
 * next to UTC.
 */
export type MutationRegisterForWorkshopArgs = {
  cityId: Scalars['ID']['input'];
  participants?: InputMaybe<Array<ParticipantInput>>;
  workshopId: Scalars['ID']['input'];
};


/**
 * CityNet capacity-building workflows. Workshops, attendance and mentoring need CITYNET_STAFF;
 * registrations and participants a CITY_OFFICER of the registering city or CITYNET_STAFF. Anonymous
 * callers get UNAUTHENTICATED, other roles (or an officer of another city) FORBIDDEN; input is validated
 * before anything is written (BAD_USER_INPUT with the offending path in `extensions.field`); a rule of
 * the workflow that forbids the change now is a CONFLICT; every change is audited in the same
 * single-document write as the change. Messages give times in the workshop's (or the mentor's) zone
 * next to UTC.
 */
export type MutationScheduleWorkshopArgs = {
  input: ScheduleWorkshopInput;
};


/**
 * CityNet capacity-building workflows. Workshops, attendance and mentoring need CITYNET_STAFF;
 * registrations and participants a CITY_OFFICER of the registering city or CITYNET_STAFF. Anonymous
 * callers get UNAUTHENTICATED, other roles (or an officer of another city) FORBIDDEN; input is validated
 * before anything is written (BAD_USER_INPUT with the offending path in `extensions.field`); a rule of
 * the workflow that forbids the change now is a CONFLICT; every change is audited in the same
 * single-document write as the change. Messages give times in the workshop's (or the mentor's) zone
 * next to UTC.
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

/** A person a city sends to a workshop: each one takes a seat or a place on the waitlist. */
export type Participant = {
  __typename?: 'Participant';
  email: Scalars['String']['output'];
  /** Unique within the registration (p1, p2, ...). */
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Whether the person was recorded as present; null until attendance is recorded. */
  present?: Maybe<Scalars['Boolean']['output']>;
  /** The person's role in the city's administration, e.g. Data officer. */
  role: Scalars['String']['output'];
  /** CONFIRMED (a seat) or WAITLISTED; once the registration is cancelled, its status. */
  status: RegistrationStatus;
  /** 1-based position among all the workshop's waiting participants; null with a seat. */
  waitlistPosition?: Maybe<Scalars['Int']['output']>;
};

export type ParticipantInput = {
  /** An e-mail address; each person once per registration. */
  email: Scalars['String']['input'];
  /** 2–200 characters. */
  name: Scalars['String']['input'];
  /** 2–100 characters, e.g. Data officer. */
  role: Scalars['String']['input'];
};

/** CityNet capacity building: workshops (with registrations) and city-to-city mentoring. */
export type Query = {
  __typename?: 'Query';
  mentoringPair?: Maybe<MentoringPair>;
  mentoringPairs: MentoringPairConnection;
  workshop?: Maybe<Workshop>;
  /**
   * Workshops starting in [from, to), optionally on one ISO 37120 theme and in one status (the status
   * Workshop.status shows now: the same boundaries), in start order.
   */
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
  /** Whether the city attended and how many of its people were present; null until staff record it. */
  attendance?: Maybe<Attendance>;
  /** Why the organiser cancelled (CANCELLED_BY_ORGANISER). */
  cancellationReason?: Maybe<Scalars['String']['output']>;
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  city: City;
  /** When the registration got its first seat (on registering, or when promoted from the waitlist). */
  confirmedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Of them, those with a seat. */
  confirmedParticipants: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** The people registered (seats booked without a name count too). */
  participantCount: Scalars['Int']['output'];
  /**
   * The named participants, in the order they were added. CITYNET_STAFF and the city's officers only
   * (others get null and a FORBIDDEN error on this field).
   */
  participants?: Maybe<Array<Participant>>;
  registeredAt: Scalars['DateTime']['output'];
  /** CONFIRMED when any of its participants has a seat, WAITLISTED when all of them wait. */
  status: RegistrationStatus;
  /** 1-based position, among the registrations with people on the waitlist, of this one; null when none of its people waits. */
  waitlistPosition?: Maybe<Scalars['Int']['output']>;
  /** Of them, those on the waitlist. */
  waitlistedParticipants: Scalars['Int']['output'];
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
  /** Cancelled by the city. */
  | 'CANCELLED'
  /** Ended because the organiser cancelled the workshop. */
  | 'CANCELLED_BY_ORGANISER'
  | 'CONFIRMED'
  | 'WAITLISTED';

export type ScheduleWorkshopInput = {
  /** Seats (participants), at least 1. */
  capacity: Scalars['Int']['input'];
  /** After startsAt, at most 14 days later. */
  endsAt: Scalars['DateTime']['input'];
  facilitator?: InputMaybe<Scalars['String']['input']>;
  format: WorkshopFormat;
  /** Required for IN_PERSON and HYBRID workshops. */
  hostCityId?: InputMaybe<Scalars['ID']['input']>;
  /** How many participants one city may register (leave it out for no cap but the capacity). */
  maxParticipantsPerCity?: InputMaybe<Scalars['Int']['input']>;
  /** An instant with its offset, e.g. 2027-03-02T09:00:00+08:00 (a real date and time: 31 April is refused). */
  startsAt: Scalars['DateTime']['input'];
  /** ISO 37120 theme names, e.g. Solid Waste. */
  themes: Array<Scalars['String']['input']>;
  /**
   * The IANA time zone, e.g. Asia/Manila: required for ONLINE workshops; IN_PERSON and HYBRID ones take
   * their host city's (leave it out, or give that same zone).
   */
  timezone?: InputMaybe<Scalars['String']['input']>;
  title: Scalars['String']['input'];
};

export type ThemeCount = {
  __typename?: 'ThemeCount';
  count: Scalars['Int']['output'];
  theme: Scalars['String']['output'];
};

/** Only the fields given change; hostCityId, facilitator, timezone and maxParticipantsPerCity can be cleared with null. */
export type UpdateWorkshopInput = {
  capacity?: InputMaybe<Scalars['Int']['input']>;
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The version the change was based on; a different current version is a CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  facilitator?: InputMaybe<Scalars['String']['input']>;
  format?: InputMaybe<WorkshopFormat>;
  hostCityId?: InputMaybe<Scalars['ID']['input']>;
  maxParticipantsPerCity?: InputMaybe<Scalars['Int']['input']>;
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  themes?: InputMaybe<Array<Scalars['String']['input']>>;
  timezone?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type Workshop = {
  __typename?: 'Workshop';
  /**
   * The cities whose registrations the cancellation ended (CANCELLED workshops; empty otherwise), with
   * their contacts. CITYNET_STAFF only (others get null and a FORBIDDEN error on this field).
   */
  affectedCities?: Maybe<Array<AffectedCity>>;
  /** Why the workshop was cancelled (status CANCELLED). */
  cancellationReason?: Maybe<Scalars['String']['output']>;
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** Seats: each seat is one participant. */
  capacity: Scalars['Int']['output'];
  endsAt: Scalars['DateTime']['output'];
  facilitator?: Maybe<Scalars['String']['output']>;
  format: WorkshopFormat;
  /** The host city; null for workshops that are online only and hosted by the secretariat. */
  hostCity?: Maybe<City>;
  id: Scalars['ID']['output'];
  /** End in the workshop's own time zone, ISO-8601 with offset. */
  localEndsAt: Scalars['String']['output'];
  /** Start in the workshop's own time zone, ISO-8601 with offset, e.g. 2026-03-02T09:00:00+08:00. */
  localStartsAt: Scalars['String']['output'];
  /** How many participants one city may register; null when only the capacity limits it. */
  maxParticipantsPerCity?: Maybe<Scalars['Int']['output']>;
  /** Participants present, summed over the registrations whose attendance was recorded; null before any was. */
  participantsPresent?: Maybe<Scalars['Int']['output']>;
  /** Participants waiting for a seat. */
  participantsWaitlisted: Scalars['Int']['output'];
  /** Registrations in the order they were made. */
  registrations: RegistrationConnection;
  seatsAvailable: Scalars['Int']['output'];
  /** Confirmed participants. */
  seatsTaken: Scalars['Int']['output'];
  startsAt: Scalars['DateTime']['output'];
  /** SCHEDULED before it starts, IN_PROGRESS until it ends, then COMPLETED (by the clock); or CANCELLED. */
  status: WorkshopStatus;
  /** ISO 37120 themes the workshop covers, e.g. Solid Waste. */
  themes: Array<Scalars['String']['output']>;
  /** The IANA time zone the workshop is held in: the host city's for IN_PERSON and HYBRID workshops, the one given for ONLINE ones. */
  timezone: Scalars['String']['output'];
  title: Scalars['String']['output'];
  /** Grows by one with every change of the workshop's details (updateWorkshop, cancelWorkshop); pass it as expectedVersion to refuse a stale edit. */
  version: Scalars['Int']['output'];
  /** The registrations with participants on the waitlist, in promotion order: the first one gets the next seat that frees up. */
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
  /** Cancelled by the organiser. */
  | 'CANCELLED'
  /** Ended (endsAt <= now). */
  | 'COMPLETED'
  /** Started and not ended (startsAt <= now < endsAt). */
  | 'IN_PROGRESS'
  /** Not started yet (before startsAt). */
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
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"gapThemes":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"gapThemes":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"gapThemes":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"gapThemes":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"gapThemes":true,"mentorPool":true}>
        | GraphQLRecursivePick<FederationTypes['CertificationGap'], {"gapThemes":true,"mentorPool":true}>
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
  AffectedCity: ResolverTypeWrapper<Omit<AffectedCity, 'city' | 'registration'> & { city: ResolversTypes['City'], registration: ResolversTypes['Registration'] }>;
  Attendance: ResolverTypeWrapper<Attendance>;
  AttendanceInput: AttendanceInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AttendedWorkshop: ResolverTypeWrapper<Omit<AttendedWorkshop, 'workshop'> & { workshop: ResolversTypes['Workshop'] }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AttendedWorkshopConnection: ResolverTypeWrapper<Omit<AttendedWorkshopConnection, 'edges'> & { edges: Array<ResolversTypes['AttendedWorkshopEdge']> }>;
  AttendedWorkshopEdge: ResolverTypeWrapper<Omit<AttendedWorkshopEdge, 'node'> & { node: ResolversTypes['AttendedWorkshop'] }>;
  CacheControlScope: CacheControlScope;
  CancelRegistrationResult: ResolverTypeWrapper<Omit<CancelRegistrationResult, 'promoted' | 'promotedRegistrations' | 'registration' | 'workshop'> & { promoted?: Maybe<ResolversTypes['Registration']>, promotedRegistrations: Array<ResolversTypes['Registration']>, registration: ResolversTypes['Registration'], workshop: ResolversTypes['Workshop'] }>;
  CertificationGap: ResolverTypeWrapper<GapRepresentation>;
  CertificationLevel: CertificationLevel;
  City: ResolverTypeWrapper<CityRef>;
  CityContact: ResolverTypeWrapper<CityContact>;
  ContactKind: ContactKind;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  MentorSuggestion: ResolverTypeWrapper<Omit<MentorSuggestion, 'city'> & { city: ResolversTypes['City'] }>;
  MentoringOutcome: ResolverTypeWrapper<MentoringOutcome>;
  MentoringOutcomeInput: MentoringOutcomeInput;
  MentoringPair: ResolverTypeWrapper<StoredMentoringPair>;
  MentoringPairConnection: ResolverTypeWrapper<Omit<MentoringPairConnection, 'edges'> & { edges: Array<ResolversTypes['MentoringPairEdge']> }>;
  MentoringPairEdge: ResolverTypeWrapper<Omit<MentoringPairEdge, 'node'> & { node: ResolversTypes['MentoringPair'] }>;
  MentoringResult: MentoringResult;
  MentoringSession: ResolverTypeWrapper<SessionView>;
  MentoringSessionInput: MentoringSessionInput;
  MentoringStatus: MentoringStatus;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Participant: ResolverTypeWrapper<Participant>;
  ParticipantInput: ParticipantInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Registration: ResolverTypeWrapper<StoredRegistration>;
  RegistrationConnection: ResolverTypeWrapper<Omit<RegistrationConnection, 'edges'> & { edges: Array<ResolversTypes['RegistrationEdge']> }>;
  RegistrationEdge: ResolverTypeWrapper<Omit<RegistrationEdge, 'node'> & { node: ResolversTypes['Registration'] }>;
  RegistrationStatus: RegistrationStatus;
  ScheduleWorkshopInput: ScheduleWorkshopInput;
  ThemeCount: ResolverTypeWrapper<ThemeCount>;
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
  AffectedCity: Omit<AffectedCity, 'city' | 'registration'> & { city: ResolversParentTypes['City'], registration: ResolversParentTypes['Registration'] };
  Attendance: Attendance;
  AttendanceInput: AttendanceInput;
  ID: Scalars['ID']['output'];
  AttendedWorkshop: Omit<AttendedWorkshop, 'workshop'> & { workshop: ResolversParentTypes['Workshop'] };
  String: Scalars['String']['output'];
  AttendedWorkshopConnection: Omit<AttendedWorkshopConnection, 'edges'> & { edges: Array<ResolversParentTypes['AttendedWorkshopEdge']> };
  AttendedWorkshopEdge: Omit<AttendedWorkshopEdge, 'node'> & { node: ResolversParentTypes['AttendedWorkshop'] };
  CancelRegistrationResult: Omit<CancelRegistrationResult, 'promoted' | 'promotedRegistrations' | 'registration' | 'workshop'> & { promoted?: Maybe<ResolversParentTypes['Registration']>, promotedRegistrations: Array<ResolversParentTypes['Registration']>, registration: ResolversParentTypes['Registration'], workshop: ResolversParentTypes['Workshop'] };
  CertificationGap: GapRepresentation;
  City: CityRef;
  CityContact: CityContact;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  MentorSuggestion: Omit<MentorSuggestion, 'city'> & { city: ResolversParentTypes['City'] };
  MentoringOutcome: MentoringOutcome;
  MentoringOutcomeInput: MentoringOutcomeInput;
  MentoringPair: StoredMentoringPair;
  MentoringPairConnection: Omit<MentoringPairConnection, 'edges'> & { edges: Array<ResolversParentTypes['MentoringPairEdge']> };
  MentoringPairEdge: Omit<MentoringPairEdge, 'node'> & { node: ResolversParentTypes['MentoringPair'] };
  MentoringSession: SessionView;
  MentoringSessionInput: MentoringSessionInput;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Participant: Participant;
  ParticipantInput: ParticipantInput;
  Query: Record<PropertyKey, never>;
  Registration: StoredRegistration;
  RegistrationConnection: Omit<RegistrationConnection, 'edges'> & { edges: Array<ResolversParentTypes['RegistrationEdge']> };
  RegistrationEdge: Omit<RegistrationEdge, 'node'> & { node: ResolversParentTypes['Registration'] };
  ScheduleWorkshopInput: ScheduleWorkshopInput;
  ThemeCount: ThemeCount;
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

export type AffectedCityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AffectedCity'] = ResolversParentTypes['AffectedCity']> = ResolversObject<{
  city?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
  contacts?: Resolver<Array<ResolversTypes['CityContact']>, ParentType, ContextType>;
  previousStatus?: Resolver<ResolversTypes['RegistrationStatus'], ParentType, ContextType>;
  registration?: Resolver<ResolversTypes['Registration'], ParentType, ContextType>;
}>;

export type AttendanceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Attendance'] = ResolversParentTypes['Attendance']> = ResolversObject<{
  attended?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  participantsPresent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type AttendedWorkshopResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AttendedWorkshop'] = ResolversParentTypes['AttendedWorkshop']> = ResolversObject<{
  attendedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  participantsPresent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  themes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  workshop?: Resolver<ResolversTypes['Workshop'], ParentType, ContextType>;
}>;

export type AttendedWorkshopConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AttendedWorkshopConnection'] = ResolversParentTypes['AttendedWorkshopConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AttendedWorkshopEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AttendedWorkshopEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AttendedWorkshopEdge'] = ResolversParentTypes['AttendedWorkshopEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AttendedWorkshop'], ParentType, ContextType>;
}>;

export type CancelRegistrationResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CancelRegistrationResult'] = ResolversParentTypes['CancelRegistrationResult']> = ResolversObject<{
  promoted?: Resolver<Maybe<ResolversTypes['Registration']>, ParentType, ContextType>;
  promotedRegistrations?: Resolver<Array<ResolversTypes['Registration']>, ParentType, ContextType>;
  registration?: Resolver<ResolversTypes['Registration'], ParentType, ContextType>;
  workshop?: Resolver<ResolversTypes['Workshop'], ParentType, ContextType>;
}>;

export type CertificationGapResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CertificationGap'] = ResolversParentTypes['CertificationGap'], FederationReferenceType extends FederationReferenceTypes['CertificationGap'] = FederationReferenceTypes['CertificationGap']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CertificationGap']> | FederationReferenceType, FederationReferenceType, ContextType>;
  attendedThemes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  cityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  suggestedMentors?: Resolver<Array<ResolversTypes['MentorSuggestion']>, ParentType, ContextType, Partial<CertificationGapSuggestedMentorsArgs>>;
  target?: Resolver<ResolversTypes['CertificationLevel'], ParentType, ContextType>;
  upcomingWorkshops?: Resolver<Array<ResolversTypes['Workshop']>, ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['City'] = ResolversParentTypes['City'], FederationReferenceType extends FederationReferenceTypes['City'] = FederationReferenceTypes['City']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['City']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mentoring?: Resolver<Array<ResolversTypes['MentoringPair']>, ParentType, ContextType>;
  upcomingWorkshops?: Resolver<Array<ResolversTypes['Workshop']>, ParentType, ContextType, Partial<CityUpcomingWorkshopsArgs>>;
  workshopHistory?: Resolver<ResolversTypes['AttendedWorkshopConnection'], ParentType, ContextType, Partial<CityWorkshopHistoryArgs>>;
}>;

export type CityContactResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CityContact'] = ResolversParentTypes['CityContact']> = ResolversObject<{
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ContactKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MentorSuggestionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MentorSuggestion'] = ResolversParentTypes['MentorSuggestion']> = ResolversObject<{
  activeMentoringPairs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  city?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
  dataYear?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  populationBand?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  samePopulationBand?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sameRegion?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  verifiedSupportingByTheme?: Resolver<Array<ResolversTypes['ThemeCount']>, ParentType, ContextType>;
  verifiedSupportingInGapThemes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  verifiedThemes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type MentoringOutcomeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MentoringOutcome'] = ResolversParentTypes['MentoringOutcome']> = ResolversObject<{
  result?: Resolver<ResolversTypes['MentoringResult'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MentoringPairResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MentoringPair'] = ResolversParentTypes['MentoringPair'], FederationReferenceType extends FederationReferenceTypes['MentoringPair'] = FederationReferenceTypes['MentoringPair']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['MentoringPair']> | FederationReferenceType, FederationReferenceType, ContextType>;
  closedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  focusThemes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mentee?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
  mentor?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['MentoringOutcome']>, ParentType, ContextType>;
  sessions?: Resolver<Array<ResolversTypes['MentoringSession']>, ParentType, ContextType>;
  startedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MentoringStatus'], ParentType, ContextType>;
  timezone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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
  localHeldAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  summary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addParticipants?: Resolver<ResolversTypes['Registration'], ParentType, ContextType, RequireFields<MutationAddParticipantsArgs, 'participants' | 'registrationId'>>;
  cancelRegistration?: Resolver<ResolversTypes['CancelRegistrationResult'], ParentType, ContextType, RequireFields<MutationCancelRegistrationArgs, 'registrationId'>>;
  cancelWorkshop?: Resolver<ResolversTypes['Workshop'], ParentType, ContextType, RequireFields<MutationCancelWorkshopArgs, 'id' | 'reason'>>;
  closeMentoringPair?: Resolver<ResolversTypes['MentoringPair'], ParentType, ContextType, RequireFields<MutationCloseMentoringPairArgs, 'outcome' | 'pairId'>>;
  logMentoringSession?: Resolver<ResolversTypes['MentoringPair'], ParentType, ContextType, RequireFields<MutationLogMentoringSessionArgs, 'input' | 'pairId'>>;
  pairMentor?: Resolver<ResolversTypes['MentoringPair'], ParentType, ContextType, RequireFields<MutationPairMentorArgs, 'focusThemes' | 'menteeCityId' | 'mentorCityId'>>;
  recordAttendance?: Resolver<ResolversTypes['Registration'], ParentType, ContextType, RequireFields<MutationRecordAttendanceArgs, 'input' | 'registrationId'>>;
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

export type ParticipantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Participant'] = ResolversParentTypes['Participant']> = ResolversObject<{
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  present?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RegistrationStatus'], ParentType, ContextType>;
  waitlistPosition?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  mentoringPair?: Resolver<Maybe<ResolversTypes['MentoringPair']>, ParentType, ContextType, RequireFields<QueryMentoringPairArgs, 'id'>>;
  mentoringPairs?: Resolver<ResolversTypes['MentoringPairConnection'], ParentType, ContextType, Partial<QueryMentoringPairsArgs>>;
  workshop?: Resolver<Maybe<ResolversTypes['Workshop']>, ParentType, ContextType, RequireFields<QueryWorkshopArgs, 'id'>>;
  workshops?: Resolver<ResolversTypes['WorkshopConnection'], ParentType, ContextType, Partial<QueryWorkshopsArgs>>;
}>;

export type RegistrationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Registration'] = ResolversParentTypes['Registration']> = ResolversObject<{
  attendance?: Resolver<Maybe<ResolversTypes['Attendance']>, ParentType, ContextType>;
  cancellationReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  city?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
  confirmedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  confirmedParticipants?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  participantCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  participants?: Resolver<Maybe<Array<ResolversTypes['Participant']>>, ParentType, ContextType>;
  registeredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RegistrationStatus'], ParentType, ContextType>;
  waitlistPosition?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  waitlistedParticipants?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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

export type ThemeCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ThemeCount'] = ResolversParentTypes['ThemeCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  theme?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type WorkshopResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Workshop'] = ResolversParentTypes['Workshop'], FederationReferenceType extends FederationReferenceTypes['Workshop'] = FederationReferenceTypes['Workshop']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Workshop']> | FederationReferenceType, FederationReferenceType, ContextType>;
  affectedCities?: Resolver<Maybe<Array<ResolversTypes['AffectedCity']>>, ParentType, ContextType>;
  cancellationReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  capacity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  endsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  facilitator?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  format?: Resolver<ResolversTypes['WorkshopFormat'], ParentType, ContextType>;
  hostCity?: Resolver<Maybe<ResolversTypes['City']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  localEndsAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  localStartsAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maxParticipantsPerCity?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  participantsPresent?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  participantsWaitlisted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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
  AffectedCity?: AffectedCityResolvers<ContextType>;
  Attendance?: AttendanceResolvers<ContextType>;
  AttendedWorkshop?: AttendedWorkshopResolvers<ContextType>;
  AttendedWorkshopConnection?: AttendedWorkshopConnectionResolvers<ContextType>;
  AttendedWorkshopEdge?: AttendedWorkshopEdgeResolvers<ContextType>;
  CancelRegistrationResult?: CancelRegistrationResultResolvers<ContextType>;
  CertificationGap?: CertificationGapResolvers<ContextType>;
  City?: CityResolvers<ContextType>;
  CityContact?: CityContactResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  MentorSuggestion?: MentorSuggestionResolvers<ContextType>;
  MentoringOutcome?: MentoringOutcomeResolvers<ContextType>;
  MentoringPair?: MentoringPairResolvers<ContextType>;
  MentoringPairConnection?: MentoringPairConnectionResolvers<ContextType>;
  MentoringPairEdge?: MentoringPairEdgeResolvers<ContextType>;
  MentoringSession?: MentoringSessionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Participant?: ParticipantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Registration?: RegistrationResolvers<ContextType>;
  RegistrationConnection?: RegistrationConnectionResolvers<ContextType>;
  RegistrationEdge?: RegistrationEdgeResolvers<ContextType>;
  ThemeCount?: ThemeCountResolvers<ContextType>;
  Workshop?: WorkshopResolvers<ContextType>;
  WorkshopConnection?: WorkshopConnectionResolvers<ContextType>;
  WorkshopEdge?: WorkshopEdgeResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;
