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
  seatsTaken: number; // confirmed participants (seats are people)
  /**
   * As stored: CANCELLED by the organiser, else SCHEDULED (seeded past workshops say COMPLETED). What
   * the API shows is computed from the clock (domain/lifecycle.ts): SCHEDULED, IN_PROGRESS, COMPLETED.
   */
  status: 'SCHEDULED' | 'CANCELLED' | 'COMPLETED';
  sampleData: boolean;
};

/** Collection `registrations`. */
export type RegistrationDoc = {
  _id: string;
  workshopId: string;
  cityId: string;
  /**
   * CONFIRMED when at least one of its participants has a seat, WAITLISTED when all of them wait,
   * CANCELLED by the city, CANCELLED_BY_ORGANISER when the workshop was cancelled.
   */
  status: 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED' | 'CANCELLED_BY_ORGANISER';
  registeredAt: Date;
  /**
   * The people the city sends (the sample generator writes each live registration's one unnamed seat);
   * absent on registrations written before participants, which data/migrations.ts brings up to date.
   */
  participants?: StoredParticipant[];
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
export type StoredWorkshop = WorkshopDoc &
  Audited & {
    /**
     * `Workshop.version`: grows with every change of the details (schedule 1, update, cancel), not with
     * seat counts; the organiser's `expectedVersion` is compared with it (1 when absent).
     */
    detailsVersion?: number;
    cancellationReason?: string | null;
    cancelledAt?: Date | null;
    createdAt?: Date;
    updatedAt?: Date;
    /** How many participants one city may bring (null or absent: as many as there are seats). */
    maxParticipantsPerCity?: number | null;
  };

/** Whether a participant has a seat or waits for one. */
export type SeatStatus = 'CONFIRMED' | 'WAITLISTED';

/** A person a city sends to a workshop: each takes a seat or a place in the queue. */
export interface StoredParticipant {
  /** `p1`, `p2`, ... unique within the registration. */
  id: string;
  /** Null for the one seat of a registration made without naming anyone (filled in when someone is named). */
  name: string | null;
  role: string | null;
  email: string | null;
  status: SeatStatus;
  /** Position in the workshop's queue (seats and waitlist are handed out in this order). */
  seq: number;
  addedAt: Date;
  confirmedAt: Date | null;
}

/** What staff recorded about a registration once the workshop had started. */
export interface StoredAttendance {
  attended: boolean;
  /** How many of the city's people were in the room. */
  participantsPresent: number;
  /** The named participants present (ids of `participants`). */
  presentParticipantIds: string[];
  recordedAt: Date;
  recordedBy: string;
}

/** A registration as stored once the workflows have touched it. */
export type StoredRegistration = RegistrationDoc &
  Audited & {
    /** Position in the order of registration (per workshop); the waitlist is promoted in this order. */
    seq?: number;
    confirmedAt?: Date | null;
    cancelledAt?: Date | null;
    /** Why the organiser cancelled (status CANCELLED_BY_ORGANISER). */
    cancellationReason?: string | null;
    /** The status the organiser's cancellation ended (CONFIRMED or WAITLISTED). */
    statusBeforeCancellation?: 'CONFIRMED' | 'WAITLISTED' | null;
    attendance?: StoredAttendance | null;
  };

export type MentoringResult = 'GOALS_MET' | 'PARTLY_MET' | 'NOT_MET' | 'DISCONTINUED';

/** A session as stored: seeded ones have no zone (the mentor's is used). */
export type StoredSession = MentoringPairDoc['sessions'][number] & {
  /** The mentor's IANA zone when the session was logged. */
  timezone?: string;
};

/** A mentoring pair as stored once the workflows have touched it. */
export type StoredMentoringPair = Omit<MentoringPairDoc, 'sessions'> &
  Audited & {
    sessions: StoredSession[];
    /** The mentor city's IANA zone: `startedOn`, `closedOn` and the sessions' days are its local days (absent on seeded pairs). */
    mentorTimezone?: string;
    /** What the pair achieved, recorded when it closed. */
    outcome?: { result: MentoringResult; summary: string } | null;
  };
