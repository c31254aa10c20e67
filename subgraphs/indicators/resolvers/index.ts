import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateTimeScalar, JSONScalar } from '../../../lib/graphql/scalars';
import type { Context } from '../context';
import { AuditEntry, AuditTrail } from './AuditTrail';
import { CertificationGap } from './CertificationGap';
import { City } from './City';
import { Indicator } from './Indicator';
import { IndicatorCoverage } from './IndicatorCoverage';
import { IndicatorReport } from './IndicatorReport';
import { IndicatorValue } from './IndicatorValue';
import { Mutation } from './Mutation';
import { Query } from './Query';

export const resolvers = {
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
  Query,
  Mutation,
  AuditTrail,
  AuditEntry,
  IndicatorReport,
  CertificationGap,
  City,
  Indicator,
  IndicatorCoverage,
  IndicatorValue,
} as unknown as GraphQLResolverMap<Context>;
