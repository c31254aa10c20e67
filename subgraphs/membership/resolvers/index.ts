import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateScalar } from '../../../lib/graphql/scalars';
import type { Context } from '../context';
import { City } from './City';
import { Member } from './Member';
import { Mutation } from './Mutation';
import { ProgrammeEnrolment } from './ProgrammeEnrolment';
import { Query } from './Query';

export const resolvers: GraphQLResolverMap<Context> = {
  Date: DateScalar,
  Query,
  Mutation,
  City,
  Member,
  ProgrammeEnrolment,
};
