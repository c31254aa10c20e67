import type { Db } from 'mongodb';
import type { TopologyDescriptionChangedEvent } from 'mongodb';
import { codedError } from '../graphql/errors';

/** Driver errors that mean "the database cannot be reached", as opposed to a bad query. */
const UNREACHABLE = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);

export function isDatabaseUnreachable(error: unknown): boolean {
  return error instanceof Error && UNREACHABLE.has(error.name);
}

export function databaseUnavailable(subgraph: string) {
  return codedError('UNAVAILABLE', `The ${subgraph} database is unreachable right now; try again shortly.`);
}

/**
 * Whether a subgraph's database is reachable, from the driver's own topology monitoring: when the
 * server goes away, requests fail fast with UNAVAILABLE instead of each waiting out the driver's
 * server selection timeout, and a background ping (only while down) lets the driver find the server
 * again, so the subgraph recovers by itself when the database returns.
 */
export class DatabaseHealth {
  private up = true;
  private probe?: NodeJS.Timeout;
  private probing = false;
  private readonly onTopology = (event: TopologyDescriptionChangedEvent) => {
    const servers = [...event.newDescription.servers.values()];
    this.set(servers.some((s) => s.type !== 'Unknown'));
  };

  constructor(
    private readonly db: Db,
    private readonly probeIntervalMs = 500,
  ) {
    db.client.on('topologyDescriptionChanged', this.onTopology);
  }

  get available(): boolean {
    return this.up;
  }

  /** A request saw the database unreachable (before the driver's monitor noticed). */
  markUnavailable(): void {
    this.set(false);
  }

  /** Readiness: known reachable and answering a ping within `timeoutMs`. */
  async ping(timeoutMs = 1000): Promise<boolean> {
    if (!this.up) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([this.db.command({ ping: 1 }).then(() => true), timeout]);
    } catch (error) {
      if (isDatabaseUnreachable(error)) this.markUnavailable();
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  stop(): void {
    this.db.client.off('topologyDescriptionChanged', this.onTopology);
    if (this.probe) clearInterval(this.probe);
    this.probe = undefined;
  }

  private set(up: boolean): void {
    this.up = up;
    if (up && this.probe) {
      clearInterval(this.probe);
      this.probe = undefined;
    } else if (!up && !this.probe) {
      this.probe = setInterval(() => {
        if (this.probing) return;
        this.probing = true;
        this.db
          .command({ ping: 1 })
          .then(() => this.set(true))
          .catch(() => undefined)
          .finally(() => {
            this.probing = false;
          });
      }, this.probeIntervalMs);
      this.probe.unref();
    }
  }
}
