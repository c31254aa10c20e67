import { pendingAuditToOutbox, type Migration } from '../../../lib/db/migrations';
import { CERTIFICATIONS } from './certifications';

/**
 * The migrations of database wccd_certification, in order (run at start-up by server.ts, each once;
 * lib/db/migrations.ts). Every one is idempotent.
 */
export const MIGRATIONS: readonly Migration[] = [
  // Certifications written before lib/db/outbox.ts kept unflushed audit entries in `pendingAudit`.
  pendingAuditToOutbox(CERTIFICATIONS),
];
