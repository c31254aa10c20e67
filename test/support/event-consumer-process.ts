/**
 * A real process consuming one producer's event feed (lib/db/events.ts), for the test that kills a
 * consumer mid-stream (test/events.test.ts). Each event `{ n }` is applied to a ledger document with
 * the one audited write (lib/db/outbox.ts): the ledger's total grows by `n` and it remembers the last
 * `seq` it applied, so an event delivered again after a crash changes nothing (the idempotent pattern
 * every real handler follows: compare, then one single-document write). Every delivery is also logged
 * in `deliveries`, to show what was delivered more than once.
 *
 * Env: MONGODB_URI, CONSUMER_DB, FEED_URL, HANDLER_DELAY_MS (slow handlers, so that a kill lands
 * mid-stream), CRASH_AFTER_SEQ (the process SIGKILLs itself after applying this event, before its
 * position is recorded), SUBGRAPH_SIGNING_SECRET (signs the feed requests).
 */
import { randomUUID } from 'node:crypto';
import { connectMongo } from '../../lib/db/mongo';
import { EventConsumer } from '../../lib/db/events';
import { changeDocument, type VersionedDoc } from '../../lib/db/outbox';

interface Ledger extends VersionedDoc {
  total: number;
  lastSeq: number;
  count: number;
}

async function main(): Promise<void> {
  const client = await connectMongo(process.env.MONGODB_URI!, { appName: 'event-consumer-process' });
  const db = client.db(process.env.CONSUMER_DB!);
  const delay = Number(process.env.HANDLER_DELAY_MS ?? 0);
  const crashAfter = Number(process.env.CRASH_AFTER_SEQ ?? 0);
  const consumer = new EventConsumer({
    consumer: 'test-consumer',
    producer: 'test-producer',
    db,
    url: () => process.env.FEED_URL,
    signingSecret: process.env.SUBGRAPH_SIGNING_SECRET || undefined,
    waitMs: 2_000,
    batch: 25,
    handlers: {
      async 'test.counted'(event) {
        await db.collection('deliveries').insertOne({ _id: randomUUID() as any, event: event._id, seq: event.seq, pid: process.pid });
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
        await changeDocument<Ledger>({
          collection: db.collection<Ledger>('ledger'),
          id: 'ledger',
          actor: { sub: 'test-consumer', roles: [] },
          at: new Date(),
          conflict: 'raced',
          change(current) {
            if (current && current.lastSeq >= event.seq) return null; // applied already: delivered again after a crash
            const n = event.payload.n as number;
            return {
              next: { _id: 'ledger', total: (current?.total ?? 0) + n, lastSeq: event.seq, count: (current?.count ?? 0) + 1 },
              audit: [],
              scope: { cityId: null },
            };
          },
        });
      },
    },
    afterApply(event) {
      if (crashAfter && event.seq === crashAfter) process.kill(process.pid, 'SIGKILL');
    },
  });
  consumer.start();
  console.log(JSON.stringify({ msg: 'consumer ready at feed', url: process.env.FEED_URL, pid: process.pid }));
  process.on('SIGTERM', () => {
    void consumer
      .stop()
      .then(() => client.close())
      .then(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
