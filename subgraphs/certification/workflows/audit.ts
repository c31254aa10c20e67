import type { AuditEntryDoc } from '../../../lib/db/audit-entry';
import { findById } from '../../../lib/db/access';
import { withLocks } from '../../../lib/db/locks';
import { findAuditTrail, loadForChange } from '../../../lib/db/outbox';
import type { Context } from '../context';
import { certificationId, certifications } from '../data/certifications';
import { requireAuditReader } from '../domain/access';
import type { AuditTrailRef } from '../domain/refs';
import { certificationLock } from './certify';

/**
 * The certification's part of a city and year's audit trail, oldest first. An outbox left by an
 * interrupted write is carried out first (under the certification's lock), so every acknowledged
 * change is listed.
 */
export async function certificationTrail(trail: AuditTrailRef, ctx: Context): Promise<AuditEntryDoc[]> {
  requireAuditReader(ctx.user, trail.cityId);
  const id = certificationId(trail.cityId, trail.year);
  const collection = certifications(ctx.db);
  const pending = await findById(collection, id, { projection: { _id: 1, outbox: 1 } });
  if (pending?.outbox) await withLocks(ctx.db, [certificationLock(id)], () => loadForChange(collection, id));
  return findAuditTrail(ctx.db, trail.cityId, trail.year);
}
