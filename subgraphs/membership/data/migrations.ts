import type { Migration } from '../../../lib/db/migrations';
import { enrolmentsCollection } from './enrolments';

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
];
