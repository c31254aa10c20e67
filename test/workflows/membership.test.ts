/**
 * Membership workflows through the gateway with real tokens over the real database: admitting
 * members (full with their city, associate), status, clusters, national chapter, programme
 * enrolment, staff-only contacts and fees, role checks, and refused writes leaving data untouched.
 */
import type { Db } from 'mongodb';
import { startTestStack, type TestStack } from '../support/stack';
import { dbOf, expectError, expectOk, expectRoleChecks, expectUnchanged, makeTokens, type Tokens } from './helpers';

let t: TestStack;
let tokens: Tokens;
let db: Db;
const STORED = [
  'cities',
  'members',
  'member_contacts',
  'enrolments',
  'audit',
  'dues',
  'events',
  'city_search_keys',
  'city_search_terms',
  'programme_rounds',
  'programme_applications',
];

beforeAll(async () => {
  t = await startTestStack();
  tokens = await makeTokens();
  db = dbOf(t, 'membership');
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

const ADMIT = `mutation($input: AdmitMemberInput!) {
  admitMember(input: $input) {
    id name category organisationType country status since clusters nationalChapter
    city { id name country region population areaKm2 timezone membership { category status } }
  }
}`;
const STATUS = `mutation($id: ID!, $status: MemberStatus!, $reason: String!) { changeMemberStatus(memberId: $id, status: $status, reason: $reason) { id status } }`;
const CLUSTERS = `mutation($id: ID!, $clusters: [Cluster!]!) { setMemberClusters(memberId: $id, clusters: $clusters) { id clusters } }`;
const CHAPTER = `mutation($id: ID!, $chapter: String) { setNationalChapter(memberId: $id, nationalChapter: $chapter) { id nationalChapter } }`;
const ENROL = `mutation($cityId: ID!, $round: Int!, $on: Date!) {
  enrolCity(cityId: $cityId, round: $round, enrolledOn: $on) { programme round enrolledOn subsidisedUntil subsidised city { id name } }
}`;
const PRIVATE = `query($id: ID!) { member(id: $id) { id name contacts { focalPointName email sampleData } annualFeeUsd } }`;

const fullInput = (over: Record<string, unknown> = {}) => ({
  category: 'FULL',
  name: 'Cebu City',
  country: 'PH',
  clusters: ['DISASTER'],
  nationalChapter: 'Philippines',
  city: { region: 'SOUTH_EAST_ASIA', population: 964169, areaKm2: 315, timezone: 'Asia/Manila' },
  contacts: { focalPointName: 'Test Focal Point', email: 'focal@cebu.example.org' },
  ...over,
});

const auditFor = (subject: string) => db.collection('audit').find({ subject }).sort({ at: 1 }).toArray();

describe('admitMember', () => {
  test('a full member creates its city (id from the name) and membership, ACTIVE from today, audited', async () => {
    const data = expectOk(await t.query(ADMIT, { input: fullInput() }, { token: tokens.staff }));
    expect(data.admitMember).toEqual({
      id: 'cebu-city',
      name: 'Cebu City',
      category: 'FULL',
      organisationType: 'LOCAL_GOVERNMENT',
      country: 'PH',
      status: 'ACTIVE',
      since: '2026-11-28',
      clusters: ['DISASTER'],
      nationalChapter: 'Philippines',
      city: {
        id: 'cebu-city',
        name: 'Cebu City',
        country: 'PH',
        region: 'SOUTH_EAST_ASIA',
        population: 964169,
        areaKm2: 315,
        timezone: 'Asia/Manila',
        membership: { category: 'FULL', status: 'ACTIVE' },
      },
    });
    // The city is a City of the federated graph like any other.
    const city = expectOk(await t.query(`{ city(id: "cebu-city") { name membership { since } programmeEnrolment { round } } }`));
    expect(city.city).toEqual({ name: 'Cebu City', membership: { since: '2026-11-28' }, programmeEnrolment: null });
    expect(await db.collection('member_contacts').findOne({ _id: 'cebu-city' as any })).toMatchObject({
      focalPointName: 'Test Focal Point',
      sampleData: false,
    });
    const audit = await auditFor('member:cebu-city');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      cityId: 'cebu-city',
      year: null,
      actor: 'staff:citynet-1',
      actorRoles: ['CITYNET_STAFF'],
      action: 'member.admitted',
      old: null,
    });
    expect(audit[0].new).toMatchObject({ _id: 'cebu-city', status: 'ACTIVE' });
    expect(await auditFor('city:cebu-city')).toHaveLength(1);
  });

  test('an associate member is an organisation without a city; a given id, PENDING status and date are kept', async () => {
    const input = {
      category: 'ASSOCIATE',
      id: 'urban-lab-asia',
      name: 'Urban Lab Asia',
      country: 'TH',
      organisationType: 'NGO',
      status: 'PENDING',
      since: '2026-10-01',
    };
    const data = expectOk(await t.query(ADMIT, { input }, { token: tokens.staff }));
    expect(data.admitMember).toMatchObject({
      id: 'urban-lab-asia',
      category: 'ASSOCIATE',
      organisationType: 'NGO',
      status: 'PENDING',
      since: '2026-10-01',
      clusters: [],
      nationalChapter: null,
      city: null,
    });
    expect(await db.collection('cities').findOne({ _id: 'urban-lab-asia' as any })).toBeNull();
  });

  test('slugs drop accents and punctuation', async () => {
    const data = expectOk(
      await t.query(
        ADMIT,
        {
          input: fullInput({
            name: "Đà Lạt St. Mary's",
            country: 'VN',
            nationalChapter: null,
            contacts: null,
            city: { region: 'SOUTH_EAST_ASIA', timezone: 'Asia/Ho_Chi_Minh' },
          }),
        },
        { token: tokens.staff },
      ),
    );
    expect(data.admitMember.id).toBe('da-lat-st-marys');
    expect(data.admitMember.city.timezone).toBe('Asia/Ho_Chi_Minh');
  });

  test.each([
    ['input.name', { name: ' ' }],
    ['input.id', { id: 'Not A Slug' }],
    ['input.name', { name: '***' }],
    ['input.country', { country: 'ph' }],
    ['input.country', { country: 'XX' }],
    ['input.status', { status: 'SUSPENDED' }],
    ['input.since', { since: '2027-01-01' }],
    ['input.clusters[1]', { clusters: ['SDGS', 'SDGS'] }],
    ['input.nationalChapter', { nationalChapter: 'Atlantis' }],
    ['input.organisationType', { organisationType: 'NGO' }],
    ['input.city', { city: null }],
    ['input.city.population', { city: { region: 'SOUTH_EAST_ASIA', population: 0, timezone: 'Asia/Manila' } }],
    ['input.city.areaKm2', { city: { region: 'SOUTH_EAST_ASIA', areaKm2: -3, timezone: 'Asia/Manila' } }],
    ['input.city.timezone', { city: { region: 'SOUTH_EAST_ASIA', timezone: 'Mars/Olympus_Mons' } }],
    ['input.city.timezone', { city: { region: 'SOUTH_EAST_ASIA', timezone: '+08:00' } }],
    ['input.city.timezone', { city: { region: 'SOUTH_EAST_ASIA', timezone: 'asia/manila' } }],
    ['input.contacts.email', { contacts: { focalPointName: 'A B', email: 'not-an-email' } }],
    ['input.organisationType', { category: 'ASSOCIATE', city: null }],
    ['input.organisationType', { category: 'ASSOCIATE', city: null, organisationType: 'LOCAL_GOVERNMENT' }],
    ['input.city', { category: 'ASSOCIATE', organisationType: 'NGO' }],
  ])('refuses a bad %s, naming it, and stores nothing', async (field, over) => {
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(ADMIT, { input: fullInput({ name: 'Davao City', ...over }) }, { token: tokens.staff }), 'BAD_USER_INPUT', field);
    });
  });

  test('an id in use (by a member or a city) is a CONFLICT, and nothing changes', async () => {
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(ADMIT, { input: fullInput({ name: 'Makati' }) }, { token: tokens.staff }), 'CONFLICT', 'input.name');
      expectError(await t.query(ADMIT, { input: fullInput({ name: 'Somewhere', id: 'toronto' }) }, { token: tokens.staff }), 'CONFLICT', 'input.id');
      const associate = { category: 'ASSOCIATE', name: 'X Org', id: 'bangladesh-institute-of-planners', country: 'BD', organisationType: 'INSTITUTE' };
      expectError(await t.query(ADMIT, { input: associate }, { token: tokens.staff }), 'CONFLICT', 'input.id');
    });
  });

  test('two simultaneous admissions of the same id: exactly one succeeds', async () => {
    const results = await Promise.all([1, 2, 3].map(() => t.query(ADMIT, { input: fullInput({ name: 'Baguio' }) }, { token: tokens.staff })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    results
      .filter((r) => r.errors)
      .forEach((r) => {
        expectError(r, 'CONFLICT');
      });
    expect(await db.collection('members').countDocuments({ _id: 'baguio' as any })).toBe(1);
    expect(await db.collection('cities').countDocuments({ _id: 'baguio' as any })).toBe(1);
  });
});

describe('member status, clusters and national chapter', () => {
  test('changes the status with a reason (audited); the same status again changes nothing', async () => {
    const data = expectOk(await t.query(STATUS, { id: 'penang-island', status: 'SUSPENDED', reason: 'Dues unpaid for 2026' }, { token: tokens.staff }));
    expect(data.changeMemberStatus).toEqual({ id: 'penang-island', status: 'SUSPENDED' });
    expect((await db.collection('members').findOne({ _id: 'penang-island' as any }))!.status).toBe('SUSPENDED');
    const audit = await auditFor('member:penang-island');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'member.statusChanged',
      cityId: 'penang-island',
      old: { status: 'ACTIVE' },
      new: { status: 'SUSPENDED', reason: 'Dues unpaid for 2026' },
    });
    await expectUnchanged(db, STORED, async () => {
      expect(
        expectOk(await t.query(STATUS, { id: 'penang-island', status: 'SUSPENDED', reason: 'again' }, { token: tokens.staff })).changeMemberStatus.status,
      ).toBe('SUSPENDED');
    });
    expectOk(await t.query(STATUS, { id: 'penang-island', status: 'ACTIVE', reason: 'Dues paid' }, { token: tokens.staff }));
  });

  test('refuses transitions that make no sense, unknown members and empty reasons, changing nothing', async () => {
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(STATUS, { id: 'tarlac', status: 'SUSPENDED', reason: 'not yet a member' }, { token: tokens.staff }), 'CONFLICT', 'status');
      expectError(await t.query(STATUS, { id: 'nowhere', status: 'ACTIVE', reason: 'who?' }, { token: tokens.staff }), 'NOT_FOUND', 'memberId');
      expectError(await t.query(STATUS, { id: 'makati', status: 'SUSPENDED', reason: '  ' }, { token: tokens.staff }), 'BAD_USER_INPUT', 'reason');
    });
  });

  test('a withdrawn member can only re-apply (PENDING)', async () => {
    expectOk(await t.query(STATUS, { id: 'bangkok', status: 'WITHDRAWN', reason: 'Left the network' }, { token: tokens.staff }));
    expectError(await t.query(STATUS, { id: 'bangkok', status: 'ACTIVE', reason: 'Back' }, { token: tokens.staff }), 'CONFLICT');
    expect(expectOk(await t.query(STATUS, { id: 'bangkok', status: 'PENDING', reason: 'Re-applied' }, { token: tokens.staff })).changeMemberStatus.status).toBe(
      'PENDING',
    );
  });

  test('sets clusters (audited) and refuses repeated ones', async () => {
    const data = expectOk(await t.query(CLUSTERS, { id: 'surabaya', clusters: ['INFRASTRUCTURE', 'SDGS'] }, { token: tokens.staff }));
    expect(data.setMemberClusters.clusters).toEqual(['INFRASTRUCTURE', 'SDGS']);
    const audit = await auditFor('member:surabaya');
    expect(audit.at(-1)).toMatchObject({
      action: 'member.clustersSet',
      old: { clusters: ['CLIMATE_CHANGE', 'SDGS'] },
      new: { clusters: ['INFRASTRUCTURE', 'SDGS'] },
    });
    await expectUnchanged(db, STORED, async () => {
      expectError(
        await t.query(CLUSTERS, { id: 'surabaya', clusters: ['SDGS', 'DISASTER', 'SDGS'] }, { token: tokens.staff }),
        'BAD_USER_INPUT',
        'clusters[2]',
      );
      expectError(await t.query(CLUSTERS, { id: 'nobody', clusters: [] }, { token: tokens.staff }), 'NOT_FOUND');
    });
  });

  test('sets and clears the national chapter from the configured list', async () => {
    expect(
      expectOk(await t.query(CHAPTER, { id: 'ho-chi-minh-city', chapter: 'Philippines' }, { token: tokens.staff })).setNationalChapter.nationalChapter,
    ).toBe('Philippines');
    expect(expectOk(await t.query(CHAPTER, { id: 'ho-chi-minh-city', chapter: null }, { token: tokens.staff })).setNationalChapter.nationalChapter).toBeNull();
    expect((await auditFor('member:ho-chi-minh-city')).map((a) => a.new)).toEqual([{ nationalChapter: 'Philippines' }, { nationalChapter: null }]);
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(CHAPTER, { id: 'makati', chapter: 'Atlantis' }, { token: tokens.staff }), 'BAD_USER_INPUT', 'nationalChapter');
    });
  });
});

describe('enrolCity', () => {
  test('enrols an active member city with three subsidised years (to the day before)', async () => {
    const data = expectOk(await t.query(ENROL, { cityId: 'suwon', round: 2026, on: '2026-11-01' }, { token: tokens.staff }));
    expect(data.enrolCity).toEqual({
      programme: 'CityNet–WCCD ISO 37120 joint programme',
      round: 2026,
      enrolledOn: '2026-11-01',
      subsidisedUntil: '2029-10-31',
      subsidised: true,
      city: { id: 'suwon', name: 'Suwon' },
    });
    expect((await auditFor('enrolment:suwon'))[0]).toMatchObject({
      action: 'city.enrolled',
      cityId: 'suwon',
      new: { round: 2026, subsidisedUntil: '2029-10-31' },
    });
    const city = expectOk(await t.query(`{ city(id: "suwon") { programmeEnrolment { round } } }`));
    expect(city.city.programmeEnrolment).toEqual({ round: 2026 });
  });

  test('a 29 February enrolment is subsidised to 28 February three years on', async () => {
    const data = expectOk(await t.query(ENROL, { cityId: 'bogor', round: 2024, on: '2024-02-29' }, { token: tokens.staff }));
    expect(data.enrolCity).toMatchObject({ subsidisedUntil: '2027-02-28', subsidised: true });
  });

  test('refuses a second enrolment, unknown cities, non-members and bad rounds, changing nothing', async () => {
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(ENROL, { cityId: 'makati', round: 2026, on: '2026-11-01' }, { token: tokens.staff }), 'CONFLICT', 'cityId');
      expectError(await t.query(ENROL, { cityId: 'atlantis', round: 2026, on: '2026-11-01' }, { token: tokens.staff }), 'NOT_FOUND', 'cityId');
      expectError(await t.query(ENROL, { cityId: 'shanghai', round: 2026, on: '2026-11-01' }, { token: tokens.staff }), 'CONFLICT', 'cityId');
      expectError(await t.query(ENROL, { cityId: 'tarlac', round: 2026, on: '2026-11-01' }, { token: tokens.staff }), 'CONFLICT', 'cityId');
      expectError(await t.query(ENROL, { cityId: 'jakarta', round: 1999, on: '2026-11-01' }, { token: tokens.staff }), 'BAD_USER_INPUT', 'round');
      expectError(await t.query(ENROL, { cityId: 'jakarta', round: 2026, on: '2020-01-01' }, { token: tokens.staff }), 'BAD_USER_INPUT', 'enrolledOn');
    });
  });

  test('simultaneous enrolments of one city: exactly one succeeds', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => t.query(ENROL, { cityId: 'jakarta', round: 2026, on: '2026-11-15' }, { token: tokens.staff })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    results
      .filter((r) => r.errors)
      .forEach((r) => {
        expectError(r, 'CONFLICT');
      });
    expect(await db.collection('enrolments').countDocuments({ cityId: 'jakarta' })).toBe(1);
  });
});

describe('updateCity', () => {
  const UPDATE = `mutation($id: ID!, $input: UpdateCityInput!) {
    updateCity(cityId: $id, input: $input) { id name region population areaKm2 timezone nativeName otherNames { name kind language source note } }
  }`;
  const SEARCH = `query($q: String!) { cities(filter: { search: $q }, first: 10) { edges { node { id } match { kind name } } } }`;

  test('changes the facts (audited) with a city.changed event in the same write, and the search follows the names', async () => {
    const input = {
      population: 1_200_000,
      timezone: 'Asia/Jakarta',
      otherNames: [
        { name: 'Buitenzorg', kind: 'FORMER', language: 'nl', source: 'https://en.wikipedia.org/wiki/Bogor', note: 'Dutch colonial name' },
        { name: 'Kota Hujan', kind: 'ALTERNATIVE', language: 'id', source: 'https://en.wikipedia.org/wiki/Bogor', note: 'City of Rain' },
      ],
    };
    const data = expectOk(await t.query(UPDATE, { id: 'bogor', input }, { token: tokens.staff }));
    expect(data.updateCity).toMatchObject({ id: 'bogor', name: 'Bogor', population: 1_200_000, timezone: 'Asia/Jakarta', nativeName: null });
    expect(data.updateCity.otherNames.map((n: any) => n.name)).toEqual(['Buitenzorg', 'Kota Hujan']);
    const city = await db.collection('cities').findOne({ _id: 'bogor' as any });
    expect(city).toMatchObject({ version: 1, population: 1_200_000 });
    expect(city!.outbox).toBeUndefined();
    const audit = await auditFor('city:bogor');
    expect(audit.at(-1)).toMatchObject({ action: 'city.changed', cityId: 'bogor', old: { population: 1100000 }, new: { population: 1200000 } });
    const event = await db.collection('events').findOne({ _id: 'city.changed:bogor:v1' as any });
    expect(event).toMatchObject({
      type: 'city.changed',
      payload: { cityId: 'bogor', name: 'Bogor', country: 'ID', region: 'SOUTH_EAST_ASIA', population: 1_200_000, timezone: 'Asia/Jakarta', version: 1 },
    });
    expect(event!.seq).toEqual(expect.any(Number));
    // The new alternative name is searchable at once.
    const found = expectOk(await t.query(SEARCH, { q: 'kota huj' }));
    expect(found.cities.edges).toEqual([{ node: { id: 'bogor' }, match: { kind: 'PREFIX', name: 'Kota Hujan' } }]);
    // The same values again: nothing written, no event.
    await expectUnchanged(db, STORED, async () => {
      expectOk(await t.query(UPDATE, { id: 'bogor', input }, { token: tokens.staff }));
    });
    // A rename: the old name is gone from the index, the new one is found.
    expectOk(await t.query(UPDATE, { id: 'bogor', input: { name: 'Bogor City', otherNames: [] } }, { token: tokens.staff }));
    expect(expectOk(await t.query(SEARCH, { q: 'kota hujan' })).cities.edges).toEqual([]);
    expect(expectOk(await t.query(SEARCH, { q: 'bogor city' })).cities.edges).toEqual([
      { node: { id: 'bogor' }, match: { kind: 'EXACT', name: 'Bogor City' } },
    ]);
    expect(await db.collection('events').findOne({ _id: 'city.changed:bogor:v2' as any })).toMatchObject({ payload: { name: 'Bogor City', version: 2 } });
    expectOk(await t.query(UPDATE, { id: 'bogor', input: { name: 'Bogor', otherNames: [input.otherNames[0]] } }, { token: tokens.staff }));
  });

  test.each([
    ['input', {}],
    ['input.name', { name: ' ' }],
    ['input.population', { population: 0 }],
    ['input.areaKm2', { areaKm2: -1 }],
    ['input.timezone', { timezone: 'Asia/Atlantis' }],
    ['input.otherNames[0].name', { otherNames: [{ name: '***', kind: 'FORMER' }] }],
    [
      'input.otherNames[1].name',
      {
        otherNames: [
          { name: 'Madras', kind: 'FORMER' },
          { name: 'madras', kind: 'FORMER' },
        ],
      },
    ],
    ['input.otherNames[0].language', { otherNames: [{ name: 'Madras', kind: 'FORMER', language: 'English!' }] }],
    ['input.otherNames[0].source', { otherNames: [{ name: 'Madras', kind: 'FORMER', source: 'javascript:alert(1)' }] }],
  ])('refuses a bad %s, naming it, and stores nothing', async (field, input) => {
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(UPDATE, { id: 'chennai', input }, { token: tokens.staff }), 'BAD_USER_INPUT', field);
    });
  });

  test('an unknown city is NOT_FOUND, a malformed id BAD_USER_INPUT; roles are checked', async () => {
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(UPDATE, { id: 'atlantis', input: { population: 5 } }, { token: tokens.staff }), 'NOT_FOUND', 'cityId');
      expectError(await t.query(UPDATE, { id: 'Not A Slug', input: { population: 5 } }, { token: tokens.staff }), 'BAD_USER_INPUT', 'cityId');
    });
    await expectRoleChecks(t, db, STORED, UPDATE, { id: 'chennai', input: { population: 5 } }, [
      { role: 'PARTNER_APP', token: tokens.partner },
      { role: 'CITY_OFFICER', token: await tokens.officer('chennai') },
      { role: 'VERIFIER', token: tokens.verifier },
      { role: 'WCCD_STAFF', token: tokens.wccd },
    ]);
  });
});

describe('dues', () => {
  const PAY = `mutation($id: ID!, $year: Int!, $amount: Int!, $on: Date!) {
    recordDuesPayment(memberId: $id, year: $year, amountUsd: $amount, paidOn: $on) { year dueUsd paidUsd paid payments { amountUsd paidOn } sampleData }
  }`;
  const DUES = `query($id: ID!) { member(id: $id) { id dues { year dueUsd paidUsd paid sampleData } } }`;

  test('the sample records dues paid since 2014, some left unpaid; staff record payments, paid in full at the annual fee', async () => {
    const seeded = expectOk(await t.query(DUES, { id: 'penang-island' }, { token: tokens.staff })).member.dues;
    // Penang Island: 722,384 people (USD 3,000) in MY (11,600: multiplier 1) = 3,000 a year; 2025 and 2026 unpaid in the sample.
    expect(seeded[0]).toEqual({ year: 2024, dueUsd: 3000, paidUsd: 3000, paid: true, sampleData: true });
    expect(seeded.map((d: any) => d.year)).toEqual([2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017, 2016, 2015, 2014]);
    const part = expectOk(await t.query(PAY, { id: 'penang-island', year: 2026, amount: 1000, on: '2026-11-20' }, { token: tokens.staff }));
    expect(part.recordDuesPayment).toEqual({
      year: 2026,
      dueUsd: 3000,
      paidUsd: 1000,
      paid: false,
      payments: [{ amountUsd: 1000, paidOn: '2026-11-20' }],
      sampleData: false,
    });
    const rest = expectOk(await t.query(PAY, { id: 'penang-island', year: 2026, amount: 2000, on: '2026-11-27' }, { token: tokens.staff }));
    expect(rest.recordDuesPayment).toMatchObject({ paidUsd: 3000, paid: true });
    expect((await auditFor('member:penang-island')).filter((a) => a.action === 'member.duesPaid').map((a) => a.new.payment.amountUsd)).toEqual([1000, 2000]);
  });

  test.each([
    ['year', { year: 2028 }],
    ['amountUsd', { amount: 0 }],
    ['paidOn', { on: '2026-12-01' }],
  ])('refuses a bad %s, naming it, and stores nothing', async (field, over) => {
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(PAY, { id: 'makati', year: 2026, amount: 100, on: '2026-11-01', ...over }, { token: tokens.staff }), 'BAD_USER_INPUT', field);
    });
  });

  test('dues are for CityNet staff only: others get null and an error on the field', async () => {
    const result = await t.query(DUES, { id: 'makati' }, { token: tokens.wccd });
    expect(result.data.member).toEqual({ id: 'makati', dues: null });
    expect(result.errors!.map((e: any) => [e.path.join('.'), e.extensions.code])).toEqual([['member.dues', 'FORBIDDEN']]);
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(PAY, { id: 'nobody', year: 2026, amount: 100, on: '2026-11-01' }, { token: tokens.staff }), 'NOT_FOUND', 'memberId');
    });
    await expectRoleChecks(t, db, STORED, PAY, { id: 'makati', year: 2026, amount: 100, on: '2026-11-01' }, [
      { role: 'PARTNER_APP', token: tokens.partner },
      { role: 'CITY_OFFICER', token: await tokens.officer('makati') },
      { role: 'VERIFIER', token: tokens.verifier },
      { role: 'WCCD_STAFF', token: tokens.wccd },
    ]);
  });
});

describe('contacts and fees are for CityNet staff only', () => {
  test('staff read the (sample) focal point and the fee from population and GDP per capita', async () => {
    const data = expectOk(await t.query(PRIVATE, { id: 'makati' }, { token: tokens.staff }));
    // Makati: 629,616 people (band up to 1M: USD 3,000) in PH (GDP per capita 3,700: multiplier 0.5).
    expect(data.member).toEqual({
      id: 'makati',
      name: 'Makati',
      contacts: { focalPointName: 'Sample Focal Point (Makati)', email: 'focal-point.makati@sample.example.org', sampleData: true },
      annualFeeUsd: 1500,
    });
    // Toronto is no member; Seoul (9.4M, KR high income): 10,000 x 1.5; an associate in NP (1,400): 1,500 x 0.5.
    expect(expectOk(await t.query(PRIVATE, { id: 'seoul' }, { token: tokens.staff })).member.annualFeeUsd).toBe(15000);
    expect(expectOk(await t.query(PRIVATE, { id: 'municipal-association-of-nepal' }, { token: tokens.staff })).member.annualFeeUsd).toBe(750);
  });

  // A partner app sees the public view only, so the gateway sends its fetches as public ones, without
  // its identity (gateway/context.ts `seesPublicViewOnly`); a signed-in partner app is then told
  // FORBIDDEN rather than "sign in first" (the roles the field needs are named in the error).
  test.each([
    ['anonymous', undefined, 'UNAUTHENTICATED'],
    ['a partner app', 'partner', 'FORBIDDEN'],
    ['WCCD staff', 'wccd', 'FORBIDDEN'],
  ] as const)('%s gets the public fields, null for contacts and fee, and an error on each', async (_who, key, code) => {
    const result = await t.query(PRIVATE, { id: 'makati' }, { token: key ? tokens[key] : undefined });
    expect(result.data.member).toEqual({ id: 'makati', name: 'Makati', contacts: null, annualFeeUsd: null });
    expect(result.errors!.map((e: any) => [e.path.join('.'), e.extensions.code]).sort()).toEqual([
      ['member.annualFeeUsd', code],
      ['member.contacts', code],
    ]);
  });

  test('a city officer cannot read even its own city contacts', async () => {
    const result = await t.query(PRIVATE, { id: 'makati' }, { token: await tokens.officer('makati') });
    expect(result.data.member.contacts).toBeNull();
    expect(result.errors![0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('roles', () => {
  test.each([
    ['admitMember', ADMIT, { input: fullInput({ name: 'Role Check City' }) }],
    ['changeMemberStatus', STATUS, { id: 'makati', status: 'SUSPENDED', reason: 'role check' }],
    ['setMemberClusters', CLUSTERS, { id: 'makati', clusters: ['SDGS'] }],
    ['setNationalChapter', CHAPTER, { id: 'makati', chapter: 'Nepal' }],
    ['enrolCity', ENROL, { cityId: 'penang-island', round: 2026, on: '2026-11-01' }],
  ])('%s: anonymous UNAUTHENTICATED; partner app, city officer, verifier, WCCD staff FORBIDDEN', async (_name, query, variables) => {
    await expectRoleChecks(t, db, STORED, query, variables, [
      { role: 'PARTNER_APP', token: tokens.partner },
      { role: 'CITY_OFFICER', token: await tokens.officer('makati') },
      { role: 'VERIFIER', token: tokens.verifier },
      { role: 'WCCD_STAFF', token: tokens.wccd },
    ]);
  });
});

describe('read-your-writes: what a mutation changed is read at once through the gateway cache', () => {
  const VIEW = `query($id: ID!) {
    city(id: $id) { name membership { status clusters nationalChapter } programmeEnrolment { round } }
    member(id: $id) { status clusters nationalChapter }
    members(filter: { status: SUSPENDED }, first: 100) { edges { node { id } } }
    cities(filter: { enrolled: true }, first: 100) { edges { node { id } } }
  }`;
  // City.membership reached as an entity (the registry is the certification subgraph's).
  const REGISTRY = `{ registry(first: 100) { edges { node { city { id membership { status clusters nationalChapter } } } } } }`;

  const view = async (id: string) => {
    const data = expectOk(await t.query(VIEW, { id }));
    return {
      city: data.city,
      member: data.member,
      suspended: data.members.edges.some((e: any) => e.node.id === id),
      enrolled: data.cities.edges.some((e: any) => e.node.id === id),
    };
  };
  const registryMembership = async (id: string) => {
    const data = expectOk(await t.query(REGISTRY));
    return data.registry.edges.find((e: any) => e.node.city.id === id)!.node.city.membership;
  };
  /** Reads twice, so that the second answer (and the next one, unless invalidated) comes from the cache. */
  const warm = async (id: string, inRegistry = true) => {
    for (let i = 0; i < 2; i++) await Promise.all([view(id), inRegistry ? registryMembership(id) : null]);
  };

  test('status, clusters and national chapter: by entity and in lists', async () => {
    await warm('incheon');
    expect(await registryMembership('incheon')).toEqual({ status: 'ACTIVE', clusters: ['SDGS'], nationalChapter: null });
    expectOk(await t.query(STATUS, { id: 'incheon', status: 'SUSPENDED', reason: 'Read-your-writes check' }, { token: tokens.staff }));
    expect(await view('incheon')).toMatchObject({ city: { membership: { status: 'SUSPENDED' } }, member: { status: 'SUSPENDED' }, suspended: true });
    expect(await registryMembership('incheon')).toMatchObject({ status: 'SUSPENDED' });

    await warm('incheon');
    expectOk(await t.query(CLUSTERS, { id: 'incheon', clusters: ['DISASTER', 'SDGS'] }, { token: tokens.staff }));
    expect(await view('incheon')).toMatchObject({ city: { membership: { clusters: ['DISASTER', 'SDGS'] } }, member: { clusters: ['DISASTER', 'SDGS'] } });
    expect(await registryMembership('incheon')).toMatchObject({ clusters: ['DISASTER', 'SDGS'] });

    await warm('incheon');
    expectOk(await t.query(CHAPTER, { id: 'incheon', chapter: 'Nepal' }, { token: tokens.staff }));
    expect(await view('incheon')).toMatchObject({ city: { membership: { nationalChapter: 'Nepal' } }, member: { nationalChapter: 'Nepal' } });
    expect(await registryMembership('incheon')).toMatchObject({ nationalChapter: 'Nepal' });

    await warm('incheon');
    expectOk(await t.query(STATUS, { id: 'incheon', status: 'ACTIVE', reason: 'Read-your-writes check done' }, { token: tokens.staff }));
    expect(await view('incheon')).toMatchObject({ city: { membership: { status: 'ACTIVE' } }, suspended: false });
    expect(await registryMembership('incheon')).toMatchObject({ status: 'ACTIVE' });
  });

  test('an admission and an enrolment', async () => {
    await warm('ho-chi-minh-city', false);
    for (let i = 0; i < 2; i++) expect((await view('cagayan-de-oro')).city).toBeNull();
    expectOk(await t.query(ADMIT, { input: fullInput({ name: 'Cagayan de Oro', contacts: null }) }, { token: tokens.staff }));
    expect(await view('cagayan-de-oro')).toMatchObject({ city: { name: 'Cagayan de Oro', membership: { status: 'ACTIVE' } }, member: { status: 'ACTIVE' } });

    expect(await view('ho-chi-minh-city')).toMatchObject({ city: { programmeEnrolment: null }, enrolled: false });
    expectOk(await t.query(ENROL, { cityId: 'ho-chi-minh-city', round: 2026, on: '2026-11-01' }, { token: tokens.staff }));
    expect(await view('ho-chi-minh-city')).toMatchObject({ city: { programmeEnrolment: { round: 2026 } }, enrolled: true });
  });
});
