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

/**
 * stdout, shared by every logger of the process and written once per event-loop turn: the lines
 * logged while the process handles a burst of requests leave in one write instead of one blocking
 * write each (the access log's per-line write was ~2 % of the gateway's CPU under load). A line waits
 * at most until the end of the current turn, and whatever is pending is written when the process exits
 * (an exit handler runs on process.exit, on an uncaught exception, and after a graceful stop).
 */
let stdout: DestinationStream | undefined;
function defaultDestination(): DestinationStream {
  if (stdout) return stdout;
  // Buffers up to 8 KB by itself (a bigger burst is written at once); flushed at the end of the turn.
  const sink = pino.destination({ dest: 1, sync: true, minLength: 8 * 1024 });
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    sink.flushSync();
  };
  process.once('exit', () => sink.flushSync());
  stdout = {
    write(line: string) {
      sink.write(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
  };
  return stdout;
}

/** pino's isoTime, formatted once per millisecond instead of once per line. */
let lastMs = 0;
let lastTime = '';
function isoTime(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastTime = `,"time":"${new Date(now).toISOString()}"`;
  }
  return lastTime;
}

export function createLogger(service: string, options: LoggerOptions = {}): Logger {
  const level = options.level ?? readEnv(LOGGER_ENV).LOG_LEVEL;
  return pino(
    {
      name: service,
      level,
      base: { service, pid: process.pid },
      timestamp: isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const span = trace.getActiveSpan();
        const ids = span?.spanContext();
        return ids && isSpanContextValid(ids) ? { traceId: ids.traceId, spanId: ids.spanId } : {};
      },
    },
    options.destination ?? defaultDestination(),
  );
}
