/**
 * Environment settings, validated with zod at start-up: every wrong value is reported at once, one
 * line each ("MAX_PAGE_SIZE: must be at most 10000 (got "20000")"), and the process does not start.
 */
import { z } from 'zod';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** An unset or empty variable counts as absent, so defaults apply. */
const absentIfEmpty = (value: unknown) => (value === '' ? undefined : value);

export const env = {
  int: (fallback: number, min: number, max: number) =>
    z.preprocess(
      absentIfEmpty,
      z.coerce
        .number({ message: 'must be a whole number' })
        .int('must be a whole number')
        .min(min, `must be at least ${min}`)
        .max(max, `must be at most ${max}`)
        .default(fallback),
    ),
  string: (fallback: string) => z.preprocess(absentIfEmpty, z.string().default(fallback)),
  optionalString: () => z.preprocess(absentIfEmpty, z.string().optional()),
  url: () => z.preprocess(absentIfEmpty, z.url({ message: 'must be a URL' }).optional()),
  instant: () =>
    z.preprocess(
      absentIfEmpty,
      z
        .string()
        .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO-8601 instant, e.g. 2026-11-28T00:00:00Z')
        .optional(),
    ),
  oneOf: <T extends string>(values: readonly [T, ...T[]], fallback: T) => z.preprocess(absentIfEmpty, z.enum(values).default(fallback)),
  boolean: (fallback: boolean) =>
    z.preprocess(
      absentIfEmpty,
      z
        .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
        .default(fallback ? 'true' : 'false')
        .transform((v) => v === 'true' || v === '1'),
    ),
};

/** Parses the variables named in `shape` from `source`; throws ConfigError listing every problem. */
export function readEnv<T extends z.ZodRawShape>(shape: T, source: NodeJS.ProcessEnv = process.env): z.output<z.ZodObject<T>> {
  const input = Object.fromEntries(Object.keys(shape).map((name) => [name, source[name]]));
  const result = z.object(shape).safeParse(input);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const raw = source[name];
      return `${name}: ${issue.message}${raw !== undefined ? ` (got ${JSON.stringify(raw)})` : ''}`;
    }),
  );
}
