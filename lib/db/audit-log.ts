import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import type { AuthUser } from '../auth/roles';
import type { AuditEntryDoc } from './audit-entry';

/**
 * Audit entries of the membership and workshops workflows, in the `audit` collection of the subgraph
 * that made the change (the contract's shape: who, when, what, old and new; cityId/year may be null).
 * Written right after the change, inside the same lock (see lib/db/locks.ts), so entries of one
 * subject are in change order.
 */
/** The same entry shape as the outbox-written trail (lib/audit/audit.ts), in the same collection name. */
export type AuditLogDoc = AuditEntryDoc;

export interface AuditChange {
  cityId: string | null;
  year?: number | null;
  action: string;
  subject: string;
  old: Record<string, unknown> | null;
  new: Record<string, unknown> | null;
}

export function auditLog(db: Db): Collection<AuditLogDoc> {
  return db.collection<AuditLogDoc>('audit');
}

export async function ensureAuditLogIndexes(db: Db): Promise<void> {
  await auditLog(db).createIndexes([{ key: { subject: 1, at: 1 }, name: 'subject_at' }]);
}

export async function recordAudit(db: Db, actor: AuthUser, at: Date, changes: AuditChange[]): Promise<void> {
  await recordAuditEntries(db, at, changes.map((c) => ({ ...c, actor })));
}

/** Entries of several actors in one write (a batch of requests handled together). */
export async function recordAuditEntries(db: Db, at: Date, changes: (AuditChange & { actor: AuthUser })[]): Promise<void> {
  if (changes.length === 0) return;
  await auditLog(db).insertMany(
    changes.map(({ actor, ...c }) => ({
      _id: randomUUID(),
      cityId: c.cityId,
      year: c.year ?? null,
      at,
      actor: actor.sub,
      actorRoles: [...actor.roles],
      action: c.action,
      subject: c.subject,
      old: c.old,
      new: c.new,
    })),
  );
}
