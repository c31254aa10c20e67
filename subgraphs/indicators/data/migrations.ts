import type { Db } from 'mongodb';
import { insertManyIgnoringDuplicates } from '../../../lib/db/access';
import { withLocks } from '../../../lib/db/locks';
import { migrationsCollection, pendingAuditToOutbox, type Migration } from '../../../lib/db/migrations';
import { loadForChange } from '../../../lib/db/outbox';
import type { Catalogue } from '../domain/catalogue';
import { coverageSummaryOf } from '../domain/coverage';
import { SAMPLE_DATA_ENTERED_BY } from '../domain/values';
import { CITY_YEARS, noteYearsOfAllReports } from './cityYears';
import { indicatorCoverage, replaceSummary } from './indicatorCoverage';
import { INDICATOR_REPORTS, indicatorReports, reportLockKey, reportsFromValues } from './indicatorReports';
import type { IndicatorValueDoc } from './types';

/**
 * The indicators database's migrations, in order (lib/db/migrations.ts runs each once, at start-up).
 * Every one is idempotent: run again after a crash half-way, it finishes the job and changes nothing else.
 */
export const INDICATOR_VALUES = 'indicator_values';
const MIGRATED_ENTERED_BY = 'migration:indicator_values';

/**
 * Databases seeded before reports (one document per value in `indicator_values`) become one report
 * per city and year. A report that already exists is kept as it is (it can only be newer). The old
 * collection is left in place, untouched: nothing is deleted.
 */
export const valuesToReports: Migration = {
  id: '2026-11-29-indicator_values-to-reports',
  description: `${INDICATOR_VALUES} (one document per value) -> ${INDICATOR_REPORTS} (one per city and year)`,
  async up(db) {
    const values = await db.collection<IndicatorValueDoc>(INDICATOR_VALUES).find({}).toArray();
    if (values.length === 0) return;
    const reports = reportsFromValues(values, (v) => (v.sampleData ? SAMPLE_DATA_ENTERED_BY : MIGRATED_ENTERED_BY));
    await insertManyIgnoringDuplicates(indicatorReports(db), reports);
  },
};

/**
 * Each of these reports' summary, rebuilt under the report's lock from the report as it is then (any
 * left-over outbox carried out first), so a replica already serving writes is never undone.
 */
async function rebuildSummaries(db: Db, ids: readonly string[], catalogue: Catalogue): Promise<void> {
  for (const id of ids) {
    await withLocks(db, [reportLockKey(id)], async () => {
      const report = await loadForChange(indicatorReports(db), id);
      if (report) await replaceSummary(db, coverageSummaryOf(report, catalogue));
    });
  }
}

/**
 * A coverage summary for every report (reports written before summaries existed have none). Each
 * under its report's lock, from the report as it is then (any left-over outbox carried out first,
 * e.g. the audit entries `pendingAudit` held), so a replica already serving writes is never undone.
 */
export function coverageSummaries(catalogue: Catalogue): Migration {
  return {
    id: '2026-12-01-indicator_coverage',
    description: `a coverage summary (indicator_coverage) for every ${INDICATOR_REPORTS} document`,
    async up(db) {
      const ids = (
        await indicatorReports(db)
          .find({}, { projection: { _id: 1 } })
          .toArray()
      ).map((r) => r._id);
      await rebuildSummaries(db, ids, catalogue);
    },
  };
}

/**
 * Summaries in the compact shape (counts and one state character per indicator, ~400 bytes) instead of
 * the lists and per-theme counts they held before (~3 KB, decoded whole by FerretDB for a registry page).
 * Each rebuilt from its report under the report's lock, as above; a summary already compact is left
 * as it is. Until it has run, the subgraph reads an old summary's report instead (domain/coverage.ts
 * expandSummary). Code from before this migration cannot read compact summaries: replicas of the
 * indicators subgraph are replaced together, not one by one.
 */
export function compactCoverageSummaries(catalogue: Catalogue): Migration {
  return {
    id: '2026-12-03-indicator_coverage-compact',
    description: 'coverage summaries (indicator_coverage) in the compact shape: counts and one state per indicator',
    async up(db) {
      const ids = (
        await indicatorCoverage(db)
          .find({}, { projection: { _id: 1, states: 1, layout: 1 } })
          .toArray()
      )
        .filter((s) => typeof s.states !== 'string' || typeof s.layout !== 'string')
        .map((s) => s._id);
      await rebuildSummaries(db, ids, catalogue);
    },
  };
}

/**
 * The data years of every city (`indicator_city_years`), from the reports' coverage summaries: the
 * cities' latest data year then costs one lookup. Union with what is noted already, so running it again
 * (or on a database already serving writes) only adds.
 */
export const cityDataYears: Migration = {
  id: '2026-12-02-indicator_city_years',
  description: `the data years of every city with a report (${CITY_YEARS})`,
  async up(db) {
    await noteYearsOfAllReports(db, new Date());
  },
};

/** The migrations of this database, in id order. */
export function indicatorMigrations(catalogue: Catalogue): Migration[] {
  return [
    valuesToReports,
    // The code before lib/db/outbox kept a report's audit entries in `pendingAudit`.
    pendingAuditToOutbox(INDICATOR_REPORTS),
    coverageSummaries(catalogue),
    cityDataYears,
    compactCoverageSummaries(catalogue),
  ];
}

/**
 * Records every migration as applied, for a database the seed has just created in the current shape
 * (so a fresh database does not read back every report it has just written). Only for databases that
 * held no indicator data before the seed.
 */
export async function recordAsApplied(db: Db, migrations: readonly Migration[]): Promise<void> {
  const appliedAt = new Date();
  await insertManyIgnoringDuplicates(
    migrationsCollection(db),
    migrations.map((m) => ({ _id: m.id, description: m.description, appliedAt, ms: 0 })),
  );
}
