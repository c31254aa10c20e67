/** Deprecated names of lib/graphql/inputs.ts, kept only until every subgraph uses it directly (issue 15). */
import type { SubgraphSettings } from '../config';
import { checkCountry, checkYear } from './inputs';
export const validateYear = (year: number, settings: SubgraphSettings, field = 'year') => checkYear(year, settings, field);
export const validateCountry = (country: string, field = 'country') => checkCountry(country, field);
