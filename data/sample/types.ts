/**
 * The sample dataset: each subgraph's part, in the document types that subgraph stores (its data/types.ts).
 * The generator (data/sample/dataset.ts) produces it, and each subgraph's seed inserts its own part.
 */
import type { CityDoc, EnrolmentDoc, MemberDoc } from '../../subgraphs/membership/data/types';
import type { IndicatorValueDoc } from '../../subgraphs/indicators/data/types';
import type { CertificationDoc } from '../../subgraphs/certification/data/types';
import type { MentoringPairDoc, RegistrationDoc, WorkshopDoc } from '../../subgraphs/workshops/data/types';

export type { CityDoc, EnrolmentDoc, MemberDoc, IndicatorValueDoc, CertificationDoc, MentoringPairDoc, RegistrationDoc, WorkshopDoc };

export interface SampleDataset {
  membership: { cities: CityDoc[]; members: MemberDoc[]; enrolments: EnrolmentDoc[] };
  indicators: { indicator_values: IndicatorValueDoc[] };
  certification: { certifications: CertificationDoc[] };
  workshops: { workshops: WorkshopDoc[]; registrations: RegistrationDoc[]; mentoring_pairs: MentoringPairDoc[] };
}
