/**
 * Status that follows the work, without a call cycle (issue 11), on the whole system over the real
 * database:
 * - the city's submission makes its certification DATA_SUBMITTED and the first verdict
 *   UNDER_VERIFICATION, told by the indicators events (audited, by who acted), also when the
 *   certification is opened after the work began;
 * - certification awards from its own copy of the coverage with the indicators subgraph down, and
 *   indicators takes verdicts from its own copy of the assignment with the certification subgraph
 *   down: neither calls the other;
 * - the real consumer (certification reading indicators' events) crashing after applying an event
 *   and before recording it, and stopped mid-stream, resumes with nothing lost or applied twice;
 *   a producer restarted meanwhile is waited for.
 */
import { EventConsumer, type DeliveredEvent } from '../../lib/db/events';
import { localBus } from '../../lib/cache/bus';
import { indicatorsHandlers } from '../../subgraphs/certification/workflows/follow';
import type { Context } from '../../subgraphs/certification/context';
import { startTestStack, type TestStack } from '../support/stack';
import {
  ASSIGN,
  AWARD,
  certificationDb,
  CORE,
  indicatorsDb,
  officer,
  ok,
  OPEN,
  SAVE,
  settle,
  staff,
  SUBMIT,
  validValues,
  verifier,
  VERIFY,
} from './wccd-helpers';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ gateway: { subgraphTimeoutMs: 30_000 } });
}, 180_000);
afterAll(async () => {
  await t?.cleanup();
});

const YEAR = 2025;
const STATUS = `query($cityId: ID!, $year: Int!) { certification(cityId: $cityId, year: $year) { status } }`;
const statusOf = async (cityId: string, year = YEAR) => (await ok(t, STATUS, { cityId, year }, await staff())).certification?.status ?? null;
const trailOf = (cityId: string, year = YEAR) =>
  certificationDb(t).collection('audit').find({ cityId, year, subject: 'certification' }).sort({ seq: 1 }).toArray();

async function saveAndSubmit(cityId: string, ids: readonly string[], expectedVersion = 0): Promise<number> {
  const token = await officer(cityId);
  const saved = await ok(t, SAVE, { input: { cityId, year: YEAR, expectedVersion, values: validValues(ids) } }, token);
  return (await ok(t, SUBMIT, { cityId, year: YEAR, expectedVersion: saved.saveIndicatorValues.version }, token)).submitIndicatorYear.version;
}
const verdicts = (ids: readonly string[]) => ids.map((indicatorId) => ({ indicatorId, verdict: 'VERIFIED', note: 'Checked' }));

describe('the status follows the work', () => {
  test('submitted: DATA_SUBMITTED; first verdict: UNDER_VERIFICATION; later ones change nothing; each step by who acted', async () => {
    const cityId = 'bogor';
    await ok(t, OPEN, { cityId, year: YEAR }, await staff());
    await ok(t, ASSIGN, { cityId, year: YEAR, org: 'sgs' }, await staff());
    expect(await statusOf(cityId)).toBe('ENROLLED');
    await saveAndSubmit(cityId, ['5.1', '5.2', '5.3']);
    await settle(t);
    expect(await statusOf(cityId)).toBe('DATA_SUBMITTED');
    await ok(t, VERIFY, { input: { cityId, year: YEAR, verdicts: verdicts(['5.1']) } }, await verifier('sgs'));
    await settle(t);
    expect(await statusOf(cityId)).toBe('UNDER_VERIFICATION');
    await ok(t, VERIFY, { input: { cityId, year: YEAR, verdicts: verdicts(['5.2']) } }, await verifier('sgs'));
    await settle(t);
    const trail = await trailOf(cityId);
    expect(trail.map((e) => [e.action, e.actor, e.new.status])).toEqual([
      ['CERTIFICATION_OPENED', 'wccd-staff-1', 'ENROLLED'],
      ['VERIFIER_ASSIGNED', 'wccd-staff-1', 'ENROLLED'],
      ['DATA_SUBMITTED', `city_officer:${cityId}`, 'DATA_SUBMITTED'],
      ['VERIFICATION_STARTED', 'verifier:sgs', 'UNDER_VERIFICATION'],
    ]);
    // What certification knows of the report: the submission, the first and last verdicts, the coverage.
    expect(
      await certificationDb(t)
        .collection('report_copies')
        .findOne({ _id: `${cityId}:${YEAR}` as any }),
    ).toMatchObject({
      submitted: { version: 2 },
      firstVerdict: { version: 3 },
      lastVerdictVersion: 4,
      coverage: {
        version: 4,
        coreVerified: ['5.1', '5.2'].filter((id) => CORE.includes(id)).length,
        coreReported: ['5.1', '5.2', '5.3'].filter((id) => CORE.includes(id)).length,
      },
    });
  });

  test('a certification opened after the work began starts where the work is', async () => {
    const cityId = 'tarlac';
    await saveAndSubmit(cityId, ['5.1', '5.2']);
    await settle(t);
    await ok(t, OPEN, { cityId, year: YEAR }, await staff());
    expect(await statusOf(cityId)).toBe('DATA_SUBMITTED');
    expect((await trailOf(cityId)).map((e) => e.action)).toEqual(['CERTIFICATION_OPENED', 'DATA_SUBMITTED']);
  });
});

describe('no subgraph calls a subgraph that calls it back', () => {
  test('certification awards with the indicators subgraph down; indicators takes verdicts with certification down', async () => {
    const cityId = 'bangkok';
    await ok(t, OPEN, { cityId, year: YEAR }, await staff());
    await ok(t, ASSIGN, { cityId, year: YEAR, org: 'dnv' }, await staff());
    await saveAndSubmit(cityId, CORE);
    await settle(t);
    // Certification down: the assignment is indicators' own copy.
    await t.stack.stopSubgraph('certification');
    try {
      const report = await ok(t, VERIFY, { input: { cityId, year: YEAR, verdicts: verdicts(CORE) } }, await verifier('dnv'));
      expect(report.verifyIndicatorValues.verifiedCount).toBe(CORE.length);
    } finally {
      await t.stack.restartSubgraph('certification');
    }
    await settle(t);
    // Indicators down: the coverage is certification's own copy.
    await t.stack.stopSubgraph('indicators');
    try {
      const awarded = await ok(t, AWARD, { cityId, year: YEAR }, await staff());
      expect(awarded.awardCertification).toMatchObject({ status: 'CERTIFIED', level: 'BRONZE' });
    } finally {
      await t.stack.restartSubgraph('indicators');
    }
  });
});

describe('the real consumer: crashes, stops and restarts lose nothing and apply nothing twice', () => {
  test('certification reading indicators events: a crash after applying, a stop mid-stream, the producer restarted', async () => {
    const service = t.stack.subgraphs.certification.service;
    const running = service.consumers!.find((c) => c.producer === 'indicators')!;
    const cities = ['jakarta', 'ho-chi-minh-city', 'penang-island', 'denpasar'];
    const staffToken = await staff();
    for (const cityId of cities) {
      await ok(t, OPEN, { cityId, year: YEAR }, staffToken);
      await ok(t, ASSIGN, { cityId, year: YEAR, org: 'tuv-sud' }, staffToken);
    }
    await settle(t);
    // Certification stops reading; the work goes on: 4 submissions, 8 verdicts (16 writes, ~40 events).
    await running.stop();
    const from = await running.position();
    for (const cityId of cities) await saveAndSubmit(cityId, CORE);
    for (const cityId of cities) {
      await ok(t, VERIFY, { input: { cityId, year: YEAR, verdicts: verdicts(CORE.slice(0, 20)) } }, await verifier('tuv-sud'));
      await ok(t, VERIFY, { input: { cityId, year: YEAR, verdicts: verdicts(CORE.slice(20)) } }, await verifier('tuv-sud'));
    }
    for (const cityId of cities) expect(await statusOf(cityId)).toBe('ENROLLED');

    // The same consumer (the real handlers, its position in certification's database) crashes right
    // after applying its 3rd event and after its 11th, before recording them.
    const context = service.createContext(null) as Context;
    const deps = {
      db: context.db,
      settings: context.settings,
      levels: context.levels,
      organisations: context.organisations,
      validity: context.validity,
      bus: localBus,
    };
    let applied = 0;
    const crashes: string[] = [];
    const crashing = new EventConsumer({
      consumer: 'certification',
      producer: 'indicators',
      db: service.db,
      url: () => `${t.stack.subgraphUrls.indicators.replace(/\/graphql$/, '')}/events`,
      handlers: indicatorsHandlers(deps),
      batch: 5,
      afterApply(event: DeliveredEvent) {
        applied++;
        if (applied === 3 || applied === 11) {
          crashes.push(event._id);
          throw new Error('crash after applying, before recording the position');
        }
      },
    });
    await expect(crashing.catchUp()).rejects.toThrow(/crash/);
    await expect(crashing.catchUp()).rejects.toThrow(/crash/);
    const midway = await crashing.position();
    expect(midway).toBeGreaterThan(from);
    // Stopped mid-stream: the producer restarts while nobody reads.
    await t.stack.stopSubgraph('indicators');
    await expect(crashing.catchUp()).rejects.toThrow();
    expect(await crashing.position()).toBe(midway);
    await t.stack.restartSubgraph('indicators');
    // The real consumer starts again and finishes the stream.
    running.start();
    await settle(t);
    expect(await running.position()).toBeGreaterThan(midway);

    // Each crashed event was delivered again, and took effect once: every city moved exactly once per step.
    expect(crashes).toHaveLength(2);
    for (const cityId of cities) {
      expect(await statusOf(cityId)).toBe('UNDER_VERIFICATION');
      expect((await trailOf(cityId)).map((e) => e.action)).toEqual(['CERTIFICATION_OPENED', 'VERIFIER_ASSIGNED', 'DATA_SUBMITTED', 'VERIFICATION_STARTED']);
      const copy = await certificationDb(t)
        .collection('report_copies')
        .findOne({ _id: `${cityId}:${YEAR}` as any });
      const report = await indicatorsDb(t)
        .collection('indicator_reports')
        .findOne({ _id: `${cityId}:${YEAR}` as any });
      expect(copy).toMatchObject({
        submitted: { version: 2 },
        firstVerdict: { version: 3 },
        lastVerdictVersion: report!.version,
        coverage: { version: report!.version, coreVerified: CORE.length },
      });
    }
    // And an award decides on what the events said.
    const awarded = await ok(t, AWARD, { cityId: cities[0], year: YEAR }, staffToken);
    expect(awarded.awardCertification).toMatchObject({ status: 'CERTIFIED', level: 'BRONZE' });
  });
});
