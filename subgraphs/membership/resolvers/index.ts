import { DateScalar, DateTimeScalar } from '../../../lib/graphql/scalars';
import type * as Schema from '../generated/resolvers-types';
import type {
  ApplicationStepDoc,
  CityDoc,
  CityNameDoc,
  DuesPaymentDoc,
  EnrolmentDoc,
  MemberContactsDoc,
  MemberDoc,
  ProgrammeApplicationDoc,
  ProgrammeRoundDoc,
} from '../data/types';
import type { CitySuggestionView, MemberDuesView, ProgrammeRateView } from '../domain/views';
import { City } from './City';
import { CitySuggestion } from './CitySuggestion';
import { Member } from './Member';
import { Mutation } from './Mutation';
import { ProgrammeApplication } from './ProgrammeApplication';
import { ProgrammeEnrolment } from './ProgrammeEnrolment';
import { ProgrammeRound } from './ProgrammeRound';
import { Query } from './Query';

/** The resolver map, typed by the types generated from schema.graphql (npm run codegen). */
export const resolvers: Schema.Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  City,
  CitySuggestion,
  Member,
  ProgrammeEnrolment,
  ProgrammeRound,
  ProgrammeApplication,
};

/**
 * The compiler's check that the resolvers and documents serve schema.graphql exactly. The generated
 * `Resolvers` type allows any extra key (index signatures), and a field without a resolver is read
 * from the document by the default resolver, so for each type mapped to a document (codegen.ts):
 * every field of the type has a resolver or a document property of a fitting type, and every
 * resolver is for a field of the type. Renaming a field in the SDL (then `npm run codegen`) fails here.
 */
type Fields<G> = Exclude<keyof G, '__typename'>;
type Unserved<G, R, D> = Exclude<Fields<G>, keyof R | keyof D>;
type Misfit<G, R, D> = { [K in Exclude<Fields<G>, keyof R> & keyof D]: D[K] extends G[K] ? never : K }[Exclude<Fields<G>, keyof R> & keyof D];
type Stray<G, R> = Exclude<keyof R, Fields<G> | '__resolveReference' | '__isTypeOf'>;
type Serves<G, R, D = object> = [Unserved<G, R, D>, Misfit<G, R, D>, Stray<G, R>] extends [never, never, never]
  ? true
  : { unserved: Unserved<G, R, D>; misfit: Misfit<G, R, D>; stray: Stray<G, R> };

export const SERVES_SCHEMA: [
  Serves<Schema.Query, typeof Query>,
  Serves<Schema.Mutation, typeof Mutation>,
  Serves<Schema.City, typeof City, CityDoc>,
  Serves<Schema.CityName, object, CityNameDoc>,
  Serves<Schema.Member, typeof Member, MemberDoc>,
  Serves<Schema.Membership, object, MemberDoc>,
  Serves<Schema.MemberContacts, object, MemberContactsDoc>,
  Serves<Schema.MemberDues, object, MemberDuesView>,
  Serves<Schema.DuesPayment, object, DuesPaymentDoc>,
  Serves<Schema.ProgrammeEnrolment, typeof ProgrammeEnrolment, EnrolmentDoc>,
  Serves<Schema.ProgrammeRate, object, ProgrammeRateView>,
  Serves<Schema.ProgrammeRound, typeof ProgrammeRound, ProgrammeRoundDoc>,
  Serves<Schema.ProgrammeApplication, typeof ProgrammeApplication, ProgrammeApplicationDoc>,
  Serves<Schema.ProgrammeApplicationStep, object, ApplicationStepDoc>,
  Serves<Schema.CitySuggestion, typeof CitySuggestion, CitySuggestionView>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
