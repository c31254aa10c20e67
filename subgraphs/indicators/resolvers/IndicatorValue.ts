import type { IndicatorValueDoc } from '../../../data/sample/types';
import type { CatalogueIndicator } from '../catalogue';
import type { Context } from '../context';

export const IndicatorValue = {
  // City.indicators only returns values whose indicator is in the catalogue, so this is never undefined.
  indicator(value: IndicatorValueDoc, _: unknown, ctx: Context): CatalogueIndicator | undefined {
    return ctx.catalogue.indicator(value.edition, value.indicatorId);
  },
  city(value: IndicatorValueDoc) {
    return { __typename: 'City', id: value.cityId };
  },
};
