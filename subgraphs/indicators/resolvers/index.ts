import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { Context } from '../context';
import { City } from './City';
import { Indicator } from './Indicator';
import { IndicatorCoverage } from './IndicatorCoverage';
import { IndicatorValue } from './IndicatorValue';
import { Query } from './Query';

export const resolvers = {
  Query,
  City,
  Indicator,
  IndicatorCoverage,
  IndicatorValue,
} as unknown as GraphQLResolverMap<Context>;
