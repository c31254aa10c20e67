import type { AuthUser } from '../../../lib/auth/roles';
import { auditEntriesFor, type AuditEntryDoc } from '../../../lib/db/outbox';
import { CERTIFICATIONS } from '../data/certifications';
import type { CertificationRecord, CertificationStatus } from '../data/types';

/**
 * The history of a seeded certification, in the shapes the workflow writes: each step one version
 * with its audit entry (`certifications:<id>:v<n>:0`, who, when, the state before and after), the
 * reasons and dates on the document. Generated from the certification alone (its status, level,
 * verifier and award date), deterministically, so the seed and the migration of databases seeded
 * before (data/migrations.ts) write the same history, and running either twice writes it once.
 *
 * The steps follow the workflow: opened by WCCD staff (January after the data year), verifier assigned,
 * data submitted by the city's officer, verification started by the verifier's first verdict, then
 * awarded on the recorded date or rejected with a reason.
 */
const STAFF: AuthUser = { sub: 'wccd:sample-history', roles: ['WCCD_STAFF'] };
const officerOf = (cityId: string): AuthUser => ({ sub: `officer:${cityId}:sample-history`, roles: ['CITY_OFFICER'] });
const verifierOf = (orgId: string): AuthUser => ({ sub: `verifier:${orgId}:sample-history`, roles: ['VERIFIER'] });

const DAY = 86_400_000;

/** How far along the workflow a status is. */
const PROGRESS: Record<CertificationStatus, number> = {
  ENROLLED: 0,
  DATA_SUBMITTED: 1,
  UNDER_VERIFICATION: 2,
  CERTIFIED: 3,
  REJECTED: 3,
  SUSPENDED: 3,
  WITHDRAWN: 3,
};

/** The reason a seeded REJECTED certification gives (the sample does not say; the workflow requires one). */
export function sampleRejectionReason(year: number): string {
  return `The verified data for ${year} did not reach the lowest level (30 verified core indicators) by the end of the verification period; the city may apply again with a later data year.`;
}

export interface SeededHistory {
  doc: CertificationRecord;
  audit: AuditEntryDoc[];
}

function snapshotOf(doc: Partial<CertificationRecord>): Record<string, unknown> {
  return {
    status: doc.status,
    level: doc.level ?? null,
    verifierOrganisationId: doc.verifierOrganisationId ?? null,
    awardedAt: doc.awardedAt ? doc.awardedAt.toISOString() : null,
    rejectionReason: doc.rejectionReason ?? null,
    statusReason: doc.statusReason ?? null,
  };
}

/** A small, stable spread of days per city, so the sample's dates are not all the same. */
function offsetOf(cityId: string): number {
  let n = 0;
  for (const ch of cityId) n = (n * 31 + ch.charCodeAt(0)) % 997;
  return n % 20;
}

export function seededHistory(seeded: CertificationRecord): SeededHistory {
  const { version: _version, outbox: _outbox, ...base } = seeded;
  const target = seeded.status;
  const opened = new Date(Date.UTC(seeded.year + 1, 0, 5 + offsetOf(seeded.cityId), 9));
  // The last step is the award as recorded; every earlier step comes before it.
  const end = seeded.awardedAt ?? new Date(opened.getTime() + 150 * DAY);
  const between = (fraction: number) => new Date(opened.getTime() + Math.round((end.getTime() - opened.getTime()) * fraction));
  const rejectionReason = target === 'REJECTED' ? (seeded.rejectionReason ?? sampleRejectionReason(seeded.year)) : (seeded.rejectionReason ?? null);

  const steps: { action: string; actor: AuthUser; at: Date; patch: Partial<CertificationRecord> }[] = [];
  let state: Partial<CertificationRecord> = {
    status: 'ENROLLED',
    level: null,
    levelRank: 0,
    verifierOrganisation: null,
    verifierOrganisationId: null,
    awardedAt: null,
    rejectionReason: null,
    statusReason: null,
  };
  steps.push({ action: 'CERTIFICATION_OPENED', actor: STAFF, at: opened, patch: {} });
  if (seeded.verifierOrganisationId) {
    steps.push({
      action: 'VERIFIER_ASSIGNED',
      actor: STAFF,
      at: between(0.15),
      patch: { verifierOrganisationId: seeded.verifierOrganisationId, verifierOrganisation: seeded.verifierOrganisation },
    });
  }
  if (PROGRESS[target] >= 1) steps.push({ action: 'DATA_SUBMITTED', actor: officerOf(seeded.cityId), at: between(0.35), patch: { status: 'DATA_SUBMITTED' } });
  if (PROGRESS[target] >= 2 && seeded.verifierOrganisationId) {
    steps.push({
      action: 'VERIFICATION_STARTED',
      actor: verifierOf(seeded.verifierOrganisationId),
      at: between(0.55),
      patch: { status: 'UNDER_VERIFICATION' },
    });
  }
  if (target === 'REJECTED') {
    steps.push({ action: 'CERTIFICATION_REJECTED', actor: STAFF, at: end, patch: { status: 'REJECTED', rejectionReason } });
  } else if (PROGRESS[target] >= 3) {
    steps.push({
      action: 'CERTIFICATION_AWARDED',
      actor: STAFF,
      at: end,
      patch: { status: 'CERTIFIED', level: seeded.level, levelRank: seeded.levelRank, awardedAt: seeded.awardedAt },
    });
    if (target === 'SUSPENDED' || target === 'WITHDRAWN') {
      const action = target === 'SUSPENDED' ? 'CERTIFICATION_SUSPENDED' : 'CERTIFICATION_WITHDRAWN';
      steps.push({
        action,
        actor: STAFF,
        at: new Date(end.getTime() + 30 * DAY),
        patch: { status: target, statusReason: seeded.statusReason ?? 'Sample history' },
      });
    }
  }

  const id = `${CERTIFICATIONS}:${seeded._id}`;
  const audit: AuditEntryDoc[] = [];
  steps.forEach((step, i) => {
    const before = i === 0 ? null : snapshotOf(state);
    state = { ...state, ...step.patch };
    const [entry] = auditEntriesFor(id, i + 1, { cityId: seeded.cityId, year: seeded.year }, step.actor, step.at, [
      { action: step.action, subject: 'certification', old: before, new: snapshotOf(state) },
    ]);
    audit.push(entry);
  });
  const last = steps[steps.length - 1];
  const doc: CertificationRecord = {
    ...base,
    ...state,
    status: target,
    rejectionReason,
    statusReason: state.statusReason ?? null,
    openedAt: opened,
    statusChangedAt: last.at,
    version: steps.length,
  } as CertificationRecord;
  return { doc, audit };
}
