/**
 * Deprecated names of lib/graphql/inputs.ts and lib/graphql/errors.ts, kept only until every
 * subgraph uses those directly (issue 15); new code must not import this file.
 */
import { inputError } from './errors';
export {
  checkOptionalText as optionalText,
  checkText as requireText,
  checkTimeZone as requireTimeZone,
  checkInt as requireInt,
  checkDistinct as requireDistinct,
} from './inputs';
export const badField = (field: string, message: string) => inputError(field, message);
