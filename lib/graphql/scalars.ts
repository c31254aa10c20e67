import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';
import { isCalendarDate } from './inputs';

/**
 * ISO-8601 instant, always serialised in UTC (`2026-03-01T01:00:00.000Z`). Input is strict (see
 * `parseDateTime`): shared by every subgraph, so no subgraph silently rolls 31 April over into May.
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant as an ISO-8601 string in UTC, e.g. 2026-03-01T01:00:00.000Z; input needs a real date and time and an offset',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError(`DateTime cannot represent ${String(value)}`);
    return date.toISOString();
  },
  parseValue(value) {
    return parseDateTime(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid('a non-string literal');
    return parseDateTime(ast.value);
  },
});

/** Calendar date `YYYY-MM-DD`; input must name a day that exists. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date as YYYY-MM-DD',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && DATE_RE.test(value)) return value;
    throw new GraphQLError(`Date cannot represent ${String(value)}`);
  },
  parseValue(value) {
    return parseDate(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseDate(ast.value);
  },
});

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
// An explicit offset or Z is required: an instant without a zone is ambiguous.
const DATETIME_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/;

function invalid(what: string, why = 'an ISO-8601 string with a time zone (e.g. 2026-03-01T09:00:00+08:00)'): GraphQLError {
  return new GraphQLError(`DateTime must be ${why}, got ${what}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/**
 * Strict: a real calendar day (31 April and 29 February of a common year are refused, never rolled
 * over into the next month), hours 00–23, minutes and seconds 00–59, and an offset (Z or ±hh:mm, at
 * most ±14:00) is required.
 */
function parseDateTime(value: unknown): Date {
  const m = typeof value === 'string' ? DATETIME_RE.exec(value) : null;
  if (!m) throw invalid(JSON.stringify(value));
  const [, day, hh, mm, ss, , zone, , oh, om] = m;
  if (!isCalendarDate(day)) throw invalid(JSON.stringify(value), `a real calendar date (${day} does not exist)`);
  if (Number(hh) > 23 || Number(mm) > 59 || (ss !== undefined && Number(ss) > 59)) {
    throw invalid(JSON.stringify(value), 'a real time of day (hours 00–23, minutes and seconds 00–59)');
  }
  if (zone !== 'Z' && (Number(oh) > 14 || Number(om) > 59 || (Number(oh) === 14 && Number(om) > 0))) {
    throw invalid(JSON.stringify(value), 'given with a real UTC offset (from -14:00 to +14:00)');
  }
  const date = new Date(value as string);
  if (Number.isNaN(date.getTime())) throw invalid(JSON.stringify(value));
  return date;
}

/** Strict: `YYYY-MM-DD` naming a day that exists. */
function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !DATE_RE.test(value)) {
    throw new GraphQLError(`Date must be YYYY-MM-DD, got ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  if (!isCalendarDate(value)) {
    throw new GraphQLError(`Date must be a real calendar date as YYYY-MM-DD (${value} does not exist), got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** Any JSON value (audit entries' old and new states); output-oriented, literals are read untyped. */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value',
  serialize: (value) => JSON.parse(JSON.stringify(value ?? null)),
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
