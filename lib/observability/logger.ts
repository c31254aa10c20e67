/**
 * The one logger factory of every process (gateway, subgraphs, the stack): pino, JSON lines on
 * stdout, ISO timestamps, the level as a word, and — when a trace is active — its trace and span
 * ids, so a log line can be found from a trace and the other way round.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import { env, readEnv } from '../env';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const LOGGER_ENV = {
  // Tests run quiet unless asked: jest sets NODE_ENV=test.
  LOG_LEVEL: env.oneOf(LOG_LEVELS, process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
};

export interface LoggerOptions {
  level?: (typeof LOG_LEVELS)[number];
  /** Where the JSON lines go (tests capture them); stdout by default. */
  destination?: DestinationStream;
}

export function createLogger(service: string, options: LoggerOptions = {}): Logger {
  const level = options.level ?? readEnv(LOGGER_ENV).LOG_LEVEL;
  return pino(
    {
      name: service,
      level,
      base: { service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const span = trace.getActiveSpan();
        const ids = span?.spanContext();
        return ids && isSpanContextValid(ids) ? { traceId: ids.traceId, spanId: ids.spanId } : {};
      },
    },
    options.destination,
  );
}
