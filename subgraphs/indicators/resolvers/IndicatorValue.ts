import type { IndicatorValueResolvers } from '../generated/resolvers-types';
import type { Known } from './index';
import { canSeeUnpublished } from '../domain/access';

export const IndicatorValue = {
  // Only values whose indicator is in the catalogue are listed, so this is never undefined.
  indicator: (value, _, ctx) => ctx.catalogue.indicator(value.edition, value.indicatorId)!,
  city: (value) => ({ id: value.cityId }),
  source: (value) => value.source ?? null,
  note: (value) => value.note ?? null,
  enteredAt: (value) => value.enteredAt ?? null,
  verdictAt: (value) => value.verdictAt ?? null,
  // Verifier notes are not public, even on VERIFIED values.
  verifierNote: (value, _, ctx) => (canSeeUnpublished(ctx.user, value.cityId) ? (value.verifierNote ?? null) : null),
} satisfies Known<IndicatorValueResolvers>;
