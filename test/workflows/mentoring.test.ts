/**
 * Mentoring through the gateway with real tokens: pairing (one ACTIVE pair per two cities, even when
 * two requests race), sessions on active pairs only, closing, role checks, refused writes unchanged.
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
const PAIR = `mutation($mentor: ID!, $mentee: ID!, $themes: [String!]!) { pairMentor(mentorCityId: $mentor, menteeCityId: $mentee, focusThemes: $themes) { ${PAIR_FIELDS} } }`;
const LOG = `mutation($id: ID!, $input: MentoringSessionInput!) { logMentoringSession(pairId: $id, input: $input) { ${PAIR_FIELDS} } }`;
const CLOSE = `mutation($id: ID!) { closeMentoringPair(pairId: $id) { ${PAIR_FIELDS} } }`;
const session = (over: Record<string, unknown> = {}) => ({ heldAt: '2026-11-27T10:00:00+09:00', durationMinutes: 90, format: 'ONLINE', summary: 'Waste audit method', ...over });

describe('pairMentor', () => {
  test('pairs two cities from today, audited; the mentee sees it', async () => {
    const pair = expectOk(await t.query(PAIR, { mentor: 'yokohama', mentee: 'bogor', themes: ['Solid Waste', 'Energy'] }, { token: tokens.staff })).pairMentor;
    expect(pair).toMatchObject({ mentor: { id: 'yokohama', name: 'Yokohama' }, mentee: { id: 'bogor', name: 'Bogor' }, focusThemes: ['Solid Waste', 'Energy'], status: 'ACTIVE', startedOn: '2026-11-28', closedOn: null, sessions: [] });
    expect(await db.collection('audit').countDocuments({ subject: `mentoring:${pair.id}`, action: 'mentoring.paired' })).toBe(1);
    const city = expectOk(await t.query(`{ city(id: "bogor") { mentoring { id } } }`));
    expect(city.city.mentoring.map((p: any) => p.id)).toContain(pair.id);
  });

  test('refuses bad input, unknown cities and a second ACTIVE pair of the same cities (either way round), changing nothing', async () => {
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(PAIR, { mentor: 'makati', mentee: 'makati', themes: ['Safety'] }, { token: tokens.staff }), 'BAD_USER_INPUT', 'menteeCityId');
      expectError(await t.query(PAIR, { mentor: 'makati', mentee: 'bogor', themes: [] }, { token: tokens.staff }), 'BAD_USER_INPUT', 'focusThemes');
      expectError(await t.query(PAIR, { mentor: 'makati', mentee: 'bogor', themes: ['Safety', 'Knitting'] }, { token: tokens.staff }), 'BAD_USER_INPUT', 'focusThemes[1]');
      expectError(await t.query(PAIR, { mentor: 'atlantis', mentee: 'bogor', themes: ['Safety'] }, { token: tokens.staff }), 'NOT_FOUND', 'mentorCityId');
      expectError(await t.query(PAIR, { mentor: 'makati', mentee: 'atlantis', themes: ['Safety'] }, { token: tokens.staff }), 'NOT_FOUND', 'menteeCityId');
      // The sample pairs Makati with Iloilo City (ACTIVE).
      expectError(await t.query(PAIR, { mentor: 'makati', mentee: 'iloilo-city', themes: ['Safety'] }, { token: tokens.staff }), 'CONFLICT');
      expectError(await t.query(PAIR, { mentor: 'iloilo-city', mentee: 'makati', themes: ['Safety'] }, { token: tokens.staff }), 'CONFLICT');
    });
  });

  test('simultaneous pairings of the same two cities: exactly one succeeds', async () => {
    const results = await Promise.all(
      [['seoul', 'da-nang'], ['da-nang', 'seoul'], ['seoul', 'da-nang']].map(([mentor, mentee]) => t.query(PAIR, { mentor, mentee, themes: ['Transportation'] }, { token: tokens.staff })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    results.filter((r) => r.errors).forEach((r) => expectError(r, 'CONFLICT'));
    expect(await db.collection('mentoring_pairs').countDocuments({ status: 'ACTIVE', mentorCityId: { $in: ['seoul', 'da-nang'] }, menteeCityId: { $in: ['seoul', 'da-nang'] } })).toBe(1);
  });
});

describe('sessions and closing', () => {
  test('logs sessions (two at once are both kept), closes, then refuses both on the closed pair; pairing again is fine', async () => {
    // The sample pair Busan -> Colombo (ACTIVE since 2026-06-15).
    const sample = t.dataset.workshops.mentoring_pairs.find((p) => p.mentorCityId === 'busan' && p.menteeCityId === 'colombo' && p.status === 'ACTIVE')!;
    const pair = { id: sample._id };
    const before = sample.sessions.length;
    const logged = expectOk(await t.query(LOG, { id: pair.id, input: session() }, { token: tokens.staff })).logMentoringSession;
    expect(logged.sessions.slice(before)).toEqual([{ heldAt: '2026-11-27T01:00:00.000Z', durationMinutes: 90, format: 'ONLINE', summary: 'Waste audit method' }]);
    const both = await Promise.all([session({ summary: 'A' }), session({ summary: 'B' })].map((input) => t.query(LOG, { id: pair.id, input }, { token: tokens.staff })));
    both.forEach((r) => expect(r.errors).toBeUndefined());
    const stored = await db.collection('mentoring_pairs').findOne({ _id: pair.id as any });
    expect(stored!.sessions.slice(before).map((s: any) => s.summary).sort()).toEqual(['A', 'B', 'Waste audit method']);
    expect(await db.collection('audit').countDocuments({ subject: `mentoring:${pair.id}`, action: 'mentoring.sessionLogged' })).toBe(3);

    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(LOG, { id: pair.id, input: session({ heldAt: '2026-12-01T10:00:00Z' }) }, { token: tokens.staff }), 'BAD_USER_INPUT', 'input.heldAt');
      expectError(await t.query(LOG, { id: pair.id, input: session({ heldAt: '2026-11-27T10:00:00Z', durationMinutes: 0 }) }, { token: tokens.staff }), 'BAD_USER_INPUT', 'input.durationMinutes');
      expectError(await t.query(LOG, { id: pair.id, input: session({ heldAt: '2026-06-14T10:00:00Z' }) }, { token: tokens.staff }), 'BAD_USER_INPUT', 'input.heldAt');
      expectError(await t.query(LOG, { id: 'mp-nope', input: session() }, { token: tokens.staff }), 'NOT_FOUND', 'pairId');
    });

    const closed = expectOk(await t.query(CLOSE, { id: pair.id }, { token: tokens.staff })).closeMentoringPair;
    expect(closed).toMatchObject({ status: 'CLOSED', closedOn: '2026-11-28' });
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(LOG, { id: pair.id, input: session() }, { token: tokens.staff }), 'CONFLICT', 'pairId');
      expectError(await t.query(CLOSE, { id: pair.id }, { token: tokens.staff }), 'CONFLICT', 'pairId');
      expectError(await t.query(CLOSE, { id: 'mp-nope' }, { token: tokens.staff }), 'NOT_FOUND', 'pairId');
    });
    expect(expectOk(await t.query(PAIR, { mentor: 'colombo', mentee: 'busan', themes: ['Wastewater'] }, { token: tokens.staff })).pairMentor.status).toBe('ACTIVE');
  });
});

describe('roles', () => {
  test.each([
    ['pairMentor', PAIR, { mentor: 'makati', mentee: 'colombo', themes: ['Safety'] }],
    ['logMentoringSession', LOG, { id: 'mp-001', input: session() }],
    ['closeMentoringPair', CLOSE, { id: 'mp-001' }],
  ])('%s: anonymous UNAUTHENTICATED; partner app, city officer (even of the mentor), verifier, WCCD staff FORBIDDEN', async (_name, query, variables) => {
    await expectRoleChecks(t, db, STORED, query, variables, [
      { role: 'PARTNER_APP', token: tokens.partner },
      { role: 'CITY_OFFICER', token: await tokens.officer('makati') },
      { role: 'VERIFIER', token: tokens.verifier },
      { role: 'WCCD_STAFF', token: tokens.wccd },
    ]);
  });
});
