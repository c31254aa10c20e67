import { DateScalar, DateTimeScalar } from '../../../lib/graphql/scalars';
import type * as Gql from '../generated/resolvers-types';
import type { Resolvers } from '../generated/resolvers-types';
import type { StoredMentoringPair, StoredRegistration, StoredWorkshop } from '../data/types';
import type { CityRef, GapRepresentation, SessionView } from '../domain/views';
import { CertificationGap } from './CertificationGap';
import { City } from './City';
import { MentoringPair } from './MentoringPair';
import { MentoringSession } from './MentoringSession';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { Registration } from './Registration';
import { Workshop } from './Workshop';

/**
 * The resolver map, checked by the generated `Resolvers` (npm run codegen; codegen.ts maps Workshop,
 * Registration and MentoringPair to their stored documents, City and CertificationGap to references).
 */
export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  City,
  CertificationGap,
  Workshop,
  Registration,
  MentoringPair,
  MentoringSession,
};

/*
 * The generated resolver types allow any extra key and leave fields without a resolver to the default
 * one (the parent's property of the same name), which the compiler does not see. So, per mapped type:
 * every SDL field has a resolver or a property of that name and a fitting type on the document, and
 * every resolver names an SDL field. Renaming a field in schema.graphql fails `tsc` here.
 */
type Meta = '__typename' | '__resolveReference' | '__isTypeOf';
type DefaultResolved<TGql, TResolvers> = Exclude<keyof TGql, keyof TResolvers | Meta>;
/** The SDL fields neither resolved nor found (with a fitting type) on the parent document: must be `never`. */
type Uncovered<TParent, TGql, TResolvers> = {
  [K in DefaultResolved<TGql, TResolvers>]-?: K extends keyof TParent ? (TParent[K] extends TGql[K] ? never : K) : K;
}[DefaultResolved<TGql, TResolvers>];
/** Resolvers of fields the SDL does not have: must be `never`. */
type Stray<TGql, TResolvers> = Exclude<keyof TResolvers, keyof TGql | Meta>;

type Covered<TParent, TGql, TResolvers> = [Uncovered<TParent, TGql, TResolvers>, Stray<TGql, TResolvers>] extends [never, never]
  ? true
  : { uncovered: Uncovered<TParent, TGql, TResolvers>; stray: Stray<TGql, TResolvers> };

export const fieldsCovered: [
  Covered<StoredWorkshop, Gql.Workshop, typeof Workshop>,
  Covered<StoredRegistration, Gql.Registration, typeof Registration>,
  Covered<StoredMentoringPair, Gql.MentoringPair, typeof MentoringPair>,
  Covered<SessionView, Gql.MentoringSession, typeof MentoringSession>,
  Covered<CityRef, Gql.City, typeof City>,
  Covered<GapRepresentation, Gql.CertificationGap, typeof CertificationGap>,
  Covered<unknown, Gql.Query, typeof Query>,
  Covered<unknown, Gql.Mutation, typeof Mutation>,
] = [true, true, true, true, true, true, true, true];
