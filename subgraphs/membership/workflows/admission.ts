import { findById } from '../../../lib/db/access';
import { changeDocument, type AuditChange, type DerivedWrite } from '../../../lib/db/outbox';
import { codedError } from '../../../lib/graphql/errors';
import { utcDate } from '../../../lib/time/dates';
import type { Context } from '../context';
import { citiesCollection } from '../data/cities';
import { contactsCollection } from '../data/contacts';
import { membersCollection } from '../data/members';
import type { MemberDoc } from '../data/types';
import type { AdmitMemberInput } from '../generated/resolvers-types';
import { requireMembershipStaff } from '../domain/access';
import { buildAdmission } from '../domain/admission';
import { memberLock } from './member-change';
import { reindexCities } from '../data/search-index';
import { cityAdmittedEvent } from './city';

/**
 * Admits a member: a full member with its new city, an associate member alone, either with its focal
 * point. All or nothing, without a transaction: the member document is the one write that commits
 * the admission, and it carries in its outbox the city and the contacts (as documents derived from
 * it, written by `_id`), the audit entries and, for a city, the `city.admitted` event. If the process dies after that write, the outbox is
 * carried out at the next start-up (server.ts) or the member's next change; before it, nothing at all
 * is written. (The old code inserted the city first and deleted it again when the member insert
 * failed.) The member's lock serialises admissions of one id; a full member's city has the same id,
 * so the same lock keeps the city check and the write together.
 */
export async function admitMember(ctx: Context, input: AdmitMemberInput): Promise<MemberDoc> {
  const actor = requireMembershipStaff(ctx.user);
  const now = ctx.settings.now();
  const { member, city, contacts, idField } = buildAdmission(input, utcDate(now));
  const id = member._id;
  const admitted = await changeDocument<MemberDoc>({
    collection: membersCollection(ctx.db),
    id,
    actor,
    at: now,
    locks: [memberLock(id)],
    conflict: `The member id ${JSON.stringify(id)} is already taken.`,
    async change(current) {
      const cityTaken = city ? await findById(citiesCollection(ctx.db), city._id, { projection: { _id: 1 } }) : null;
      if (current || cityTaken) {
        throw codedError('CONFLICT', `The id ${JSON.stringify(id)} is already taken by ${current ? 'a member' : 'a city'}.`, { field: idField });
      }
      const audit: AuditChange[] = [];
      const derived: DerivedWrite[] = [];
      if (city) {
        audit.push({ action: 'city.created', subject: `city:${city._id}`, old: null, new: { ...city } });
        derived.push({ collection: citiesCollection(ctx.db).collectionName, doc: city });
      }
      audit.push({ action: 'member.admitted', subject: `member:${id}`, old: null, new: { ...member, contacts: contacts ? 'set' : null } });
      if (contacts) derived.push({ collection: contactsCollection(ctx.db).collectionName, doc: contacts });
      // Other domains learn of the new city (its country, time zone) from this event.
      const events = city ? [cityAdmittedEvent(city, now)] : [];
      return { next: member, audit, derived, events, scope: { cityId: member.cityId } };
    },
  });
  if (!admitted) throw new Error(`admitMember: ${id} was not written`);
  // The new city is found by its names (a crash before this is caught up at the next start-up).
  if (city) await reindexCities(ctx.db, [city._id]);
  // New lists and lookups (members, cities, member(id), city(id) answered null before), and the
  // City entity (a reference to it resolved to null before).
  ctx.changes.lists();
  if (city) ctx.changes.entity('City', { id: city._id });
  return admitted;
}
