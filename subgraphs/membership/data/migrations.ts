import type { Migration } from '../../../lib/db/migrations';
import { findById, ONE_BATCH } from '../../../lib/db/access';
import { DIRECT_ENROLMENT_REASON } from '../domain/enrolment';
import { enrolmentsCollection } from './enrolments';
import { roundsCollection } from './programme';

/**
 * The membership database's migrations, in id order (lib/db/migrations.ts runs each once, at
 * start-up, after the indexes). Each `up` is idempotent.
 *
 * No membership collection ever held `pendingAudit` (its audit entries were written after the change,
 * by lib/db/audit-log.ts), so none needs `pendingAuditToOutbox`. Documents written by older versions
 * have no `version`: the audited write treats that as "before the first change" (lib/db/access.ts
 * `updateIfVersion`), so they need no rewrite either.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: '2026-12-01-membership-enrolments-cityId-index',
    description: 'enrolments: drop the cityId index (enrolments are found by _id, which is the city id)',
    async up(db) {
      const exists = (await db.listCollections({ name: enrolmentsCollection(db).collectionName }, { nameOnly: true }).toArray()).length > 0;
      if (!exists) return;
      const names = (await enrolmentsCollection(db).indexes()).map((index) => index.name);
      if (names.includes('cityId')) await enrolmentsCollection(db).dropIndex('cityId');
    },
  },
  {
    id: '2026-12-02-membership-enrolment-rates',
    description:
      'enrolments: record the rate of enrolments from before rates existed (subsidised, the fee of their round when a round of that year exists), and that no application led to them',
    async up(db) {
      const old = await enrolmentsCollection(db)
        .find({ rate: { $exists: false } }, { batchSize: ONE_BATCH })
        .toArray();
      for (const enrolment of old) {
        const round = await findById(roundsCollection(db), String(enrolment.round));
        const rate = {
          kind: enrolment.subsidisedUntil ? ('SUBSIDISED' as const) : ('STANDARD' as const),
          annualFee: round ? (enrolment.subsidisedUntil ? round.subsidisedAnnualFee : round.standardAnnualFee) : null,
          currency: round?.currency ?? null,
          reason: DIRECT_ENROLMENT_REASON,
        };
        // Only those found without one (running again after a crash half-way finds none of the done ones),
        // written by `_id` alone: FerretDB serves that as a lookup, and a scan per enrolment otherwise.
        await enrolmentsCollection(db).updateOne({ _id: enrolment._id }, { $set: { rate, applicationId: enrolment.applicationId ?? null } });
      }
    },
  },
];
