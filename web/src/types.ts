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

export interface PeerValuesData {
  cities: Connection<{
    id: string;
    name: string;
    region: Region;
    population: number | null;
    indicators: { indicator: { id: string }; value: number; status: string; sampleData: boolean }[];
  }>;
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
