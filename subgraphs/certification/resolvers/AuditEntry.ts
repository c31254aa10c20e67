import type { AuditEntryResolvers } from '../generated/resolvers-types';

export const AuditEntry: AuditEntryResolvers = {
  id: (entry) => entry._id,
};
