/** What the workshops subgraph stores (database citynet_workshops). Dates: `Date` for instants, 'YYYY-MM-DD' strings for calendar dates. */

/** Collection `workshops`. */
export interface WorkshopDoc {
  _id: string;
  title: string;
  themes: string[]; // ISO 37120 theme names, e.g. 'Solid Waste'
  format: 'IN_PERSON' | 'ONLINE' | 'HYBRID';
  hostCityId: string | null;
  facilitator: string | null;
  startsAt: Date;
  endsAt: Date;
  timezone: string; // IANA
  capacity: number;
  seatsTaken: number; // confirmed registrations
  status: 'SCHEDULED' | 'CANCELLED' | 'COMPLETED';
  sampleData: boolean;
}

/** Collection `registrations`. */
export interface RegistrationDoc {
  _id: string;
  workshopId: string;
  cityId: string;
  status: 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED';
  registeredAt: Date;
}

/** Collection `mentoring_pairs`. */
export interface MentoringPairDoc {
  _id: string;
  mentorCityId: string;
  menteeCityId: string;
  focusThemes: string[];
  status: 'ACTIVE' | 'CLOSED';
  startedOn: string; // YYYY-MM-DD
  closedOn: string | null;
  sessions: { heldAt: Date; durationMinutes: number; format: 'IN_PERSON' | 'ONLINE' | 'HYBRID'; summary: string | null }[];
}
