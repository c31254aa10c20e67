import type { CityDoc, EnrolmentDoc, MemberDoc } from '../data/types';
import { requireRole } from '../../../lib/auth/guards';
import { recordAudit } from '../../../lib/db/audit-log';
import { withLocks } from '../../../lib/db/locks';
import { codedError } from '../../../lib/graphql/errors';
import { badField, requireDistinct, requireInt, requireText } from '../../../lib/graphql/field-errors';
import { buildAdmission, requireChapter, STATUS_TRANSITIONS, type AdmitMemberInput } from '../admission';
import type { Context } from '../context';
import { citiesCollection } from '../data/cities';
import { contactsCollection } from '../data/contacts';
import { enrolmentsCollection } from '../data/enrolments';
import { membersCollection } from '../data/members';
import { isDuplicateKey } from '../data/writes';
import { todayUtc } from './ProgrammeEnrolment';

export const PROGRAMME_NAME = 'CityNet–WCCD ISO 37120 joint programme';

/** Member changes of one member never interleave (FerretDB has no atomic conditional update). */
const memberLock = (id: string) => `member:${id}`;

async function loadMember(ctx: Context, memberId: string): Promise<MemberDoc> {
  const member = await membersCollection(ctx.db).findOne({ _id: { $eq: memberId } });
  if (!member) throw codedError('NOT_FOUND', `No member with id ${JSON.stringify(memberId)}.`, { field: 'memberId' });
  return member;
}

/** The last day of the subsidy: three years after enrolment, less one day (2016-05-20 -> 2019-05-19). */
export function subsidisedUntil(enrolledOn: string): string {
  const [y, m, d] = enrolledOn.split('-').map(Number);
  const end = new Date(Date.UTC(y + 3, m - 1, d));
  // 29 February + 3 years rolls over to 1 March; the day before is then 28 February, as it should be.
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** Updates fields of one member under its lock, auditing the old and new values; unchanged values write nothing. */
async function updateMember(
  ctx: Context,
  memberId: string,
  action: string,
  change: (member: MemberDoc) => Partial<MemberDoc> | null,
  extra: Record<string, unknown> = {},
): Promise<MemberDoc> {
  const actor = ctx.user!;
  return withLocks(ctx.db, [memberLock(memberId)], async () => {
    const member = await loadMember(ctx, memberId);
    const set = change(member);
    if (!set) return member;
    const old = Object.fromEntries(Object.keys(set).map((k) => [k, member[k as keyof MemberDoc]]));
    const at = ctx.settings.now();
    await membersCollection(ctx.db).updateOne({ _id: { $eq: memberId } }, { $set: set });
    await recordAudit(ctx.db, actor, at, [{ cityId: member.cityId, action, subject: `member:${memberId}`, old, new: { ...set, ...extra } }]);
    return { ...member, ...set };
  });
}

export const Mutation = {
  async admitMember(_: unknown, args: { input: AdmitMemberInput }, ctx: Context) {
    const actor = requireRole(ctx.user, 'CITYNET_STAFF');
    const { member, city, contacts } = buildAdmission(args.input, todayUtc(ctx.settings.now()));
    return withLocks(ctx.db, [memberLock(member._id)], async () => {
      const [existingMember, existingCity] = await Promise.all([
        membersCollection(ctx.db).findOne({ _id: { $eq: member._id } }, { projection: { _id: 1 } }),
        city ? citiesCollection(ctx.db).findOne({ _id: { $eq: city._id } }, { projection: { _id: 1 } }) : null,
      ]);
      if (existingMember || existingCity) {
        throw codedError('CONFLICT', `The id ${JSON.stringify(member._id)} is already taken by ${existingMember ? 'a member' : 'a city'}.`, {
          field: args.input.id != null ? 'input.id' : 'input.name',
        });
      }
      // The city first: a city without a member is a valid state (a non-member city); a member without its city is not.
      if (city) {
        try {
          await citiesCollection(ctx.db).insertOne(city);
        } catch (error) {
          if (isDuplicateKey(error)) throw codedError('CONFLICT', `The city id ${JSON.stringify(city._id)} is already taken.`, { field: 'input.id' });
          throw error;
        }
      }
      try {
        await membersCollection(ctx.db).insertOne(member);
      } catch (error) {
        if (city) await citiesCollection(ctx.db).deleteOne({ _id: { $eq: city._id } });
        if (isDuplicateKey(error)) throw codedError('CONFLICT', `The member id ${JSON.stringify(member._id)} is already taken.`, { field: 'input.id' });
        throw error;
      }
      if (contacts) await contactsCollection(ctx.db).insertOne(contacts);
      await recordAudit(ctx.db, actor, ctx.settings.now(), [
        ...(city ? [{ cityId: city._id, action: 'city.created', subject: `city:${city._id}`, old: null, new: { ...city } }] : []),
        { cityId: member.cityId, action: 'member.admitted', subject: `member:${member._id}`, old: null, new: { ...member, contacts: contacts ? 'set' : null } },
      ]);
      return member;
    });
  },

  async changeMemberStatus(_: unknown, args: { memberId: string; status: MemberDoc['status']; reason: string }, ctx: Context) {
    requireRole(ctx.user, 'CITYNET_STAFF');
    const reason = requireText(args.reason, 'reason', 3, 1000);
    return updateMember(
      ctx,
      args.memberId,
      'member.statusChanged',
      (member) => {
        if (member.status === args.status) return null; // already so: nothing to change (a retry is harmless)
        if (!STATUS_TRANSITIONS[member.status].includes(args.status)) {
          throw codedError('CONFLICT', `A ${member.status} member cannot become ${args.status} (allowed: ${STATUS_TRANSITIONS[member.status].join(', ')}).`, { field: 'status' });
        }
        return { status: args.status };
      },
      { reason },
    );
  },

  async setMemberClusters(_: unknown, args: { memberId: string; clusters: MemberDoc['clusters'] }, ctx: Context) {
    requireRole(ctx.user, 'CITYNET_STAFF');
    const clusters = requireDistinct(args.clusters, 'clusters');
    return updateMember(ctx, args.memberId, 'member.clustersSet', (member) =>
      member.clusters.length === clusters.length && member.clusters.every((c, i) => c === clusters[i]) ? null : { clusters },
    );
  },

  async setNationalChapter(_: unknown, args: { memberId: string; nationalChapter?: string | null }, ctx: Context) {
    requireRole(ctx.user, 'CITYNET_STAFF');
    const chapter = args.nationalChapter == null ? null : requireChapter(args.nationalChapter, 'nationalChapter');
    return updateMember(ctx, args.memberId, 'member.nationalChapterSet', (member) => (member.nationalChapter === chapter ? null : { nationalChapter: chapter }));
  },

  async enrolCity(_: unknown, args: { cityId: string; round: number; enrolledOn: string }, ctx: Context) {
    const actor = requireRole(ctx.user, 'CITYNET_STAFF');
    const round = requireInt(args.round, 'round', ctx.settings.minDataYear, ctx.settings.maxDataYear + 1);
    const enrolledYear = Number(args.enrolledOn.slice(0, 4));
    if (Math.abs(enrolledYear - round) > 1) throw badField('enrolledOn', `must fall within a year of round ${round}, got ${args.enrolledOn}`);
    const city: CityDoc | null = await citiesCollection(ctx.db).findOne({ _id: { $eq: args.cityId } });
    if (!city) throw codedError('NOT_FOUND', `No city with id ${JSON.stringify(args.cityId)}.`, { field: 'cityId' });
    const member = await membersCollection(ctx.db).findOne({ category: 'FULL', cityId: { $eq: args.cityId } });
    if (!member || member.status !== 'ACTIVE') {
      throw codedError('CONFLICT', `${city.name} must be an ACTIVE CityNet full member to enrol in the joint programme (it is ${member ? member.status : 'not a member'}).`, { field: 'cityId' });
    }
    const enrolment: EnrolmentDoc = {
      _id: city._id,
      cityId: city._id,
      programme: PROGRAMME_NAME,
      round,
      enrolledOn: args.enrolledOn,
      subsidisedUntil: subsidisedUntil(args.enrolledOn),
    };
    // One enrolment per city: `_id` = cityId, so of two concurrent enrolments exactly one is inserted.
    try {
      await enrolmentsCollection(ctx.db).insertOne(enrolment);
    } catch (error) {
      if (isDuplicateKey(error)) throw codedError('CONFLICT', `${city.name} is already enrolled in the joint programme.`, { field: 'cityId' });
      throw error;
    }
    await recordAudit(ctx.db, actor, ctx.settings.now(), [{ cityId: city._id, action: 'city.enrolled', subject: `enrolment:${city._id}`, old: null, new: { ...enrolment } }]);
    return enrolment;
  },
};
