/** The four subgraphs: how to build each one's server and seed its database. */
import type { Db } from 'mongodb';
import type { SubgraphName } from '../lib/config';
import type { CreateSubgraphServer } from '../lib/subgraph/run';
import type { SampleDataset } from '../data/sample/types';
import { createServer as membership } from './membership/server';
import { createServer as indicators } from './indicators/server';
import { createServer as certification } from './certification/server';
import { createServer as workshops } from './workshops/server';
import { seed as seedMembership } from './membership/seed';
import { seed as seedIndicators } from './indicators/seed';
import { seed as seedCertification } from './certification/seed';
import { seed as seedWorkshops } from './workshops/seed';

export interface SubgraphDefinition {
  createServer: CreateSubgraphServer;
  seed(db: Db, dataset: SampleDataset): Promise<boolean>;
}

export const SUBGRAPHS: Record<SubgraphName, SubgraphDefinition> = {
  membership: { createServer: membership, seed: seedMembership },
  indicators: { createServer: indicators, seed: seedIndicators },
  certification: { createServer: certification, seed: seedCertification },
  workshops: { createServer: workshops, seed: seedWorkshops },
};
