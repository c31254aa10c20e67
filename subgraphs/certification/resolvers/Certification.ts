import type { CertificationDoc } from '../../../data/sample/types';
import type { Context } from '../context';

export const Certification = {
  // Batched: a list of certification references costs one query.
  __resolveReference(ref: { id: string }, ctx: Context): Promise<CertificationDoc | null> {
    return ctx.loaders.certificationById.load(String(ref.id));
  },
  id: (doc: CertificationDoc) => doc._id,
  city: (doc: CertificationDoc) => ({ __typename: 'City', id: doc.cityId }),
  // A reference: the gateway resolves the counts in the indicators subgraph and earnedLevel here.
  coverage: (doc: CertificationDoc) => ({ __typename: 'IndicatorCoverage', cityId: doc.cityId, year: doc.year }),
};
