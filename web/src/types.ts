/** The shapes of the dashboard's operations (trusted-documents/dashboard-*.graphql). */
export type Level = 'ASPIRATIONAL' | 'BRONZE' | 'SILVER' | 'GOLD' | 'PLATINUM';
export type Region = 'EAST_ASIA' | 'SOUTH_EAST_ASIA' | 'SOUTH_ASIA' | 'WEST_ASIA' | 'OCEANIA' | 'NORTH_AMERICA' | 'EUROPE';

interface Connection<N> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: N }[];
}

export interface LevelThreshold {
  level: Level;
  minCoreVerified: number;
  minSupportingVerified: number;
}

export interface RegistryEntry {
  city: { id: string; name: string; country: string; region: Region };
  year: number;
  level: Level;
  awardedAt: string | null;
  sampleData: boolean;
  coverage: { coreVerified: number; supportingVerified: number; earnedLevel: Level | null };
}

export interface RegistryData {
  registry: Connection<RegistryEntry> & { totalCount: number };
}

export interface FacetsData {
  certificationLevels: LevelThreshold[];
  cities: Connection<{ id: string; country: string; region: Region; certifications: { year: number; status: string }[] }>;
}

export interface ThemeCoverage {
  theme: string;
  coreTotal: number;
  coreReported: number;
  coreVerified: number;
  supportingTotal: number;
  supportingReported: number;
  supportingVerified: number;
}

export interface Certification {
  year: number;
  status: string;
  level: Level | null;
  verifierOrganisation: string | null;
  awardedAt: string | null;
  sampleData: boolean;
  coverage: { coreVerified: number; supportingVerified: number; earnedLevel: Level | null };
}

export interface CityData {
  city: {
    id: string;
    name: string;
    country: string;
    region: Region;
    population: number | null;
    timezone: string;
    membership: { category: string; status: string; since: string; clusters: string[]; nationalChapter: string | null } | null;
    programmeEnrolment: { programme: string; round: number; enrolledOn: string } | null;
    certifications: Certification[];
    indicatorCoverage: {
      year: number;
      edition: string;
      coreTotal: number;
      supportingTotal: number;
      coreReported: number;
      coreVerified: number;
      supportingReported: number;
      supportingVerified: number;
      byTheme: ThemeCoverage[];
    };
  } | null;
}

export interface CatalogueIndicator {
  id: string;
  name: string;
  theme: string;
  kind: 'CORE' | 'SUPPORTING';
  unit: string;
}

export interface CatalogueData {
  indicatorCatalogue: CatalogueIndicator[];
}

export type BetterWhen = 'HIGHER' | 'LOWER' | 'NEITHER';
export type PeerGroup = 'REGION' | 'POPULATION_BAND' | 'INCOME_GROUP' | 'ALL';

/** One indicator of `City.peerComparison`: the city's VERIFIED value against its peers' (never itself). */
export interface PeerStanding {
  indicator: { id: string; name: string; unit: string; theme: string; betterWhen: BetterWhen; betterWhenNote: string | null };
  value: number | null;
  peerCount: number;
  /** 1 = best by the indicator's direction, out of peerCount + 1; null for NEITHER, without a value or peers. */
  rank: number | null;
  /** The share of peers the city does better than, ties half (0–100). */
  percentile: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  /** Best first (ascending for NEITHER). */
  peers: { city: { id: string; name: string }; value: number }[];
}

export interface PeerComparisonData {
  city: {
    id: string;
    name: string;
    region: Region;
    population: number | null;
    peerComparison: {
      year: number;
      peerGroup: PeerGroup;
      group: string | null;
      groupSource: string | null;
      peerCityCount: number;
      indicators: PeerStanding[];
    } | null;
  } | null;
}

export type CertificationStatus = 'ENROLLED' | 'DATA_SUBMITTED' | 'UNDER_VERIFICATION' | 'CERTIFIED' | 'REJECTED' | 'SUSPENDED' | 'WITHDRAWN' | 'EXPIRED';

export interface InProgressData {
  cities: Connection<{
    id: string;
    name: string;
    country: string;
    region: Region;
    certifications: {
      year: number;
      status: CertificationStatus;
      statusChangedAt: string | null;
      verifierOrganisation: string | null;
      sampleData: boolean;
      coverage: {
        coreTotal: number;
        coreReported: number;
        coreVerified: number;
        supportingTotal: number;
        supportingReported: number;
        supportingVerified: number;
        earnedLevel: Level | null;
      };
    }[];
  }>;
}

export interface CitySearchData {
  cities: {
    totalCount: number;
    edges: { match: { kind: 'EXACT' | 'PREFIX' | 'WORD' | 'SIMILAR'; name: string } | null; node: { id: string; name: string; country: string } }[];
  };
  citySuggestions: { id: string; name: string; matchedName: string; match: string; city: { country: string } }[];
}

export interface GapIndicator {
  id: string;
  name: string;
  theme: string;
}

export interface GapData {
  certificationLevels: LevelThreshold[];
  city: {
    id: string;
    name: string;
    country: string;
    certifications: { year: number; status: string; level: Level | null }[];
    certificationGap: {
      year: number;
      target: Level;
      requiredCoreVerified: number;
      requiredSupportingVerified: number;
      coreVerified: number;
      supportingVerified: number;
      coreNeeded: number;
      supportingNeeded: number;
      reached: boolean;
      gapThemes: string[];
      missingCore: GapIndicator[];
      unverifiedCore: GapIndicator[];
      upcomingWorkshops: {
        id: string;
        title: string;
        themes: string[];
        format: string;
        localStartsAt: string;
        timezone: string;
        seatsAvailable: number;
        hostCity: { id: string; name: string; country: string } | null;
      }[];
      mentorCandidates: { city: { id: string; name: string; country: string }; dataYear: number; verifiedThemes: string[] }[];
    };
  } | null;
}
