import type { StoredRegistration, StoredWorkshop } from '../data/types';

/** What the resolvers pass around besides stored documents (codegen `mappers`, codegen.ts). */

/** A City reference: this subgraph only knows city ids; the gateway resolves the rest in membership. */
export interface CityRef {
  __typename: 'City';
  id: string;
}

export const cityRef = (id: string): CityRef => ({ __typename: 'City', id });

export type CertificationLevel = 'ASPIRATIONAL' | 'BRONZE' | 'SILVER' | 'GOLD' | 'PLATINUM';

/**
 * This subgraph's part of the gap to a target level: the key, and the gap's themes, which the gateway
 * sends along (`@requires(fields: "gapThemes")`) whenever `upcomingWorkshops` is asked for.
 */
export interface GapRepresentation {
  cityId: string;
  year: number;
  target: CertificationLevel;
  gapThemes: string[];
}

/** What cancelRegistration answers. */
export interface CancelRegistrationOutcome {
  registration: StoredRegistration;
  promoted: StoredRegistration | null;
  workshop: StoredWorkshop;
}
