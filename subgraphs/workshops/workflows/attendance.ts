import { requireRole } from '../../../lib/auth/guards';
import { loadForChange, writeChange } from '../../../lib/db/outbox';
import { withLocks } from '../../../lib/db/locks';
import { codedError, inputError } from '../../../lib/graphql/errors';
import { checkDistinct, checkInt } from '../../../lib/graphql/inputs';
import type { Context } from '../context';
import { findRegistration, registrationsCollection } from '../data/registrations';
import type { StoredAttendance, StoredRegistration } from '../data/types';
import { workshopsCollection } from '../data/workshops';
import { seatsOf } from '../domain/participants';
import { requireAttendanceOpen } from '../domain/workshops';
import { declareAttendanceChanged } from './invalidation';
import { loadRegistrationsForChange, registrationConflict, workshopLock } from './seats';

export interface AttendanceInput {
  attended: boolean;
  presentParticipantIds?: readonly string[] | null;
  participantsPresent?: number | null;
}

/**
 * Records (or corrects) whether a registered city attended and how many of its people were present,
 * once the workshop has started (IN_PROGRESS or COMPLETED). Only a registration that held seats
 * (CONFIRMED) can have attended; the people present are at most its confirmed participants. One
 * audited write of the registration, under the workshop's lock.
 */
export async function recordAttendance(ctx: Context, registrationId: string, input: AttendanceInput): Promise<StoredRegistration> {
  const actor = requireRole(ctx.user, 'CITYNET_STAFF');
  const ids = input.presentParticipantIds == null ? null : checkDistinct(input.presentParticipantIds, 'input.presentParticipantIds');
  if (!input.attended && ((ids && ids.length > 0) || (input.participantsPresent ?? 0) !== 0)) {
    throw inputError(
      input.participantsPresent ? 'input.participantsPresent' : 'input.presentParticipantIds',
      'must be 0 or empty when the city did not attend (attended: false)',
    );
  }
  const found = await findRegistration(ctx.db, registrationId);
  if (!found) throw codedError('NOT_FOUND', `No registration with id ${JSON.stringify(registrationId)}.`, { field: 'registrationId' });

  return withLocks(ctx.db, [workshopLock(found.workshopId)], async () => {
    const now = ctx.settings.now();
    const workshop = await loadForChange(workshopsCollection(ctx.db), found.workshopId);
    if (!workshop) throw codedError('NOT_FOUND', `No workshop with id ${JSON.stringify(found.workshopId)}.`, { field: 'registrationId' });
    requireAttendanceOpen(workshop, now);
    const current = (await loadRegistrationsForChange(ctx, workshop._id)).find((r) => r._id === registrationId)!;
    if (current.status !== 'CONFIRMED') {
      throw codedError('CONFLICT', `The registration ${current._id} is ${current.status}: only a registration that held seats (CONFIRMED) can have attended.`, {
        field: 'registrationId',
        status: current.status,
      });
    }
    const seated = seatsOf(current).filter((p) => p.status === 'CONFIRMED');
    const seatedIds = new Set(seated.map((p) => p.id));
    (ids ?? []).forEach((id, i) => {
      if (!seatedIds.has(id)) {
        throw inputError(
          `input.presentParticipantIds[${i}]`,
          `must name a confirmed participant of ${current._id} (${[...seatedIds].join(', ') || 'none'}), got ${JSON.stringify(id)}`,
        );
      }
    });
    let present = 0;
    if (input.attended) {
      const fallback = ids?.length ? ids.length : seated.length;
      present = checkInt(input.participantsPresent ?? fallback, 'input.participantsPresent', Math.max(1, ids?.length ?? 0), seated.length);
    }
    const attendance: StoredAttendance = {
      attended: input.attended,
      participantsPresent: present,
      presentParticipantIds: input.attended ? (ids ?? []) : [],
      recordedAt: now,
      recordedBy: actor.sub,
    };
    const { recordedAt: _at, recordedBy: _by, ...recorded } = attendance;
    const previous = current.attendance
      ? {
          attended: current.attendance.attended,
          participantsPresent: current.attendance.participantsPresent,
          presentParticipantIds: current.attendance.presentParticipantIds,
        }
      : null;
    if (previous && JSON.stringify(previous) === JSON.stringify(recorded)) {
      ctx.changes.unchanged();
      return current;
    }
    const written = await writeChange(
      registrationsCollection(ctx.db),
      current,
      {
        next: { ...current, attendance },
        audit: [
          {
            action: previous ? 'registration.attendanceCorrected' : 'registration.attendanceRecorded',
            subject: `registration:${current._id}`,
            old: previous,
            new: recorded,
          },
        ],
        scope: { cityId: current.cityId },
      },
      actor,
      now,
      registrationConflict(current._id),
    );
    ctx.loaders.registrationsByWorkshopId.clear(workshop._id);
    declareAttendanceChanged(ctx, workshop, current.cityId);
    return written;
  });
}
