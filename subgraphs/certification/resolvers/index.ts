import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateTimeScalar, JSONScalar } from '../../../lib/graphql/scalars';
import type { Context } from '../context';
import { AuditEntry, AuditTrail } from './AuditTrail';
import { Certification } from './Certification';
import { CertificationGap } from './CertificationGap';
import { City } from './City';
import { IndicatorCoverage } from './IndicatorCoverage';
import { Mutation } from './Mutation';
import { Query } from './Query';

export const resolvers = {
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
  Query,
  Mutation,
  AuditTrail,
  AuditEntry,
  City,
  Certification,
  CertificationGap,
  IndicatorCoverage,
} as unknown as GraphQLResolverMap<Context>;
