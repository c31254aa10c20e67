import type { AuditEntryResolvers } from '../generated/resolvers-types';
import type { Known } from './index';

export const AuditEntry = {
  id: (entry) => entry._id,
} satisfies Known<AuditEntryResolvers>;
