import { canSeeUnpublished } from '../access';
import type { CatalogueIndicator } from '../catalogue';
import type { Context } from '../context';
import type { ValueView } from '../values';

export const IndicatorValue = {
  // Only values whose indicator is in the catalogue are returned, so this is never undefined.
  indicator(value: ValueView, _: unknown, ctx: Context): CatalogueIndicator | undefined {
    return ctx.catalogue.indicator(value.edition, value.indicatorId);
  },
  city(value: ValueView) {
    return { __typename: 'City', id: value.cityId };
  },
  source: (value: ValueView) => value.source ?? null,
  note: (value: ValueView) => value.note ?? null,
  enteredAt: (value: ValueView) => value.enteredAt ?? null,
  verdictAt: (value: ValueView) => value.verdictAt ?? null,
  // Verifier notes are not public, even on VERIFIED values.
  verifierNote(value: ValueView, _: unknown, ctx: Context): string | null {
    return canSeeUnpublished(ctx.user, value.cityId) ? (value.verifierNote ?? null) : null;
  },
};
