/**
 * Mentoring through the gateway with real tokens: pairing (eligible mentors only, read from
 * certification and indicators; a start up to 365 days back in the mentor's local calendar; one
 * ACTIVE pair per two cities, even when two requests race), sessions in local time on active pairs
 * only, checked against the start in the mentor's local day, closing with an outcome, role checks,
 * refused writes unchanged.
 */
import type { Db } from 'mongodb';
import { startTestStack, type TestStack } from '../support/stack';
import { dbOf, expectError, expectOk, expectRoleChecks, expectUnchanged, makeTokens, type Tokens } from './helpers';

let t: TestStack;
let tokens: Tokens;
let db: Db;
const STORED = ['mentoring_pairs', 'audit'];

beforeAll(async () => {
  t = await startTestStack();
  tokens = await makeTokens();
  db = dbOf(t, 'workshops');
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

const PAIR_FIELDS = 'id mentor { id name } mentee { id name } focusThemes status startedOn closedOn sessions { heldAt durationMinutes format summary }';
const PAIR = `mutation($mentor: ID!, $mentee: ID!, $themes: [String!]!, $startedOn: Date) { pairMentor(mentorCityId: $mentor, menteeCityId: $mentee, focusThemes: $themes, startedOn: $startedOn) { ${PAIR_FIELDS} timezone } }`;
const LOG = `mutation($id: ID!, $input: MentoringSessionInput!) { logMentoringSession(pairId: $id, input: $input) { ${PAIR_FIELDS} } }`;
const CLOSE = `mutation($id: ID!, $outcome: MentoringOutcomeInput!) { closeMentoringPair(pairId: $id, outcome: $outcome) { ${PAIR_FIELDS} outcome { result summary } } }`;
const OUTCOME = { result: 'GOALS_MET', summary: 'Waste audit method in place' };
const session = (over: Record<string, unknown> = {}) => ({
  heldAt: '2026-11-27T10:00:00+09:00',
  durationMinutes: 90,
  format: 'ONLINE',
  summary: 'Waste audit method',
  ...over,
});

describe('pairMentor', () => {
  test('pairs two cities from today, audited; the mentee sees it', async () => {
    const pair = expectOk(await t.query(PAIR, { mentor: 'yokohama', mentee: 'bogor', themes: ['Solid Waste', 'Energy'] }, { token: tokens.staff })).pairMentor;
    expect(pair).toMatchObject({
      mentor: { id: 'yokohama', name: 'Yokohama' },
      mentee: { id: 'bogor', name: 'Bogor' },
      focusThemes: ['Solid Waste', 'Energy'],
      status: 'ACTIVE',
      startedOn: '2026-11-28',
      closedOn: null,
      sessions: [],
    });
    expect(await db.collection('audit').countDocuments({ subject: `mentoring:${pair.id}`, action: 'mentoring.paired' })).toBe(1);
    const city = expectOk(await t.query(`{ city(id: "bogor") { mentoring { id } } }`));
    expect(city.city.mentoring.map((p: any) => p.id)).toContain(pair.id);
  });

  test('refuses bad input, unknown cities and a second ACTIVE pair of the same cities (either way round), changing nothing', async () => {
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(PAIR, { mentor: 'makati', mentee: 'makati', themes: ['Safety'] }, { token: tokens.staff }), 'BAD_USER_INPUT', 'menteeCityId');
      expectError(await t.query(PAIR, { mentor: 'makati', mentee: 'bogor', themes: [] }, { token: tokens.staff }), 'BAD_USER_INPUT', 'focusThemes');
      expectError(
        await t.query(PAIR, { mentor: 'makati', mentee: 'bogor', themes: ['Safety', 'Knitting'] }, { token: tokens.staff }),
        'BAD_USER_INPUT',
        'focusThemes[1]',
      );
      expectError(await t.query(PAIR, { mentor: 'atlantis', mentee: 'bogor', themes: ['Safety'] }, { token: tokens.staff }), 'NOT_FOUND', 'mentorCityId');
      expectError(await t.query(PAIR, { mentor: 'makati', mentee: 'atlantis', themes: ['Safety'] }, { token: tokens.staff }), 'NOT_FOUND', 'menteeCityId');
      // The sample pairs Makati with Iloilo City (ACTIVE).
      expectError(await t.query(PAIR, { mentor: 'makati', mentee: 'iloilo-city', themes: ['Safety'] }, { token: tokens.staff }), 'CONFLICT');
      // Iloilo City (data submitted, nothing verified) may not mentor at all.
      expectError(await t.query(PAIR, { mentor: 'iloilo-city', mentee: 'makati', themes: ['Safety'] }, { token: tokens.staff }), 'FORBIDDEN');
    });
    // Either way round: Toronto mentors Makati, so Makati cannot also mentor Toronto.
    expectOk(await t.query(PAIR, { mentor: 'toronto', mentee: 'makati', themes: ['Safety'] }, { token: tokens.staff }));
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(PAIR, { mentor: 'makati', mentee: 'toronto', themes: ['Safety'] }, { token: tokens.staff }), 'CONFLICT');
    });
  });

  test('simultaneous pairings of the same two cities: exactly one succeeds', async () => {
    const results = await Promise.all(
      [
        ['markham', 'charlottetown'],
        ['charlottetown', 'markham'],
        ['markham', 'charlottetown'],
      ].map(([mentor, mentee]) => t.query(PAIR, { mentor, mentee, themes: ['Transportation'] }, { token: tokens.staff })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    results
      .filter((r) => r.errors)
      .forEach((r) => {
        expectError(r, 'CONFLICT');
      });
    expect(
      await db
        .collection('mentoring_pairs')
        .countDocuments({ status: 'ACTIVE', mentorCityId: { $in: ['markham', 'charlottetown'] }, menteeCityId: { $in: ['markham', 'charlottetown'] } }),
    ).toBe(1);
  });
});

describe('sessions and closing', () => {
  test('logs sessions (two at once are both kept), closes, then refuses both on the closed pair; pairing again is fine', async () => {
    // The sample pair Busan -> Colombo (ACTIVE since 2026-06-15).
    const sample = t.dataset.workshops.mentoring_pairs.find((p) => p.mentorCityId === 'busan' && p.menteeCityId === 'colombo' && p.status === 'ACTIVE')!;
    const pair = { id: sample._id };
    const before = sample.sessions.length;
    const logged = expectOk(await t.query(LOG, { id: pair.id, input: session() }, { token: tokens.staff })).logMentoringSession;
    expect(logged.sessions.slice(before)).toEqual([
      { heldAt: '2026-11-27T01:00:00.000Z', durationMinutes: 90, format: 'ONLINE', summary: 'Waste audit method' },
    ]);
    const both = await Promise.all(
      [session({ summary: 'A' }), session({ summary: 'B' })].map((input) => t.query(LOG, { id: pair.id, input }, { token: tokens.staff })),
    );
    both.forEach((r) => {
      expect(r.errors).toBeUndefined();
    });
    const stored = await db.collection('mentoring_pairs').findOne({ _id: pair.id as any });
    expect(
      stored!.sessions
        .slice(before)
        .map((s: any) => s.summary)
        .sort(),
    ).toEqual(['A', 'B', 'Waste audit method']);
    expect(await db.collection('audit').countDocuments({ subject: `mentoring:${pair.id}`, action: 'mentoring.sessionLogged' })).toBe(3);

    await expectUnchanged(db, STORED, async () => {
      expectError(
        await t.query(LOG, { id: pair.id, input: session({ heldAt: '2026-12-01T10:00:00Z' }) }, { token: tokens.staff }),
        'BAD_USER_INPUT',
        'input.heldAt',
      );
      expectError(
        await t.query(LOG, { id: pair.id, input: session({ heldAt: '2026-11-27T10:00:00Z', durationMinutes: 0 }) }, { token: tokens.staff }),
        'BAD_USER_INPUT',
        'input.durationMinutes',
      );
      expectError(
        await t.query(LOG, { id: pair.id, input: session({ heldAt: '2026-06-14T10:00:00Z' }) }, { token: tokens.staff }),
        'BAD_USER_INPUT',
        'input.heldAt',
      );
      expectError(await t.query(LOG, { id: 'mp-nope', input: session() }, { token: tokens.staff }), 'NOT_FOUND', 'pairId');
    });

    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(CLOSE, { id: pair.id, outcome: { ...OUTCOME, summary: 'x' } }, { token: tokens.staff }), 'BAD_USER_INPUT', 'outcome.summary');
    });
    const closed = expectOk(await t.query(CLOSE, { id: pair.id, outcome: OUTCOME }, { token: tokens.staff })).closeMentoringPair;
    expect(closed).toMatchObject({ status: 'CLOSED', closedOn: '2026-11-28', outcome: OUTCOME });
    expect(await db.collection('audit').findOne({ subject: `mentoring:${pair.id}`, action: 'mentoring.closed' })).toMatchObject({
      new: { status: 'CLOSED', outcome: OUTCOME },
    });
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(LOG, { id: pair.id, input: session() }, { token: tokens.staff }), 'CONFLICT', 'pairId');
      expectError(await t.query(CLOSE, { id: pair.id, outcome: OUTCOME }, { token: tokens.staff }), 'CONFLICT', 'pairId');
      expectError(await t.query(CLOSE, { id: 'mp-nope', outcome: OUTCOME }, { token: tokens.staff }), 'NOT_FOUND', 'pairId');
    });
    expect(expectOk(await t.query(PAIR, { mentor: 'busan', mentee: 'colombo', themes: ['Wastewater'] }, { token: tokens.staff })).pairMentor.status).toBe(
      'ACTIVE',
    );
  });
});

describe('roles', () => {
  test.each([
    ['pairMentor', PAIR, { mentor: 'makati', mentee: 'colombo', themes: ['Safety'] }],
    ['logMentoringSession', LOG, { id: 'mp-001', input: session() }],
    ['closeMentoringPair', CLOSE, { id: 'mp-001', outcome: OUTCOME }],
  ])('%s: anonymous UNAUTHENTICATED; partner app, city officer (even of the mentor), verifier, WCCD staff FORBIDDEN', async (_name, query, variables) => {
    await expectRoleChecks(t, db, STORED, query, variables, [
      { role: 'PARTNER_APP', token: tokens.partner },
      { role: 'CITY_OFFICER', token: await tokens.officer('makati') },
      { role: 'VERIFIER', token: tokens.verifier },
      { role: 'WCCD_STAFF', token: tokens.wccd },
    ]);
  });
});

describe('eligibility', () => {
  const COVERAGE = `query($id: ID!) { city(id: $id) { certifications { year status level coverage { byTheme { theme coreTotal coreVerified supportingTotal supportingVerified } } } } }`;
  const verifiedTheme = (t: any) => (t.coreTotal > 0 ? t.coreVerified === t.coreTotal : t.supportingTotal > 0 && t.supportingVerified === t.supportingTotal);

  test('an uncertified city without verified data may not mentor: FORBIDDEN with the reason, nothing stored', async () => {
    // Chennai: enrolled with WCCD, not a CityNet member, nothing verified.
    const result = await expectUnchanged(db, STORED, () =>
      t.query(PAIR, { mentor: 'chennai', mentee: 'bogor', themes: ['Solid Waste'] }, { token: tokens.staff }),
    );
    expectError(result, 'FORBIDDEN', 'mentorCityId');
    expect(result.errors![0].message).toMatch(/^chennai cannot mentor: it has no certification in force \(at or above SILVER is needed\)/);
  });

  test('certified at or above the configured level (default SILVER), or verified data in every focus theme', async () => {
    // Kuala Lumpur: SILVER for 2016. A focus theme its 2016 data does not have fully verified, from the data.
    const kl = expectOk(await t.query(COVERAGE, { id: 'kuala-lumpur' })).city.certifications.find((c: any) => c.year === 2016);
    expect(kl).toMatchObject({ status: 'CERTIFIED', level: 'SILVER' });
    const unverified = kl.coverage.byTheme.find((t: any) => !verifiedTheme(t))?.theme;
    const verified = kl.coverage.byTheme.find((t: any) => verifiedTheme(t))?.theme;
    expect(unverified).toBeDefined();
    expect(verified).toBeDefined();
    const previous = process.env.MENTOR_MIN_LEVEL;
    try {
      // Above its level, it may still mentor on themes its data has verified, not on the others.
      process.env.MENTOR_MIN_LEVEL = 'GOLD';
      const refused = await expectUnchanged(db, STORED, () =>
        t.query(PAIR, { mentor: 'kuala-lumpur', mentee: 'suwon', themes: [verified, unverified] }, { token: tokens.staff }),
      );
      expectError(refused, 'FORBIDDEN', 'mentorCityId');
      expect(refused.errors![0].message).toContain(`its latest certification in force is SILVER (data year 2016), below GOLD`);
      expect(refused.errors![0].message).toContain(unverified);
      expect(expectOk(await t.query(PAIR, { mentor: 'kuala-lumpur', mentee: 'suwon', themes: [verified] }, { token: tokens.staff })).pairMentor.status).toBe(
        'ACTIVE',
      );
    } finally {
      if (previous === undefined) delete process.env.MENTOR_MIN_LEVEL;
      else process.env.MENTOR_MIN_LEVEL = previous;
    }
    // At the default level, SILVER is enough on any theme.
    expect(
      expectOk(await t.query(PAIR, { mentor: 'kuala-lumpur', mentee: 'penang-island', themes: [unverified] }, { token: tokens.staff })).pairMentor.status,
    ).toBe('ACTIVE');
    expect(
      await db.collection('audit').findOne({ action: 'mentoring.paired', 'new.mentorCityId': 'kuala-lumpur', 'new.menteeCityId': 'penang-island' }),
    ).toMatchObject({
      new: { eligibility: 'kuala-lumpur is certified SILVER for data year 2016, at or above SILVER' },
    });
  });
});

describe('dates and local time', () => {
  test("a pair starts on a given day up to 365 days back in the mentor's calendar, never in the future", async () => {
    // The pinned clock is 2026-11-28T00:00Z: 08:00 on the 28th in Manila.
    const pair = expectOk(
      await t.query(PAIR, { mentor: 'makati', mentee: 'bogor', themes: ['Safety'], startedOn: '2025-11-28' }, { token: tokens.staff }),
    ).pairMentor;
    expect(pair).toMatchObject({ startedOn: '2025-11-28', timezone: 'Asia/Manila' });
    await expectUnchanged(db, STORED, async () => {
      const future = await t.query(PAIR, { mentor: 'makati', mentee: 'suwon', themes: ['Safety'], startedOn: '2026-11-29' }, { token: tokens.staff });
      expectError(future, 'BAD_USER_INPUT', 'startedOn');
      expect(future.errors![0].message).toContain('today is 2026-11-28 in Asia/Manila');
      expectError(
        await t.query(PAIR, { mentor: 'makati', mentee: 'suwon', themes: ['Safety'], startedOn: '2025-11-27' }, { token: tokens.staff }),
        'BAD_USER_INPUT',
        'startedOn',
      );
      const impossible = await t.query(PAIR, { mentor: 'makati', mentee: 'suwon', themes: ['Safety'], startedOn: '2026-02-30' }, { token: tokens.staff });
      expect(impossible.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(impossible.errors![0].message).toContain('startedOn');
    });
  });

  test("sessions are checked against the start in the mentor's local day and shown in local time", async () => {
    // A Manila pair starting today (the 28th there): a session at 01:00+08:00 that day is 17:00Z the day before.
    const pair = expectOk(await t.query(PAIR, { mentor: 'makati', mentee: 'suwon', themes: ['Governance'] }, { token: tokens.staff })).pairMentor;
    expect(pair.startedOn).toBe('2026-11-28');
    const LOCAL = `mutation($id: ID!, $input: MentoringSessionInput!) { logMentoringSession(pairId: $id, input: $input) { sessions { heldAt localHeldAt } } }`;
    const logged = expectOk(
      await t.query(LOCAL, { id: pair.id, input: session({ heldAt: '2026-11-28T01:00:00+08:00' }) }, { token: tokens.staff }),
    ).logMentoringSession;
    expect(logged.sessions).toEqual([{ heldAt: '2026-11-27T17:00:00.000Z', localHeldAt: '2026-11-28T01:00:00+08:00' }]);
    await expectUnchanged(db, STORED, async () => {
      const before = await t.query(LOCAL, { id: pair.id, input: session({ heldAt: '2026-11-27T23:59:00+08:00' }) }, { token: tokens.staff });
      expectError(before, 'BAD_USER_INPUT', 'input.heldAt');
      expect(before.errors![0].message).toContain('2026-11-28 in Asia/Manila');
    });
    // A seeded pair (no stored zone) shows its sessions in the mentor's zone (Busan: Asia/Seoul).
    const seeded = expectOk(await t.query(`{ mentoringPair(id: "mp-006") { timezone sessions { heldAt localHeldAt } } }`)).mentoringPair;
    expect(seeded.timezone).toBe('Asia/Seoul');
    expect(seeded.sessions[0].localHeldAt).toMatch(/\+09:00$/);
  });
});
