import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateScalar, DateTimeScalar } from '../../../lib/graphql/scalars';
import type { Context } from '../context';
import { CertificationGap } from './CertificationGap';
import { City } from './City';
import { MentoringPair } from './MentoringPair';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { Registration } from './Registration';
import { Workshop } from './Workshop';

export const resolvers: GraphQLResolverMap<Context> = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  City,
  CertificationGap,
  Workshop,
  Registration,
  MentoringPair,
};
