/** What the certification subgraph stores (database wccd_certification). */

/** Collection `certifications`: one per city and data year; `_id` = `${cityId}:${year}`. */
export interface CertificationDoc {
  _id: string;
  cityId: string;
  /** Copy of the city's country (owned by membership), kept so the registry can filter by it. */
  country: string;
  year: number;
  status: 'ENROLLED' | 'DATA_SUBMITTED' | 'UNDER_VERIFICATION' | 'CERTIFIED' | 'REJECTED';
  level: 'ASPIRATIONAL' | 'BRONZE' | 'SILVER' | 'GOLD' | 'PLATINUM' | null;
  /** Rank of the level (PLATINUM 5 … ASPIRATIONAL 1, 0 when none) so the registry can sort by level. */
  levelRank: number;
  verifierOrganisation: string | null;
  awardedAt: Date | null;
  /** True on the CERTIFIED certification with the highest data year of its city (the registry's default view). */
  latest: boolean;
  sampleData: boolean;
}
