import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateTimeScalar } from '../../../lib/graphql/scalars';
import type { Context } from '../context';
import { Certification } from './Certification';
import { City } from './City';
import { IndicatorCoverage } from './IndicatorCoverage';
import { Query } from './Query';

export const resolvers = {
  DateTime: DateTimeScalar,
  Query,
  City,
  Certification,
  IndicatorCoverage,
} as unknown as GraphQLResolverMap<Context>;
