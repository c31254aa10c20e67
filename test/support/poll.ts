/**
 * Waiting for something that happens by itself (a file watcher, a consumer's position, a log line, a
 * span, a circuit's state): `until` checks again every `intervalMs` until the answer is acceptable,
 * and gives up after `timeoutMs` with a message that says what was awaited, for how long, and the
 * last answer seen. The deadline bounds a failure, not the machine's speed: a passing test goes on
 * as soon as the condition holds.
 *
 *   await until('the gateway is ready', async () => (await fetch(url)).status === 200, { timeoutMs: 60_000 });
 *   const line = await until('the request logged', () => lines.find((l) => l.msg === 'request'));
 *   await until('position 84', () => consumer.position(), { accept: (p) => p >= 84 });
 */
import { inspect } from 'node:util';

export interface PollOptions {
  /** Give up after this long (default 10 s). A check that is still running then is waited for, and the answer it gives counts. */
  timeoutMs?: number;
  /** The pause between two checks (default 50 ms). */
  intervalMs?: number;
}

type Falsy = false | 0 | 0n | '' | null | undefined;

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_INTERVAL_MS = 50;
/** How much of the last answer the failure message shows. */
const MAX_SHOWN = 500;

/** Checks `check()` until `accept` holds for its answer; resolves with that answer. */
export function until<T>(what: string, check: () => T | Promise<T>, options: PollOptions & { accept: (value: T) => boolean }): Promise<T>;
/** Checks `check()` until it answers something truthy (`true`, a found item); resolves with that answer. */
export function until<T>(what: string, check: () => T | Promise<T>, options?: PollOptions): Promise<Exclude<T, Falsy>>;
export async function until<T>(
  what: string,
  check: () => T | Promise<T>,
  { timeoutMs = DEFAULT_TIMEOUT_MS, intervalMs = DEFAULT_INTERVAL_MS, accept = Boolean }: PollOptions & { accept?: (value: T) => boolean } = {},
): Promise<T> {
  const started = Date.now();
  for (let checks = 1; ; checks++) {
    const value = await check();
    if (accept(value)) return value;
    const elapsed = Date.now() - started;
    if (elapsed > timeoutMs) {
      throw new Error(`Timed out waiting for ${what}: not within ${timeoutMs} ms (${checks} checks over ${elapsed} ms; last answer: ${shown(value)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function shown(value: unknown): string {
  const text = inspect(value, { depth: 3, breakLength: Number.POSITIVE_INFINITY });
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}… (${text.length} characters)` : text;
}
