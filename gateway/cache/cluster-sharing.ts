import cluster, { type Worker } from 'node:cluster';

/**
 * Identical requests in flight shared across the gateway's worker processes (GATEWAY_WORKERS > 1).
 *
 * Within one process, a request that arrives while an identical one of the same view is running waits
 * for that one's answer (response-cache.ts). With N workers, the primary spreads connections over them,
 * so without this each worker would run every wave of identical requests once: N executions, N times
 * the subgraph fetches. Here the primary keeps, per request key, which worker is running it; another
 * worker's first request for that key waits for the answer the primary passes on, and its further
 * identical requests join that wait locally.
 *
 * Freshness: a worker's invalidation generation changes with every invalidation it applies. Before it
 * claims a key after such a change, it tells the primary, which then stops joining anyone to the
 * executions it knows of (they may have started before the change); on the same IPC channel, in order,
 * so the primary always hears of the change before the claim. A mutation is acknowledged only once
 * every worker has applied its invalidations, so a read made after the acknowledgement never joins an
 * execution that started before it, whichever worker runs it.
 *
 * Failures: a leader whose answer cannot be shared (an error thrown, a streamed answer) or that exits
 * passes nothing on, and each waiting worker runs the request itself; so does every worker if the
 * channel to the primary closes.
 */
const CLAIM = 'gateway:share-claim';
const CLAIMED = 'gateway:share-claimed';
const RESET = 'gateway:share-reset';
const DONE = 'gateway:share-done';
const ANSWER = 'gateway:share-answer';

/** What is passed between workers: the answer as it is sent (its body encoded by each receiver once). */
export interface SharedText {
  status: number;
  headers: [string, string][];
  body: string;
}

interface Message {
  type?: string;
  key?: string;
  seq?: number;
  id?: number;
  lead?: boolean;
  answer?: SharedText | null;
}

/** A claim's outcome: lead (run it, then `finish`), or follow (the leader's answer, or null: run it yourself). */
export type Claim = { lead: true; finish(answer: SharedText | undefined): void } | { lead: false; answer: Promise<SharedText | null> };

export interface ClusterSharing {
  claim(key: string, generation: number): Promise<Claim>;
  stop(): void;
}

/** The worker's side; undefined outside a cluster (one process shares through its own map only). */
export function clusterSharing(): ClusterSharing | undefined {
  if (!cluster.isWorker || !process.send) return undefined;
  let seq = 0;
  let generation: number | undefined;
  const claims = new Map<number, (message: Message) => void>();
  const answers = new Map<number, (answer: SharedText | null) => void>();
  const send = (message: Message) => {
    try {
      process.send!(message);
      return true;
    } catch {
      return false;
    }
  };
  const onMessage = (message: Message) => {
    if (message?.type === CLAIMED && message.seq !== undefined) claims.get(message.seq)?.(message);
    else if (message?.type === ANSWER && message.seq !== undefined) {
      answers.get(message.seq)?.(message.answer ?? null);
      answers.delete(message.seq);
    }
  };
  // Without the primary, nobody leads anything: every waiting request runs on its own.
  const onDisconnect = () => {
    for (const resolve of claims.values()) resolve({ lead: true });
    for (const resolve of answers.values()) resolve(null);
    claims.clear();
    answers.clear();
  };
  process.on('message', onMessage);
  process.on('disconnect', onDisconnect);
  return {
    claim(key, currentGeneration) {
      const n = ++seq;
      if (generation !== currentGeneration) {
        generation = currentGeneration;
        if (!send({ type: RESET })) return Promise.resolve(leadAlone());
      }
      return new Promise<Claim>((resolve) => {
        claims.set(n, (reply) => {
          claims.delete(n);
          if (reply.lead || reply.id === undefined) {
            const id = reply.id;
            resolve({ lead: true, finish: (answer) => id !== undefined && send({ type: DONE, key, id, answer: answer ?? null }) });
          } else {
            resolve({ lead: false, answer: new Promise((settle) => answers.set(n, settle)) });
          }
        });
        if (!send({ type: CLAIM, key, seq: n })) claims.get(n)?.({ lead: true });
      });
    },
    stop() {
      process.off('message', onMessage);
      process.off('disconnect', onDisconnect);
      onDisconnect();
    },
  };
}

const leadAlone = (): Claim => ({ lead: true, finish: () => undefined });

interface Execution {
  id: number;
  key: string;
  leader: number;
  waiters: { worker: Worker; seq: number }[];
}

/**
 * The primary's side: answers claims, passes each leader's answer to the workers waiting for it, and
 * on a worker's reset stops joining anyone to the executions already running. Returns the handler for
 * the workers' messages (true when the message was one of these).
 */
export function relayClusterSharing(): (from: Worker, message: Message) => boolean {
  let nextId = 0;
  // Executions new claims may join, by key; every execution still running, by id.
  const joinable = new Map<string, Execution>();
  const running = new Map<number, Execution>();
  // A worker gone meanwhile simply misses the message.
  const post = (worker: Worker, message: Message) => {
    try {
      if (worker.isConnected()) worker.send(message);
    } catch {
      // the channel closed between the check and the send
    }
  };
  const deliver = (execution: Execution, answer: SharedText | null) => {
    running.delete(execution.id);
    if (joinable.get(execution.key) === execution) joinable.delete(execution.key);
    for (const { worker, seq } of execution.waiters) post(worker, { type: ANSWER, seq, answer });
  };
  cluster.on('exit', (worker) => {
    for (const execution of [...running.values()]) if (execution.leader === worker.id) deliver(execution, null);
  });
  return (from, message) => {
    switch (message?.type) {
      case RESET:
        joinable.clear();
        return true;
      case CLAIM: {
        if (typeof message.key !== 'string' || message.seq === undefined) return true;
        const execution = joinable.get(message.key);
        if (execution && execution.leader !== from.id) {
          execution.waiters.push({ worker: from, seq: message.seq });
          post(from, { type: CLAIMED, seq: message.seq, lead: false, id: execution.id });
        } else {
          const started: Execution = { id: ++nextId, key: message.key, leader: from.id, waiters: [] };
          joinable.set(message.key, started);
          running.set(started.id, started);
          post(from, { type: CLAIMED, seq: message.seq, lead: true, id: started.id });
        }
        return true;
      }
      case DONE: {
        const execution = message.id === undefined ? undefined : running.get(message.id);
        if (execution && execution.leader === from.id) deliver(execution, message.answer ?? null);
        return true;
      }
      default:
        return false;
    }
  };
}
