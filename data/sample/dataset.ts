/**
 * The sample dataset: real city names, generated (seeded, reproducible) values. Every subgraph seeds
 * its own database from its part of it; nothing here is read at run time by the subgraphs.
 */
import catalogueFile from '../catalogues/iso37120-2014.json';
import { SAMPLE_ASSOCIATES, SAMPLE_CITIES, type SampleCity } from './cities';
import { DEFAULT_VALUE_SEED, generateCityValues, type CatalogueIndicator } from './indicator-values';
import { Random } from './random';
import { utcOffsetMinutes } from '../../lib/time/local-time';
import type {
  CertificationDoc,
  CityDoc,
  EnrolmentDoc,
  IndicatorValueDoc,
  MemberDoc,
  MentoringPairDoc,
  RegistrationDoc,
  SampleDataset,
  WorkshopDoc,
} from './types';

export const SAMPLE_EDITION = catalogueFile.standard; // 'ISO 37120:2014'
export const SAMPLE_DATA_YEARS = [2014, 2015, 2016] as const;
const CATALOGUE = catalogueFile.indicators as CatalogueIndicator[];
const CORE = CATALOGUE.filter((i) => i.kind === 'core');
const SUPPORTING = CATALOGUE.filter((i) => i.kind === 'supporting');
export const THEMES = [...new Set(CATALOGUE.map((i) => i.theme))];

type Level = NonNullable<CertificationDoc['level']>;
export const LEVEL_RANK: Record<Level, number> = { ASPIRATIONAL: 1, BRONZE: 2, SILVER: 3, GOLD: 4, PLATINUM: 5 };

/** Verified core/supporting counts that land inside each level's band of the default threshold table. */
const LEVEL_BANDS: Record<Level, { core: [number, number]; supporting: [number, number] }> = {
  PLATINUM: { core: [46, 46], supporting: [34, 54] },
  GOLD: { core: [46, 46], supporting: [24, 33] },
  SILVER: { core: [46, 46], supporting: [14, 23] },
  BRONZE: { core: [46, 46], supporting: [0, 13] },
  ASPIRATIONAL: { core: [30, 45], supporting: [0, 12] },
};

const VERIFIERS = ['BSI Group', 'Bureau Veritas', 'SGS', 'DNV', 'TÜV SÜD'];

export interface DatasetOptions {
  /** Synthetic cities added after the real ones (benchmarks use hundreds). */
  extraCities?: number;
  /** Synthetic workshops added to the hand-written ones. */
  extraWorkshops?: number;
  /**
   * The seed of the indicator values (data/sample/indicator-values.ts): the same seed gives the same
   * values; another gives other plausible ones. Statuses, certifications and everything else do not
   * depend on it (Makati stays Platinum for 2014–2016, the registry keeps every level).
   */
  seed?: string;
}

export function buildSampleDataset(options: DatasetOptions = {}): SampleDataset {
  const cities = [...SAMPLE_CITIES, ...syntheticCities(options.extraCities ?? 0)];
  const membership = buildMembership(cities);
  const { values, certifications } = buildValuesAndCertifications(cities, options.seed ?? DEFAULT_VALUE_SEED);
  const workshops = buildWorkshops(cities, options.extraWorkshops ?? 0);
  return { membership, indicators: { indicator_values: values }, certification: { certifications }, workshops };
}

function syntheticCities(count: number): SampleCity[] {
  const regions: { region: CityDoc['region']; country: string; timezone: string }[] = [
    { region: 'SOUTH_EAST_ASIA', country: 'PH', timezone: 'Asia/Manila' },
    { region: 'SOUTH_ASIA', country: 'IN', timezone: 'Asia/Kolkata' },
    { region: 'EAST_ASIA', country: 'KR', timezone: 'Asia/Seoul' },
    { region: 'SOUTH_EAST_ASIA', country: 'ID', timezone: 'Asia/Jakarta' },
  ];
  const plans = ['PLATINUM', 'GOLD', 'SILVER', 'BRONZE', 'ASPIRATIONAL', 'ENROLLED'] as const;
  return Array.from({ length: count }, (_, i) => {
    const rng = new Random(`synthetic-${i}`);
    const where = regions[i % regions.length];
    const n = String(i + 1).padStart(3, '0');
    return {
      id: `sample-city-${n}`,
      name: `Sample City ${n}`,
      ...where,
      population: rng.int(50_000, 5_000_000),
      areaKm2: Math.round(rng.between(20, 1500)),
      member: {
        since: `20${String(rng.int(0, 19)).padStart(2, '0')}-01-01`,
        clusters: [rng.pick(['CLIMATE_CHANGE', 'DISASTER', 'SDGS', 'INFRASTRUCTURE'] as const)],
      },
      enrolled: { round: 2016, on: '2016-09-01' },
      certification: { 2014: plans[i % plans.length], 2015: plans[(i + 1) % plans.length], 2016: plans[(i + 2) % plans.length] },
    };
  });
}

function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function buildMembership(cities: SampleCity[]): SampleDataset['membership'] {
  const cityDocs: CityDoc[] = cities.map((c) => ({
    _id: c.id,
    name: c.name,
    country: c.country,
    region: c.region,
    population: c.population,
    areaKm2: c.areaKm2,
    timezone: c.timezone,
    sampleData: true,
  }));
  const members: MemberDoc[] = [
    ...cities
      .filter((c) => c.member)
      .map(
        (c): MemberDoc => ({
          _id: c.id,
          name: c.name,
          category: 'FULL',
          organisationType: 'LOCAL_GOVERNMENT',
          cityId: c.id,
          country: c.country,
          status: c.member!.status ?? 'ACTIVE',
          since: c.member!.since,
          clusters: c.member!.clusters,
          nationalChapter: c.member!.nationalChapter ?? null,
        }),
      ),
    ...SAMPLE_ASSOCIATES.map((a): MemberDoc => ({ ...a, category: 'ASSOCIATE', cityId: null })),
  ];
  const enrolments: EnrolmentDoc[] = cities
    .filter((c) => c.enrolled)
    .map((c) => ({
      _id: c.id,
      cityId: c.id,
      programme: 'CityNet–WCCD ISO 37120 joint programme',
      round: c.enrolled!.round,
      enrolledOn: c.enrolled!.on,
      subsidisedUntil: addYears(c.enrolled!.on, 3),
    }));
  return { cities: cityDocs, members, enrolments };
}

function buildValuesAndCertifications(cities: SampleCity[], seed: string): { values: IndicatorValueDoc[]; certifications: CertificationDoc[] } {
  const values: IndicatorValueDoc[] = [];
  const certifications: CertificationDoc[] = [];
  const updatedAt = new Date('2017-03-31T00:00:00Z');

  for (const city of cities) {
    const series = generateCityValues(city, CATALOGUE, [...SAMPLE_DATA_YEARS], seed);
    for (const year of SAMPLE_DATA_YEARS) {
      const plan = city.certification?.[year];
      const rng = new Random(`${city.id}|${year}|statuses`);
      const status = new Map<string, IndicatorValueDoc['status']>();

      if (plan && plan in LEVEL_BANDS) {
        // Certified: exactly the verified counts of the level's band, plus a few rejected extras.
        const band = LEVEL_BANDS[plan as Level];
        const core = rng.sample(CORE, rng.int(...band.core));
        const supporting = rng.sample(SUPPORTING, city.id === 'makati' && year === 2014 ? 52 : rng.int(...band.supporting));
        for (const i of [...core, ...supporting]) status.set(i.id, 'VERIFIED');
        const rest = CATALOGUE.filter((i) => !status.has(i.id) && i.kind === 'supporting');
        for (const i of rng.sample(rest, Math.min(rest.length, rng.int(0, 2)))) status.set(i.id, 'REJECTED');
      } else if (plan === 'UNDER_VERIFICATION') {
        for (const i of rng.sample(CATALOGUE, 75)) status.set(i.id, rng.next() < 0.6 ? 'VERIFIED' : 'SUBMITTED');
      } else if (plan === 'DATA_SUBMITTED') {
        for (const i of rng.sample(CATALOGUE, 68)) status.set(i.id, 'SUBMITTED');
      } else if (plan === 'REJECTED') {
        for (const i of rng.sample(CATALOGUE, 40)) status.set(i.id, rng.next() < 0.5 ? 'REJECTED' : 'VERIFIED');
        // Keep the verified core count below the lowest level, as the rejection says.
        const verifiedCore = CORE.filter((i) => status.get(i.id) === 'VERIFIED');
        while (verifiedCore.length >= 30) status.set(verifiedCore.pop()!.id, 'REJECTED');
      } else {
        // Enrolled or not in the programme that year: data collected as drafts.
        for (const i of rng.sample(CATALOGUE, rng.int(35, 70))) status.set(i.id, 'DRAFT');
      }

      for (const [indicatorId, s] of status) {
        values.push({
          _id: `${city.id}:${year}:${indicatorId}`,
          cityId: city.id,
          year,
          edition: SAMPLE_EDITION,
          indicatorId,
          value: series.get(indicatorId)!.get(year)!,
          status: s,
          sampleData: true,
          updatedAt,
        });
      }

      if (plan) {
        const certified = plan in LEVEL_BANDS;
        const started = ['UNDER_VERIFICATION', 'REJECTED'].includes(plan) || certified;
        certifications.push({
          _id: `${city.id}:${year}`,
          cityId: city.id,
          country: city.country,
          year,
          status: certified ? 'CERTIFIED' : (plan as CertificationDoc['status']),
          level: certified ? (plan as Level) : null,
          levelRank: certified ? LEVEL_RANK[plan as Level] : 0,
          verifierOrganisation: started ? new Random(`${city.id}|${year}|verifier`).pick(VERIFIERS) : null,
          awardedAt: certified ? new Date(Date.UTC(year + 1, 5 + (city.id.length % 5), 10 + (city.id.length % 15), 9)) : null,
          latest: false,
          sampleData: true,
        });
      }
    }
  }
  // The registry's default view: each city's latest CERTIFIED data year.
  const latestByCity = new Map<string, CertificationDoc>();
  for (const c of certifications) {
    if (c.status !== 'CERTIFIED') continue;
    const current = latestByCity.get(c.cityId);
    if (!current || current.year < c.year) latestByCity.set(c.cityId, c);
  }
  for (const c of latestByCity.values()) c.latest = true;
  return { values, certifications };
}

const WORKSHOP_TOPICS: { title: string; themes: string[] }[] = [
  { title: 'ISO 37120 data collection clinic', themes: ['Governance', 'Finance'] },
  { title: 'Solid waste indicators: measuring disposal shares', themes: ['Solid Waste'] },
  { title: 'Wastewater treatment data for certification', themes: ['Wastewater', 'Water and Sanitation'] },
  { title: 'Disaster risk and emergency response indicators', themes: ['Fire and Emergency Response', 'Safety'] },
  { title: 'Air quality monitoring for city indicators', themes: ['Environment'] },
  { title: 'Energy use and efficiency reporting', themes: ['Energy'] },
  { title: 'Transport indicators and mobility surveys', themes: ['Transportation', 'Urban Planning'] },
  { title: 'Health and education statistics for cities', themes: ['Health', 'Education'] },
  { title: 'Housing and informal settlements data', themes: ['Shelter', 'Urban Planning'] },
  { title: 'Local economy and employment indicators', themes: ['Economy'] },
  { title: 'Digital city: telecommunication indicators', themes: ['Telecommunication and Innovation'] },
  { title: 'Parks, recreation and public space', themes: ['Recreation', 'Urban Planning'] },
];

/** Workshops, registrations and mentoring pairs in 2026–2027 (KL Regional Training Center and others). */
function buildWorkshops(cities: SampleCity[], extra: number): SampleDataset['workshops'] {
  const hosts = cities.filter((c) => c.member);
  const memberIds = hosts.map((c) => c.id);
  const workshops: WorkshopDoc[] = [];
  const registrations: RegistrationDoc[] = [];
  const total = 24 + extra;
  for (let i = 0; i < total; i++) {
    const rng = new Random(`workshop-${i}`);
    const topic = WORKSHOP_TOPICS[i % WORKSHOP_TOPICS.length];
    // The first ones follow a fixed plan so that Makati and Kuala Lumpur host and attend some.
    const host = i % 6 === 0 ? hosts.find((c) => c.id === 'kuala-lumpur')! : i % 6 === 3 ? hosts.find((c) => c.id === 'makati')! : rng.pick(hosts);
    const format = rng.pick(['IN_PERSON', 'ONLINE', 'HYBRID'] as const);
    // Spread over 2026-01 .. 2027-12; 09:00 local time in the host's zone (offsets looked up once).
    const month = i % 24;
    const day = 3 + ((i * 7) % 24);
    const localStart = Date.UTC(2026 + Math.floor(month / 12), month % 12, day, 9, 0);
    const startsAt = new Date(localStart - utcOffsetMinutes(host.timezone, new Date(localStart)) * 60_000);
    const days = rng.int(1, 3);
    const endsAt = new Date(startsAt.getTime() + ((days - 1) * 24 + 8) * 3_600_000);
    const capacity = rng.pick([20, 25, 30, 40, 60]);
    const id = `ws-${String(i + 1).padStart(4, '0')}`;
    const registrants = rng.sample(
      memberIds.filter((m) => m !== host.id),
      Math.min(memberIds.length - 1, rng.int(3, 12)),
    );
    if (i % 4 === 1 && !registrants.includes('makati') && host.id !== 'makati') registrants.unshift('makati');
    let confirmed = 0;
    registrants.forEach((cityId, k) => {
      const isConfirmed = confirmed < capacity;
      if (isConfirmed) confirmed++;
      const registeredAt = new Date(startsAt.getTime() - (40 - k) * 86_400_000);
      const status = isConfirmed ? 'CONFIRMED' : 'WAITLISTED';
      registrations.push({
        _id: `${id}:${cityId}`,
        workshopId: id,
        cityId,
        status,
        registeredAt,
        // Written in the current shape (one unnamed seat), as data/migrations.ts would leave it.
        participants: [
          { id: 'p1', name: null, role: null, email: null, status, seq: -1, addedAt: registeredAt, confirmedAt: isConfirmed ? registeredAt : null },
        ],
      });
    });
    workshops.push({
      _id: id,
      title: topic.title,
      themes: topic.themes,
      format,
      hostCityId: host.id,
      facilitator: rng.pick(['CityNet Secretariat', 'WCCD', 'Kuala Lumpur Regional Training Center', 'Makati City Planning Office']),
      startsAt,
      endsAt,
      timezone: host.timezone,
      capacity,
      seatsTaken: confirmed,
      status: endsAt < new Date('2026-11-01T00:00:00Z') ? 'COMPLETED' : 'SCHEDULED',
      sampleData: true,
    });
  }

  const pairs: [string, string, string[]][] = [
    ['makati', 'iloilo-city', ['Solid Waste', 'Governance']],
    ['makati', 'muntinlupa', ['Fire and Emergency Response', 'Safety']],
    ['yokohama', 'da-nang', ['Environment', 'Energy']],
    ['incheon', 'lalitpur', ['Urban Planning', 'Transportation']],
    ['kuala-lumpur', 'denpasar', ['Water and Sanitation', 'Wastewater']],
    ['busan', 'colombo', ['Shelter', 'Economy']],
    ['yokohama', 'surabaya', ['Finance']],
    ['incheon', 'tarlac', ['Education', 'Health']],
  ];
  const mentoring_pairs: MentoringPairDoc[] = pairs.map(([mentor, mentee, themes], i) => {
    const rng = new Random(`pair-${i}`);
    const startedOn = `2026-${String(1 + (i % 9)).padStart(2, '0')}-15`;
    const closed = i === 6;
    return {
      _id: `mp-${String(i + 1).padStart(3, '0')}`,
      mentorCityId: mentor,
      menteeCityId: mentee,
      focusThemes: themes,
      status: closed ? 'CLOSED' : 'ACTIVE',
      startedOn,
      closedOn: closed ? '2026-10-30' : null,
      sessions: Array.from({ length: rng.int(1, 4) }, (_, k) => ({
        heldAt: new Date(Date.parse(`${startedOn}T02:00:00Z`) + (k + 1) * 21 * 86_400_000),
        durationMinutes: rng.pick([60, 90, 120]),
        format: rng.pick(['IN_PERSON', 'ONLINE'] as const),
        summary: `Session ${k + 1}: ${themes[k % themes.length]} indicators`,
      })),
    };
  });
  return { workshops, registrations, mentoring_pairs };
}
