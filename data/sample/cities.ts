/**
 * Real CityNet members and WCCD-network cities (names from the domain notes); populations and areas
 * are rounded public figures. Membership details, enrolments and certifications of the sample are
 * illustrative: wherever they are shown, they are labelled as sample data.
 */
import type { CityDoc, MemberDoc } from './types';

type Level = 'ASPIRATIONAL' | 'BRONZE' | 'SILVER' | 'GOLD' | 'PLATINUM';
type CertPlan = Level | 'ENROLLED' | 'DATA_SUBMITTED' | 'UNDER_VERIFICATION' | 'REJECTED';

export interface SampleCity {
  id: string;
  name: string;
  country: string;
  region: CityDoc['region'];
  population: number;
  areaKm2: number;
  timezone: string;
  /** CityNet full membership, if a member. */
  member?: { since: string; clusters: MemberDoc['clusters']; nationalChapter?: string; status?: MemberDoc['status'] };
  /** Enrolment round in the joint programme. */
  enrolled?: { round: number; on: string };
  /** What happened to the city's certification per data year. */
  certification?: Partial<Record<2014 | 2015 | 2016, CertPlan>>;
}

export const SAMPLE_CITIES: SampleCity[] = [
  { id: 'seoul', name: 'Seoul', country: 'KR', region: 'EAST_ASIA', population: 9411000, areaKm2: 605.2, timezone: 'Asia/Seoul',
    member: { since: '1987-09-01', clusters: ['CLIMATE_CHANGE', 'SDGS'] }, enrolled: { round: 2016, on: '2016-06-15' }, certification: { 2016: 'UNDER_VERIFICATION' } },
  { id: 'yokohama', name: 'Yokohama', country: 'JP', region: 'EAST_ASIA', population: 3770000, areaKm2: 437.6, timezone: 'Asia/Tokyo',
    member: { since: '1987-09-01', clusters: ['DISASTER', 'INFRASTRUCTURE'] }, enrolled: { round: 2016, on: '2016-06-15' }, certification: { 2016: 'GOLD' } },
  { id: 'kuala-lumpur', name: 'Kuala Lumpur', country: 'MY', region: 'SOUTH_EAST_ASIA', population: 1982000, areaKm2: 243, timezone: 'Asia/Kuala_Lumpur',
    member: { since: '1987-09-01', clusters: ['SDGS', 'INFRASTRUCTURE'] }, enrolled: { round: 2016, on: '2016-07-01' }, certification: { 2015: 'BRONZE', 2016: 'SILVER' } },
  { id: 'makati', name: 'Makati', country: 'PH', region: 'SOUTH_EAST_ASIA', population: 629616, areaKm2: 21.57, timezone: 'Asia/Manila',
    member: { since: '1990-04-01', clusters: ['DISASTER', 'CLIMATE_CHANGE'], nationalChapter: 'Philippines' }, enrolled: { round: 2016, on: '2016-05-20' },
    certification: { 2014: 'PLATINUM', 2015: 'PLATINUM', 2016: 'PLATINUM' } },
  { id: 'busan', name: 'Busan', country: 'KR', region: 'EAST_ASIA', population: 3400000, areaKm2: 770, timezone: 'Asia/Seoul',
    member: { since: '1995-03-01', clusters: ['CLIMATE_CHANGE'] }, enrolled: { round: 2016, on: '2016-08-01' }, certification: { 2016: 'SILVER' } },
  { id: 'colombo', name: 'Colombo', country: 'LK', region: 'SOUTH_ASIA', population: 752993, areaKm2: 37.3, timezone: 'Asia/Colombo',
    member: { since: '1988-01-01', clusters: ['DISASTER', 'SDGS'], nationalChapter: 'Sri Lanka' }, enrolled: { round: 2016, on: '2016-07-10' }, certification: { 2016: 'BRONZE' } },
  { id: 'denpasar', name: 'Denpasar', country: 'ID', region: 'SOUTH_EAST_ASIA', population: 725000, areaKm2: 127.8, timezone: 'Asia/Makassar',
    member: { since: '2001-05-01', clusters: ['CLIMATE_CHANGE'], nationalChapter: 'Indonesia' }, enrolled: { round: 2016, on: '2016-09-01' }, certification: { 2016: 'ENROLLED' } },
  { id: 'iloilo-city', name: 'Iloilo City', country: 'PH', region: 'SOUTH_EAST_ASIA', population: 457626, areaKm2: 78.3, timezone: 'Asia/Manila',
    member: { since: '2005-02-01', clusters: ['DISASTER', 'INFRASTRUCTURE'], nationalChapter: 'Philippines' }, enrolled: { round: 2016, on: '2016-06-30' }, certification: { 2016: 'DATA_SUBMITTED' } },
  { id: 'incheon', name: 'Incheon', country: 'KR', region: 'EAST_ASIA', population: 2950000, areaKm2: 1066, timezone: 'Asia/Seoul',
    member: { since: '2009-10-01', clusters: ['SDGS'] }, enrolled: { round: 2016, on: '2016-06-15' }, certification: { 2016: 'GOLD' } },
  { id: 'lalitpur', name: 'Lalitpur', country: 'NP', region: 'SOUTH_ASIA', population: 284922, areaKm2: 15.4, timezone: 'Asia/Kathmandu',
    member: { since: '1999-11-01', clusters: ['DISASTER'], nationalChapter: 'Nepal' }, enrolled: { round: 2016, on: '2016-10-01' }, certification: { 2016: 'ASPIRATIONAL' } },
  { id: 'suwon', name: 'Suwon', country: 'KR', region: 'EAST_ASIA', population: 1190000, areaKm2: 121, timezone: 'Asia/Seoul',
    member: { since: '2012-04-01', clusters: ['CLIMATE_CHANGE', 'SDGS'] } },
  { id: 'bogor', name: 'Bogor', country: 'ID', region: 'SOUTH_EAST_ASIA', population: 1100000, areaKm2: 118.5, timezone: 'Asia/Jakarta',
    member: { since: '2014-03-01', clusters: ['SDGS'], nationalChapter: 'Indonesia' } },
  { id: 'penang-island', name: 'Penang Island', country: 'MY', region: 'SOUTH_EAST_ASIA', population: 722384, areaKm2: 305, timezone: 'Asia/Kuala_Lumpur',
    member: { since: '1992-06-01', clusters: ['INFRASTRUCTURE'] } },
  { id: 'surabaya', name: 'Surabaya', country: 'ID', region: 'SOUTH_EAST_ASIA', population: 2874000, areaKm2: 350.5, timezone: 'Asia/Jakarta',
    member: { since: '1989-01-01', clusters: ['CLIMATE_CHANGE', 'SDGS'], nationalChapter: 'Indonesia' }, enrolled: { round: 2016, on: '2016-08-15' }, certification: { 2016: 'BRONZE' } },
  { id: 'bangkok', name: 'Bangkok', country: 'TH', region: 'SOUTH_EAST_ASIA', population: 5494000, areaKm2: 1569, timezone: 'Asia/Bangkok',
    member: { since: '1987-09-01', clusters: ['CLIMATE_CHANGE', 'INFRASTRUCTURE'] } },
  { id: 'ho-chi-minh-city', name: 'Ho Chi Minh City', country: 'VN', region: 'SOUTH_EAST_ASIA', population: 9320000, areaKm2: 2061, timezone: 'Asia/Ho_Chi_Minh',
    member: { since: '1994-01-01', clusters: ['INFRASTRUCTURE'] } },
  { id: 'jakarta', name: 'Jakarta', country: 'ID', region: 'SOUTH_EAST_ASIA', population: 10560000, areaKm2: 661.5, timezone: 'Asia/Jakarta',
    member: { since: '1987-09-01', clusters: ['DISASTER', 'CLIMATE_CHANGE'], nationalChapter: 'Indonesia' } },
  { id: 'da-nang', name: 'Da Nang', country: 'VN', region: 'SOUTH_EAST_ASIA', population: 1220000, areaKm2: 1285, timezone: 'Asia/Ho_Chi_Minh',
    member: { since: '2008-05-01', clusters: ['CLIMATE_CHANGE'] }, enrolled: { round: 2016, on: '2016-07-20' }, certification: { 2016: 'ASPIRATIONAL' } },
  { id: 'muntinlupa', name: 'Muntinlupa', country: 'PH', region: 'SOUTH_EAST_ASIA', population: 543445, areaKm2: 39.75, timezone: 'Asia/Manila',
    member: { since: '2011-01-01', clusters: ['DISASTER'], nationalChapter: 'Philippines' }, enrolled: { round: 2016, on: '2016-06-01' }, certification: { 2015: 'REJECTED', 2016: 'BRONZE' } },
  { id: 'tarlac', name: 'Tarlac City', country: 'PH', region: 'SOUTH_EAST_ASIA', population: 385398, areaKm2: 274.7, timezone: 'Asia/Manila',
    member: { since: '2015-09-01', clusters: ['SDGS'], nationalChapter: 'Philippines', status: 'PENDING' } },
  // WCCD-network cities that are not CityNet members.
  { id: 'shanghai', name: 'Shanghai', country: 'CN', region: 'EAST_ASIA', population: 24870000, areaKm2: 6341, timezone: 'Asia/Shanghai', certification: { 2014: 'GOLD', 2015: 'GOLD' } },
  { id: 'amman', name: 'Amman', country: 'JO', region: 'WEST_ASIA', population: 4061000, areaKm2: 1680, timezone: 'Asia/Amman', certification: { 2014: 'SILVER', 2015: 'GOLD' } },
  { id: 'haiphong', name: 'Haiphong', country: 'VN', region: 'SOUTH_EAST_ASIA', population: 2029000, areaKm2: 1527, timezone: 'Asia/Ho_Chi_Minh', certification: { 2015: 'BRONZE', 2016: 'SILVER' } },
  { id: 'taipei', name: 'Taipei', country: 'TW', region: 'EAST_ASIA', population: 2602000, areaKm2: 271.8, timezone: 'Asia/Taipei', certification: { 2016: 'PLATINUM' } },
  { id: 'pune', name: 'Pune', country: 'IN', region: 'SOUTH_ASIA', population: 3124000, areaKm2: 331, timezone: 'Asia/Kolkata', certification: { 2016: 'SILVER' } },
  { id: 'surat', name: 'Surat', country: 'IN', region: 'SOUTH_ASIA', population: 4467000, areaKm2: 326.5, timezone: 'Asia/Kolkata', certification: { 2016: 'BRONZE' } },
  { id: 'jamshedpur', name: 'Jamshedpur', country: 'IN', region: 'SOUTH_ASIA', population: 629659, areaKm2: 149, timezone: 'Asia/Kolkata', certification: { 2016: 'ASPIRATIONAL' } },
  { id: 'chennai', name: 'Chennai', country: 'IN', region: 'SOUTH_ASIA', population: 4646000, areaKm2: 426, timezone: 'Asia/Kolkata', certification: { 2016: 'ENROLLED' } },
  { id: 'toronto', name: 'Toronto', country: 'CA', region: 'NORTH_AMERICA', population: 2794356, areaKm2: 630.2, timezone: 'America/Toronto', certification: { 2014: 'PLATINUM', 2015: 'PLATINUM', 2016: 'PLATINUM' } },
  { id: 'markham', name: 'Markham', country: 'CA', region: 'NORTH_AMERICA', population: 338503, areaKm2: 212.5, timezone: 'America/Toronto', certification: { 2015: 'GOLD', 2016: 'PLATINUM' } },
  { id: 'charlottetown', name: 'Charlottetown', country: 'CA', region: 'NORTH_AMERICA', population: 38809, areaKm2: 44.3, timezone: 'America/Halifax', certification: { 2016: 'GOLD' } },
  { id: 'st-johns', name: "St. John's", country: 'CA', region: 'NORTH_AMERICA', population: 110525, areaKm2: 446, timezone: 'America/St_Johns', certification: { 2016: 'SILVER' } },
];

/** CityNet associate members: organisations rather than local governments. */
export const SAMPLE_ASSOCIATES: Omit<MemberDoc, 'category' | 'cityId'>[] = [
  { _id: 'all-india-institute-of-local-self-government', name: 'All India Institute of Local Self-Government', organisationType: 'INSTITUTE', country: 'IN',
    status: 'ACTIVE', since: '1996-01-01', clusters: ['SDGS'], nationalChapter: 'India' },
  { _id: 'league-of-cities-of-the-philippines', name: 'League of Cities of the Philippines', organisationType: 'ASSOCIATION', country: 'PH',
    status: 'ACTIVE', since: '2004-01-01', clusters: ['SDGS', 'DISASTER'], nationalChapter: 'Philippines' },
  { _id: 'municipal-association-of-nepal', name: 'Municipal Association of Nepal', organisationType: 'ASSOCIATION', country: 'NP',
    status: 'ACTIVE', since: '2003-01-01', clusters: ['DISASTER'], nationalChapter: 'Nepal' },
  { _id: 'association-of-indonesian-municipalities', name: 'Association of Indonesian Municipalities', organisationType: 'ASSOCIATION', country: 'ID',
    status: 'ACTIVE', since: '2002-01-01', clusters: ['INFRASTRUCTURE'], nationalChapter: 'Indonesia' },
  { _id: 'bangladesh-institute-of-planners', name: 'Bangladesh Institute of Planners', organisationType: 'INSTITUTE', country: 'BD',
    status: 'ACTIVE', since: '2010-01-01', clusters: ['CLIMATE_CHANGE'], nationalChapter: 'Bangladesh' },
];
