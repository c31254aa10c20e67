import type { CityDoc, DuesPaymentDoc, RateKind } from '../data/types';
import type { MatchKind } from './search';

/** What the resolvers of types that are not stored documents receive (codegen.ts maps them). */

/** A suggested city (Query.citySuggestions). */
export interface CitySuggestionView {
  id: string;
  name: string;
  match: MatchKind | 'SIMILAR';
  matchedName: string;
  distance: number;
  city: CityDoc;
}

/** A member's dues for one year, against its annual fee. */
export interface MemberDuesView {
  year: number;
  dueUsd: number;
  paidUsd: number;
  paid: boolean;
  payments: DuesPaymentDoc[];
  sampleData: boolean;
}

/** The rate of an enrolment or an accepted application. */
export interface ProgrammeRateView {
  kind: RateKind;
  annualFee: number | null;
  currency: string | null;
  subsidisedUntil: string | null;
}
