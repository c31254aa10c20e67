import { DateTimeScalar, JSONScalar } from '../../../lib/graphql/scalars';
import type { Resolvers } from '../generated/resolvers-types';
import { AuditEntry } from './AuditEntry';
import { AuditTrail } from './AuditTrail';
import { Certification } from './Certification';
import { CertificationGap } from './CertificationGap';
import { City } from './City';
import { IndicatorCoverage } from './IndicatorCoverage';
import { Mutation } from './Mutation';
import { Query } from './Query';

/** The resolver map, checked against the SDL by the generated `Resolvers` type (npm run codegen). */
export const resolvers: Resolvers = {
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
};
