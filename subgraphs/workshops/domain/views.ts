import type { StoredMentoringPair, StoredRegistration, StoredSession, StoredWorkshop } from '../data/types';

/** What the resolvers pass around besides stored documents (codegen `mappers`, codegen.ts). */

/** A City reference: this subgraph only knows city ids; the gateway resolves the rest in membership. */
export interface CityRef {
  __typename: 'City';
  id: string;
}

export const cityRef = (id: string): CityRef => ({ __typename: 'City', id });

export type CertificationLevel = 'ASPIRATIONAL' | 'BRONZE' | 'SILVER' | 'GOLD' | 'PLATINUM';

/**
 * This subgraph's part of the gap to a target level: the key, the gap's themes and the pool of
 * possible mentors (`cityId:year`), which the gateway sends along (`@requires`) whenever a field
 * needing them is asked for.
 */
export interface GapRepresentation {
  cityId: string;
  year: number;
  target: CertificationLevel;
  /** Present whenever a field that @requires it is asked (checked at run time all the same). */
  gapThemes: string[];
  mentorPool: string[];
}

/** What cancelRegistration answers. */
export interface CancelRegistrationOutcome {
  registration: StoredRegistration;
  /** The first registration that got freed seats (the one the old API named), if any. */
  promoted: StoredRegistration | null;
  /** Every registration whose people moved up from the waitlist. */
  promotedAll: StoredRegistration[];
  workshop: StoredWorkshop;
}

/** A mentoring session with the pair it belongs to (its local time is the mentor's). */
export type SessionView = StoredSession & { pair: StoredMentoringPair };
