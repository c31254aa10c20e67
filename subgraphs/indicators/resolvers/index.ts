import { DateTimeScalar, JSONScalar } from '../../../lib/graphql/scalars';
import type { Resolvers } from '../generated/resolvers-types';
import { AuditEntry } from './AuditEntry';
import { AuditTrail } from './AuditTrail';
import { CertificationGap } from './CertificationGap';
import { City } from './City';
import { Indicator } from './Indicator';
import { IndicatorCoverage } from './IndicatorCoverage';
import { IndicatorReport } from './IndicatorReport';
import { IndicatorValue } from './IndicatorValue';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { ThemeCoverage } from './ThemeCoverage';

/**
 * A generated resolver type without the index signature codegen adds (`useIndexSignature`), so that
 * a resolver for a field or type the SDL does not have (e.g. after a rename) fails to compile.
 */
export type Known<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

/** The resolver map, typed by the types generated from schema.graphql (npm run codegen). */
const map = {
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
  ThemeCoverage,
} satisfies Known<Resolvers>;

export const resolvers: Resolvers = map;
