/**
 * Runs inside a subgraph process of the benchmark: counts the GraphQL requests arriving at each
 * subgraph's HTTP server (and how long they take), and answers the orchestrator over IPC.
 */
import type http from 'node:http';

export interface SubgraphCounters {
  requests: number;
  /** Sum of request durations (arrival to response end), ms. */
  busyMs: number;
  /** Data commands sent to the database (workload A only). */
  dbCommands: number;
  /** Requests that carried an `authorization` header (the caller's token, passed on by the gateway). */
  withToken: number;
}

export interface SubgraphStatsReply {
  type: 'stats:reply';
  perSubgraph: Record<string, SubgraphCounters>;
  inFlight: number;
  /** Distinct `authorization` values seen since the last reset, over all subgraphs (counted up to 100 000). */
  distinctTokens: number;
  /** CPU seconds of this process since start. */
  cpuSeconds: number;
}

export class SubgraphStats {
  readonly perSubgraph: Record<string, SubgraphCounters> = {};
  inFlight = 0;
  private readonly tokens = new Set<string>();

  counters(name: string): SubgraphCounters {
    return (this.perSubgraph[name] ??= { requests: 0, busyMs: 0, dbCommands: 0, withToken: 0 });
  }

  /** Counts every POST to the server (the gateway's subgraph fetches). */
  watch(name: string, server: http.Server): void {
    const counters = this.counters(name);
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      if (req.method !== 'POST') return;
      const started = performance.now();
      counters.requests++;
      const authorization = req.headers.authorization;
      if (authorization) {
        counters.withToken++;
        if (this.tokens.size < 100_000) this.tokens.add(authorization);
      }
      this.inFlight++;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        this.inFlight--;
        counters.busyMs += performance.now() - started;
      };
      res.once('finish', finish);
      res.once('close', finish);
    });
  }

  reset(): void {
    for (const counters of Object.values(this.perSubgraph)) {
      counters.requests = 0;
      counters.busyMs = 0;
      counters.dbCommands = 0;
      counters.withToken = 0;
    }
    this.tokens.clear();
  }

  snapshot(): SubgraphStatsReply {
    const cpu = process.cpuUsage();
    return {
      type: 'stats:reply',
      perSubgraph: JSON.parse(JSON.stringify(this.perSubgraph)),
      inFlight: this.inFlight,
      distinctTokens: this.tokens.size,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    };
  }

  /** Answers `reset` and `stats`; other message types go to `extra`. Exits when the parent goes. */
  serveIpc(extra: (message: { type: string; [key: string]: unknown }) => void = () => {}): void {
    process.on('message', (message: { type: string; [key: string]: unknown }) => {
      if (message.type === 'reset') {
        this.reset();
        process.send?.({ type: 'reset:reply' });
      } else if (message.type === 'stats') {
        process.send?.(this.snapshot());
      } else extra(message);
    });
    process.on('disconnect', () => process.exit(0));
  }
}
