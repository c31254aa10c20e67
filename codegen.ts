/**
 * Typed resolvers generated from each subgraph's SDL (`npm run codegen`); CI fails when they are
 * stale (`npm run codegen:check`). Federation-aware: __resolveReference and entity keys are typed.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const SUBGRAPHS = ['membership', 'indicators', 'certification', 'workshops'];

/**
 * Per subgraph: GraphQL type -> the document/view type its resolvers receive as parent (paths are
 * relative to the generated file), so the generated `Resolvers` type checks the resolver map.
 */
const MAPPERS: Record<string, Record<string, string>> = {
  certification: {
    AuditEntry: '../../../lib/db/audit-entry#AuditEntryDoc',
    AuditTrail: '../domain/refs#AuditTrailRef',
    Certification: '../data/types#CertificationRecord',
    CertificationGap: '../domain/refs#CertificationGapRef',
    City: '../domain/refs#CityRef',
    IndicatorCoverage: '../domain/refs#CoverageRef',
    RegistryConnection: '../domain/refs#RegistryPage',
    RegistryEdge: '../domain/refs#RegistryEdgeView',
  },
  indicators: {
    AuditEntry: '../../../lib/db/audit-entry#AuditEntryDoc',
    AuditTrail: '../workflows/auditTrail#AuditTrailRef',
    CatalogueEdition: '../workflows/catalogue#CatalogueEditionView',
    CertificationGap: '../workflows/gap#GapRepresentation',
    City: '../domain/values#CityRef',
    Indicator: '../domain/catalogue#CatalogueIndicator',
    IndicatorCoverage: '../domain/coverage#CoverageView',
    IndicatorReport: '../data/types#IndicatorReportDoc',
    IndicatorValue: '../domain/values#ValueView',
    MentorCandidate: '../workflows/gap#MentorCandidateView',
    Theme: '../domain/catalogue#ThemeSummary',
    ThemeCoverage: '../data/types#ThemeCounts',
  },
  membership: {
    City: '../data/types#CityDoc',
    CityName: '../data/types#CityNameDoc',
    CitySuggestion: '../domain/views#CitySuggestionView',
    DuesPayment: '../data/types#DuesPaymentDoc',
    Member: '../data/types#MemberDoc',
    MemberDues: '../domain/views#MemberDuesView',
    Membership: '../data/types#MemberDoc',
    MemberContacts: '../data/types#MemberContactsDoc',
    ProgrammeApplication: '../data/types#ProgrammeApplicationDoc',
    ProgrammeApplicationStep: '../data/types#ApplicationStepDoc',
    ProgrammeEnrolment: '../data/types#EnrolmentDoc',
    ProgrammeRate: '../domain/views#ProgrammeRateView',
    ProgrammeRound: '../data/types#ProgrammeRoundDoc',
  },
  workshops: {
    Workshop: '../data/types#StoredWorkshop',
    Registration: '../data/types#StoredRegistration',
    MentoringPair: '../data/types#StoredMentoringPair',
    MentoringSession: '../domain/views#SessionView',
    City: '../domain/views#CityRef',
    CertificationGap: '../domain/views#GapRepresentation',
  },
};

const config: CodegenConfig = {
  overwrite: true,
  generates: Object.fromEntries(
    SUBGRAPHS.map((name) => [
      `subgraphs/${name}/generated/resolvers-types.ts`,
      {
        schema: `subgraphs/${name}/schema.graphql`,
        plugins: ['typescript', 'typescript-resolvers'],
        config: {
          federation: true,
          contextType: '../context#Context',
          useIndexSignature: true,
          enumsAsTypes: true,
          scalars: { DateTime: 'Date | string', Date: 'string' },
          mappers: MAPPERS[name] ?? {},
        },
      },
    ]),
  ),
};

export default config;
