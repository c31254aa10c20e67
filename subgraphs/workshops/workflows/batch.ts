/**
 * Group commit: requests that queue for the same key while a batch is running are handled together
 * in the next batch (one lock, one read, one write for all of them), in arrival order. Under a burst
 * (50 registrations for one workshop at once) this costs a few lock sections instead of 50.
 *
 * A batch works for several requests at once, so it runs on behalf of none of them: each item keeps
 * the idempotency attempt of the request that submitted it (`attemptOf`), and the batch marks each
 * change with the attempt of the item it is for (lib/db/idempotency.ts), nothing else.
 */
import { currentAttempt, runInAttempt, type Attempt } from '../../../lib/db/idempotency';

const attempts = new WeakMap<object, Attempt>();

/** The keyed request (if any) a submitted item is for: `runInAttempt(attemptOf(item), write)`. */
export function attemptOf(item: object): Attempt | undefined {
  return attempts.get(item);
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

export type Outcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

export class KeyedBatcher<I, O> {
  private readonly queues = new Map<string, Pending<I, O>[]>();

  /** `run` handles one batch and returns one outcome per item, in order. */
  constructor(private readonly run: (key: string, items: I[]) => Promise<Outcome<O>[]>) {}

  submit(key: string, item: I): Promise<O> {
    const attempt = currentAttempt();
    if (attempt && typeof item === 'object' && item !== null) attempts.set(item, attempt);
    return new Promise<O>((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) {
        queue.push({ item, resolve, reject });
        return;
      }
      this.queues.set(key, [{ item, resolve, reject }]);
      runInAttempt(undefined, () => void this.drain(key));
    });
  }

  private async drain(key: string): Promise<void> {
    // Let the requests arriving in the same tick join the first batch.
    await new Promise((resolve) => setImmediate(resolve));
    for (;;) {
      const batch = this.queues.get(key)!.splice(0);
      if (batch.length === 0) {
        this.queues.delete(key);
        return;
      }
      try {
        const outcomes = await this.run(
          key,
          batch.map((p) => p.item),
        );
        batch.forEach((p, i) => {
          const o = outcomes[i];
          if (o.ok) p.resolve(o.value);
          else p.reject(o.error);
        });
      } catch (error) {
        batch.forEach((p) => {
          p.reject(error);
        });
      }
    }
  }
}
