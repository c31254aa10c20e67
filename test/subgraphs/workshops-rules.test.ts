/**
 * The workshops subgraph's rules, pure (no database): seats as people and the queue, who may mentor,
 * how mentor candidates are ranked, mentoring dates in the mentor's calendar, local times.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../../gateway/trusted-documents/manifest';
import type { StoredRegistration } from '../../subgraphs/workshops/data/types';
import { CITY_ZONE, MENTOR_FACTS, MENTOR_POOL_FACTS } from '../../subgraphs/workshops/workflows/otherDomains';
import { compareSuggestions, populationBand, rankMentors, type MentorCandidateFacts } from '../../subgraphs/workshops/domain/mentorRanking';
import { checkStartedOn, mentorEligibility, type CertificationFacts, type ThemeCounts } from '../../subgraphs/workshops/domain/mentoring';
import { SeatBook, seatsOf, withParticipants } from '../../subgraphs/workshops/domain/participants';
import { participantQueue, waitlistOf } from '../../subgraphs/workshops/domain/registrations';
import { statusAt } from '../../subgraphs/workshops/domain/lifecycle';
import { localDate, showInstant } from '../../subgraphs/workshops/domain/time';

const NOW = new Date('2027-01-01T00:00:00Z');

describe('seats are people', () => {
  const reg = (id: string, registeredAt = NOW): StoredRegistration => ({ _id: id, workshopId: 'w', cityId: id, status: 'WAITLISTED', registeredAt });
  const place = (book: SeatBook, id: string, people: number) => {
    const seats = book.allocate(
      Array.from({ length: people }, (_, i) => ({ id: `p${i + 1}`, name: `${id} ${i + 1}`, role: 'Officer', email: `${i}@${id}.org` })),
      NOW,
    );
    const r = withParticipants(reg(id), seats, NOW);
    book.put(r);
    return r;
  };

  test('newcomers take seats while free and nobody waits, else queue; partial registrations are split person by person', () => {
    const book = new SeatBook(5, []);
    expect(seatsOf(place(book, 'a', 2)).map((p) => p.status)).toEqual(['CONFIRMED', 'CONFIRMED']);
    const b = place(book, 'b', 4);
    expect(seatsOf(b).map((p) => p.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'WAITLISTED']);
    expect(b.status).toBe('CONFIRMED');
    const c = place(book, 'c', 1);
    expect(c.status).toBe('WAITLISTED');
    expect(book.confirmed).toBe(5);
    expect(book.waiting).toBe(2);
    // The queue: b's fourth person, then c, positions 1..2.
    expect(participantQueue([...book.registrations.values()])).toEqual(['b/p4', 'c/p1']);
    expect(waitlistOf([...book.registrations.values()]).map((r) => r._id)).toEqual(['b', 'c']);
  });

  test('freed seats go to the queue in order, across registrations', () => {
    const book = new SeatBook(3, []);
    place(book, 'a', 3);
    place(book, 'b', 2);
    place(book, 'c', 1);
    // a cancels: its 3 seats go to b's two people and c.
    const a = book.registrations.get('a')!;
    book.put({ ...a, status: 'CANCELLED' });
    const moves = book.fill(NOW);
    expect(moves.map((m) => [m.after._id, m.promoted.map((p) => p.id)])).toEqual([
      ['b', ['p1', 'p2']],
      ['c', ['p1']],
    ]);
    expect(moves.every((m) => m.after.status === 'CONFIRMED')).toBe(true);
    expect(book.confirmed).toBe(3);
    expect(book.waiting).toBe(0);
  });

  test('a registration written before participants holds one unnamed seat in its place', () => {
    const legacy: StoredRegistration = {
      _id: 'old',
      workshopId: 'w',
      cityId: 'old',
      status: 'WAITLISTED',
      registeredAt: new Date('2026-01-01T00:00:00Z'),
      seq: 4,
    };
    expect(seatsOf(legacy)).toEqual([
      { id: 'p1', name: null, role: null, email: null, status: 'WAITLISTED', seq: 4, addedAt: legacy.registeredAt, confirmedAt: null },
    ]);
    const book = new SeatBook(1, [legacy]);
    expect(book.lastSeq).toBe(4);
    expect(book.fill(NOW).map((m) => m.after.participants?.[0].status)).toEqual(['CONFIRMED']);
  });
});

describe('workshop status by the clock', () => {
  const w = { status: 'SCHEDULED' as const, startsAt: new Date('2027-03-10T01:00:00Z'), endsAt: new Date('2027-03-10T09:00:00Z') };
  test.each([
    ['2027-03-10T00:59:59.999Z', 'SCHEDULED'],
    ['2027-03-10T01:00:00.000Z', 'IN_PROGRESS'],
    ['2027-03-10T08:59:59.999Z', 'IN_PROGRESS'],
    ['2027-03-10T09:00:00.000Z', 'COMPLETED'],
  ])('at %s it is %s', (at, status) => {
    expect(statusAt(w, new Date(at))).toBe(status);
    expect(statusAt({ ...w, status: 'CANCELLED' }, new Date(at))).toBe('CANCELLED');
    // Seeded past workshops stored COMPLETED read by the clock too.
    expect(statusAt({ ...w, status: 'COMPLETED' }, new Date(at))).toBe(status);
  });
});

describe('mentor eligibility', () => {
  const theme = (name: string, coreTotal: number, coreVerified: number, supportingTotal = 3, supportingVerified = 0): ThemeCounts => ({
    theme: name,
    coreTotal,
    coreVerified,
    supportingTotal,
    supportingVerified,
  });
  const cert = (year: number, status: string, level: CertificationFacts['level'], byTheme: ThemeCounts[] = []): CertificationFacts => ({
    year,
    status,
    level,
    byTheme,
  });

  test('the latest certification in force at or above the level', () => {
    expect(mentorEligibility('x', [cert(2016, 'CERTIFIED', 'SILVER')], ['Energy'], 'SILVER')).toMatchObject({
      eligible: true,
      reason: 'x is certified SILVER for data year 2016, at or above SILVER',
    });
    expect(mentorEligibility('x', [cert(2016, 'CERTIFIED', 'SILVER')], ['Energy'], 'GOLD').eligible).toBe(false);
    // A later certification not in force (under verification) does not count; the latest in force does.
    expect(mentorEligibility('x', [cert(2017, 'UNDER_VERIFICATION', null), cert(2016, 'CERTIFIED', 'GOLD')], ['Energy'], 'SILVER').eligible).toBe(true);
    // Expired, withdrawn or suspended are not in force.
    expect(mentorEligibility('x', [cert(2016, 'EXPIRED', 'GOLD')], ['Energy'], 'SILVER')).toMatchObject({ eligible: false });
  });

  test('or verified data in every focus theme (every core indicator; every supporting one where a theme has no core)', () => {
    const data = [theme('Energy', 4, 4), theme('Recreation', 0, 0, 2, 2), theme('Finance', 1, 0)];
    const bronze = [cert(2016, 'CERTIFIED', 'BRONZE', data)];
    expect(mentorEligibility('x', bronze, ['Energy', 'Recreation'], 'SILVER')).toMatchObject({
      eligible: true,
      reason: 'x has verified data in every focus theme (data year 2016)',
    });
    const refused = mentorEligibility('x', bronze, ['Energy', 'Finance'], 'SILVER');
    expect(refused.eligible).toBe(false);
    expect(refused.reason).toBe(
      'x cannot mentor: its latest certification in force is BRONZE (data year 2016), below SILVER, and its data for 2016 is not verified in Finance (every core indicator of each focus theme must be VERIFIED)',
    );
    expect(mentorEligibility('x', [], ['Energy'], 'SILVER')).toEqual({
      eligible: false,
      reason: 'x cannot mentor: it has no certification in force (at or above SILVER is needed), and it has no verified data in the focus themes',
    });
  });

  test("a pair starts today or up to 365 days back, in the mentor's calendar", () => {
    expect(checkStartedOn('2026-11-28', '2026-11-28', 'Asia/Manila')).toBe('2026-11-28');
    expect(checkStartedOn('2025-11-28', '2026-11-28', 'Asia/Manila')).toBe('2025-11-28');
    expect(() => checkStartedOn('2025-11-27', '2026-11-28', 'Asia/Manila')).toThrow(
      '"startedOn" must be at most 365 days in the past (from 2025-11-28 in Asia/Manila), got 2025-11-27',
    );
    expect(() => checkStartedOn('2026-11-29', '2026-11-28', 'Asia/Manila')).toThrow(
      '"startedOn" must not be in the future (today is 2026-11-28 in Asia/Manila',
    );
  });
});

describe('mentor ranking', () => {
  const mentee = { cityId: 'kuala-lumpur', region: 'SOUTH_EAST_ASIA', population: 1_982_000 };
  const gap = ['Economy', 'Environment'];
  const byTheme = (economy: number, environment: number, other = 5): ThemeCounts[] => [
    { theme: 'Economy', coreTotal: 3, coreVerified: 3, supportingTotal: 4, supportingVerified: economy },
    { theme: 'Environment', coreTotal: 3, coreVerified: 3, supportingTotal: 5, supportingVerified: environment },
    { theme: 'Health', coreTotal: 4, coreVerified: 4, supportingTotal: 3, supportingVerified: other },
  ];
  const candidate = (cityId: string, over: Partial<MentorCandidateFacts>): MentorCandidateFacts => ({
    cityId,
    dataYear: 2016,
    region: 'EUROPE',
    population: 100_000,
    byTheme: byTheme(0, 0),
    activePairs: 0,
    ...over,
  });

  test('what they can teach first, then the same region or population band, then capacity; never alphabetical by accident', () => {
    const ranked = rankMentors(mentee, gap, [
      candidate('amman', { byTheme: byTheme(2, 2), region: 'WEST_ASIA', population: 4_000_000 }),
      candidate('bangkok', { byTheme: byTheme(1, 1) }),
      candidate('zagreb', { byTheme: byTheme(4, 3) }),
      candidate('yangon', { byTheme: byTheme(2, 2), region: 'SOUTH_EAST_ASIA', population: 5_300_000, activePairs: 2 }),
      candidate('xiamen', { byTheme: byTheme(2, 2), region: 'SOUTH_EAST_ASIA', population: 3_000_000, activePairs: 3 }),
      candidate('wellington', { byTheme: byTheme(2, 2), region: 'SOUTH_EAST_ASIA', population: 3_000_000, activePairs: 1 }),
      candidate('kuala-lumpur', { byTheme: byTheme(4, 5) }),
    ]);
    // amman (same band, no pairs) before yangon (same region, two pairs): equally close, more capacity.
    expect(ranked.map((s) => s.cityId)).toEqual(['zagreb', 'wellington', 'xiamen', 'amman', 'yangon', 'bangkok']);
    expect(ranked[0]).toMatchObject({
      verifiedSupportingInGapThemes: 7,
      verifiedSupportingByTheme: [
        { theme: 'Economy', count: 4 },
        { theme: 'Environment', count: 3 },
      ],
      verifiedThemes: ['Economy', 'Environment'],
    });
    expect(ranked[1]).toMatchObject({ sameRegion: true, samePopulationBand: true, populationBand: '1 to 5 million', activeMentoringPairs: 1 });
    expect(ranked[1].reasons).toEqual([
      '4 VERIFIED supporting indicators in the gap themes (data year 2016): Economy 2, Environment 2',
      'every core indicator VERIFIED in Economy, Environment',
      'same region as kuala-lumpur (SOUTH_EAST_ASIA)',
      'same population band as kuala-lumpur (1 to 5 million)',
      'mentors 1 city at the moment',
    ]);
    for (let i = 1; i < ranked.length; i++) expect(compareSuggestions(ranked[i - 1], ranked[i])).toBeLessThan(0);
  });

  test('a city with nothing verified in the gap themes is left out', () => {
    const nothing: ThemeCounts[] = gap.map((theme) => ({ theme, coreTotal: 3, coreVerified: 1, supportingTotal: 4, supportingVerified: 0 }));
    expect(rankMentors(mentee, gap, [candidate('nowhere', { byTheme: nothing })])).toEqual([]);
  });

  test.each([
    [null, null],
    [38_809, 'under 250 000'],
    [629_616, '250 000 to 1 million'],
    [1_000_000, '1 to 5 million'],
    [24_870_000, '5 million or more'],
  ])('population %s is in the band %s', (population, band) => {
    expect(populationBand(population)).toBe(band);
  });
});

describe('local time', () => {
  test("the mentor's day and messages in local time next to UTC", () => {
    // 01:00 in Manila on the 28th is 17:00 UTC on the 27th.
    expect(localDate(new Date('2026-11-27T17:00:00Z'), 'Asia/Manila')).toBe('2026-11-28');
    expect(localDate(new Date('2026-11-27T17:00:00Z'), 'UTC')).toBe('2026-11-27');
    expect(showInstant(new Date('2027-03-02T03:30:00Z'), 'Asia/Colombo')).toBe('2027-03-02T09:00:00+05:30 (2027-03-02T03:30:00.000Z)');
  });
});

describe('reads through the gateway for anonymous callers are trusted documents', () => {
  // Where trusted documents are enforced (production), the gateway runs only those for anonymous callers.
  test.each([
    ['workshops-city-zone.graphql', CITY_ZONE],
    ['workshops-mentor-facts.graphql', MENTOR_FACTS],
    ['workshops-mentor-pool.graphql', MENTOR_POOL_FACTS],
  ])('%s is the text the subgraph sends, byte for byte, and is in the manifest', (file, text) => {
    const dir = join(__dirname, '..', '..', 'trusted-documents');
    expect(readFileSync(join(dir, file), 'utf8')).toBe(text);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).operations[sha256(text)]).toMatchObject({ file });
  });
});
