/**
 * What the workshops subgraph stores (database citynet_workshops). Dates: `Date` for instants,
 * 'YYYY-MM-DD' strings for calendar dates.
 *
 * `WorkshopDoc`, `RegistrationDoc` and `MentoringPairDoc` are the seeded shape (the sample generator
 * builds them); the `Stored*` types add what the workflows write: the document `version` and `outbox`
 * of the one audited write (lib/db/outbox.ts) and the fields of later changes. Seeded documents lack
 * those optional fields until their first change.
 */
import type { Outbox } from '../../../lib/db/outbox';

export type WorkshopFormat = 'IN_PERSON' | 'ONLINE' | 'HYBRID';

/** Collection `workshops`. */
export type WorkshopDoc = {
  _id: string;
  title: string;
  themes: string[]; // ISO 37120 theme names, e.g. 'Solid Waste'
  format: WorkshopFormat;
  hostCityId: string | null;
  facilitator: string | null;
  startsAt: Date;
  endsAt: Date;
  timezone: string; // IANA
  capacity: number;
  seatsTaken: number; // confirmed registrations
  status: 'SCHEDULED' | 'CANCELLED' | 'COMPLETED';
  sampleData: boolean;
};

/** Collection `registrations`. */
export type RegistrationDoc = {
  _id: string;
  workshopId: string;
  cityId: string;
  status: 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED';
  registeredAt: Date;
};

/** Collection `mentoring_pairs`. */
export type MentoringPairDoc = {
  _id: string;
  mentorCityId: string;
  menteeCityId: string;
  focusThemes: string[];
  status: 'ACTIVE' | 'CLOSED';
  startedOn: string; // YYYY-MM-DD
  closedOn: string | null;
  sessions: { heldAt: Date; durationMinutes: number; format: WorkshopFormat; summary: string | null }[];
};

/** What the one audited write adds to every document it changes. */
type Audited = {
  /** Grows by one with every write of the document (lib/db/outbox.ts); absent on seeded documents. */
  version?: number;
  /** Audit entries of the last write, until they are copied to `audit` (lib/db/outbox.ts). */
  outbox?: Outbox;
};

/** A workshop as stored once the workflows have touched it. */
export type StoredWorkshop = WorkshopDoc & Audited & {
  /**
   * `Workshop.version`: grows with every change of the details (schedule 1, update, cancel), not with
   * seat counts; the organiser's `expectedVersion` is compared with it (1 when absent).
   */
  detailsVersion?: number;
  cancellationReason?: string | null;
  cancelledAt?: Date | null;
  createdAt?: Date;
  updatedAt?: Date;
};

/** A registration as stored once the workflows have touched it. */
export type StoredRegistration = RegistrationDoc & Audited & {
  /** Position in the order of registration (per workshop); the waitlist is promoted in this order. */
  seq?: number;
  confirmedAt?: Date | null;
  cancelledAt?: Date | null;
};

/** A mentoring pair as stored once the workflows have touched it. */
export type StoredMentoringPair = MentoringPairDoc & Audited;
