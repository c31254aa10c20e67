import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';

/** ISO-8601 instant, always serialised in UTC (`2026-03-01T01:00:00.000Z`). */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant as an ISO-8601 string in UTC, e.g. 2026-03-01T01:00:00.000Z',
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

/** Calendar date `YYYY-MM-DD`. */
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
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function invalid(what: string): GraphQLError {
  return new GraphQLError(`DateTime must be an ISO-8601 string with a time zone (e.g. 2026-03-01T09:00:00+08:00), got ${what}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !DATETIME_RE.test(value)) throw invalid(JSON.stringify(value));
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw invalid(JSON.stringify(value));
  return date;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !DATE_RE.test(value) || Number.isNaN(new Date(value + 'T00:00:00Z').getTime())) {
    throw new GraphQLError(`Date must be YYYY-MM-DD, got ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });
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
