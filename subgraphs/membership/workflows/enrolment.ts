import { findById } from '../../../lib/db/access';
import { changeDocument } from '../../../lib/db/outbox';
import { codedError } from '../../../lib/graphql/errors';
import type { Context } from '../context';
import { citiesCollection } from '../data/cities';
import { enrolmentsCollection } from '../data/enrolments';
import { membersCollection } from '../data/members';
import type { EnrolmentDoc } from '../data/types';
import { requireMembershipStaff } from '../domain/access';
import { buildEnrolment, checkEnrolment } from '../domain/enrolment';
import { isActiveEnrolment } from '../domain/programme';
import { roundsCollection } from '../data/programme';
import { memberLock } from './member-change';

/**
 * Enrols an ACTIVE full member city in the joint programme (audited, in the enrolment's own write).
 * One enrolment per city: its `_id` is the city id, written under the enrolment's lock (and the
 * member's, so the member cannot change status meanwhile); of simultaneous enrolments one wins.
 */
export async function enrolCity(ctx: Context, args: { cityId: string; round: number; enrolledOn: string }): Promise<EnrolmentDoc> {
  const actor = requireMembershipStaff(ctx.user);
  const checked = checkEnrolment(args, ctx.settings);
  const round = await findById(roundsCollection(ctx.db), String(checked.round));
  const enrolment = buildEnrolment(args.cityId, checked, round);
  const city = await findById(citiesCollection(ctx.db), args.cityId);
  if (!city) throw codedError('NOT_FOUND', `No city with id ${JSON.stringify(args.cityId)}.`, { field: 'cityId' });
  const written = await changeDocument<EnrolmentDoc>({
    collection: enrolmentsCollection(ctx.db),
    id: city._id,
    actor,
    at: ctx.settings.now(),
    locks: [`enrolment:${city._id}`, memberLock(city._id)],
    conflict: `${city.name} is already enrolled in the joint programme.`,
    async change(current) {
      const member = await findById(membersCollection(ctx.db), city._id);
      const full = member && member.category === 'FULL' && member.cityId === city._id ? member : null;
      if (full?.status !== 'ACTIVE') {
        throw codedError(
          'CONFLICT',
          `${city.name} must be an ACTIVE CityNet full member to enrol in the joint programme (it is ${full ? full.status : 'not a member'}).`,
          { field: 'cityId' },
        );
      }
      if (isActiveEnrolment(current)) throw codedError('CONFLICT', `${city.name} is already enrolled in the joint programme.`, { field: 'cityId' });
      return {
        next: enrolment,
        audit: [
          {
            action: 'city.enrolled',
            subject: `enrolment:${city._id}`,
            old: current ? { status: current.status ?? 'ACTIVE', round: current.round } : null,
            new: { ...enrolment },
          },
        ],
        scope: { cityId: city._id },
      };
    },
  });
  if (!written) throw new Error(`enrolCity: ${city._id} was not written`);
  // City.programmeEnrolment, and the lists filtered by enrolment.
  ctx.changes.entity('City', { id: city._id }).lists();
  return written;
}
