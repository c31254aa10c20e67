/**
 * Collection `audit` (in each subgraph's database that makes changes): one entry per change.
 * `_id` is deterministic for the change (so copying from an outbox twice inserts it once);
 * `seq` orders the entries of one city and year.
 */
export interface AuditEntryDoc {
  _id: string;
  cityId: string | null;
  year: number | null;
  at: Date;
  /** The actor's `sub` and roles. */
  actor: string;
  actorRoles: string[];
  action: string;
  /** What changed: an indicator id, 'certification', ... */
  subject: string;
  old: Record<string, unknown> | null;
  new: Record<string, unknown> | null;
  seq?: number;
}
