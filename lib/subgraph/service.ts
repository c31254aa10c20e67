import { readFileSync } from 'node:fs';
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type BaseContext, type GraphQLResponse } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type DocumentNode, type GraphQLError } from 'graphql';
import type { Db } from 'mongodb';
import type { SubgraphName, SubgraphSettings } from '../config';
import type { AuthUser } from '../auth/roles';
import type { CallerHeaders } from '../federation/gateway-client';
import { DatabaseHealth, databaseUnavailable, isDatabaseUnreachable } from './db-health';
import { createLogger, type Logger } from '../observability/logger';
import { createMetrics, type Metrics } from '../observability/metrics';
import { metricsPlugin } from '../observability/apollo-metrics-plugin';
import { recordMongoCommands } from '../observability/mongo-metrics';
import { localBus, type InvalidationBus } from '../cache/bus';
import { subgraphTag } from '../cache/tags';
import { ChangeSet } from './changes';
import { REQUEST_ID_HEADER } from '../http/request-id';
import { envInt } from '../config';
import { codedError } from '../graphql/errors';
import {
  beginAttempt,
  DEFAULT_TTL_MS,
  ensureIdempotencyIndexes,
  finishAttempt,
  requestHash,
  requestScope,
  startExpiryCleanup,
  type Attempt,
  type Begun,
  type StoredAnswer,
} from '../db/idempotency';
import { ensureEventIndexes, ensureEventStream, installEventStream, type EventConsumer } from '../db/events';

/** What `buildSubgraphSchema` takes as resolvers (its own type is not exported from the package root). */
type SubgraphResolvers = NonNullable<Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>['resolvers']>;

/** What every subgraph's `server.ts` builds: an Apollo Server plus the per-request context factory. */
/** What every subgraph's request context carries, whatever else it holds. */
export interface SubgraphContextBase {
  /** What this request changed, for the gateways' caches (see lib/subgraph/changes.ts). */
  changes: ChangeSet;
}

export interface SubgraphService<TContext extends BaseContext = BaseContext> {
  name: SubgraphName;
  server: ApolloServer<TContext>;
  db: Db;
  /**
   * A fresh context (with fresh DataLoaders) for one request by `user` (anonymous when omitted);
   * `caller` carries the request's token and id on to any other domain this request must ask.
   */
  createContext(user?: AuthUser | null, caller?: CallerHeaders): TContext;
  /** Whether the database is reachable (readiness, and failing fast while it is not). */
  health?: DatabaseHealth;
  /** Prometheus metrics (GET /metrics) and the JSON logger of this subgraph. */
  metrics?: Metrics;
  logger?: Logger;
  /** Its consumers of other subgraphs' domain events (lib/db/events.ts), polling while it runs. */
  consumers?: EventConsumer[];
  stop(): Promise<void>;
}

export interface SubgraphDeps {
  db: Db;
  settings: SubgraphSettings;
  /** Where cache invalidations go (default: in-process only; Redis when REDIS_URL is set, see run.ts). */
  bus?: InvalidationBus;
  /** Signs this subgraph's requests to the others' event feeds (SUBGRAPH_SIGNING_SECRET, when set). */
  signingSecret?: string;
}

export function loadTypeDefs(path: string): DocumentNode {
  return parse(readFileSync(path, 'utf8'));
}

/** Builds and starts the Apollo Server of one subgraph from its SDL and resolvers. */
export async function buildSubgraphService<TContext extends SubgraphContextBase>(options: {
  name: SubgraphName;
  typeDefs: DocumentNode;
  /** The subgraph's resolver map, typed by its generated `Resolvers` (subgraphs/<name>/generated). */
  resolvers: SubgraphResolvers;
  db: Db;
  bus?: InvalidationBus;
  createContext(user: AuthUser | null, caller: CallerHeaders, changes: ChangeSet): TContext;
  /** Consumers of other subgraphs' events (started here, stopped with the service); they log with its logger. */
  consumers?: (logger: Logger) => EventConsumer[];
}): Promise<SubgraphService<TContext>> {
  const bus = options.bus ?? localBus;
  // Events in outboxes are numbered into this database's stream (served at /events).
  installEventStream();
  await ensureEventIndexes(options.db);
  await ensureEventStream(options.db);
  const schema = buildSubgraphSchema({ typeDefs: options.typeDefs, resolvers: options.resolvers });
  const production = process.env.NODE_ENV === 'production';
  const health = new DatabaseHealth(options.db);
  const metrics = createMetrics(options.name);
  const logger = createLogger(`subgraph-${options.name}`);
  // The client may be shared with other subgraphs (`npm start`): count this database's commands only.
  const stopRecording = recordMongoCommands(options.db.client, metrics, options.name, options.db.databaseName);
  // Idempotency keys (lib/db/idempotency.ts): records expire after IDEMPOTENCY_KEY_TTL_S.
  const idempotencyTtlMs = envInt('IDEMPOTENCY_KEY_TTL_S', DEFAULT_TTL_MS / 1000, 1, 30 * 86_400) * 1000;
  await ensureIdempotencyIndexes(options.db);
  const stopExpiryCleanup = startExpiryCleanup(options.db, Math.min(idempotencyTtlMs, 10 * 60_000), (err) =>
    logger.warn({ err }, 'Removing expired idempotency keys failed; retried at the next interval'),
  );
  const server = new ApolloServer<TContext>({
    schema,
    includeStacktraceInErrorResponses: !production,
    // Our processes own their shutdown (HTTP first, then servers, then the database).
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => {
      // A database that went away is a clear, retryable UNAVAILABLE, never a driver message.
      if (isDatabaseUnreachable(unwrapResolverError(error))) {
        health.markUnavailable();
        return { ...databaseUnavailable(options.name).toJSON(), path: formatted.path };
      }
      if (production && formatted.extensions?.code === 'INTERNAL_SERVER_ERROR') {
        return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      }
      return formatted;
    },
    plugins: [
      // No Apollo usage reporting here, so federated traces (ftv1) would only cost time.
      ApolloServerPluginInlineTraceDisabled(),
      metricsPlugin(metrics, options.name),
      invalidationPlugin<TContext>(options.name, bus, logger, metrics),
      idempotencyPlugin<TContext>(options.name, options.db, logger, health, idempotencyTtlMs),
      {
        // Unexpected errors are logged with the request id the gateway passed on (x-request-id).
        async requestDidStart({ request }) {
          const requestId = request.http?.headers.get(REQUEST_ID_HEADER) ?? undefined;
          return {
            async didEncounterErrors({ errors, operationName }) {
              for (const error of errors) {
                const code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
                const entry = { requestId, operationName, code, path: error.path, err: unwrapResolverError(error) };
                if (code === 'INTERNAL_SERVER_ERROR' || code === 'UNAVAILABLE') logger.error(entry, error.message);
                else logger.debug(entry, error.message);
              }
            },
          };
        },
      },
      {
        // While the database is known to be unreachable, answer at once instead of waiting out the
        // driver's server selection timeout. Status 200 so the gateway passes the code on intact.
        async requestDidStart() {
          return {
            async didResolveOperation({ operation }) {
              if (health.available) return;
              const onlyMeta =
                !!operation &&
                operation.selectionSet.selections.every((s) => s.kind === 'Field' && (s.name.value === '__typename' || s.name.value === '_service'));
              if (!onlyMeta) {
                const error = databaseUnavailable(options.name);
                error.extensions.http = { status: 200 };
                throw error;
              }
            },
          };
        },
      },
    ],
  });
  await server.start();
  const consumers = options.consumers?.(logger) ?? [];
  for (const consumer of consumers) consumer.start();
  return {
    name: options.name,
    server,
    db: options.db,
    health,
    metrics,
    logger,
    consumers,
    createContext: (user = null, caller = {}) => options.createContext(user, caller, new ChangeSet(options.name)),
    stop: async () => {
      await Promise.all(consumers.map((c) => c.stop()));
      stopExpiryCleanup();
      stopRecording();
      health.stop();
      await server.stop();
    },
  };
}

/**
 * After a mutation, publishes what it changed (lib/subgraph/changes.ts) and waits until every gateway
 * process has dropped those cache entries, so the answer reaches the client only after no gateway can
 * serve the old value (read-your-writes). The tags also ride back to the gateway in the answer's
 * `extensions.invalidations`, for gateways not on the bus. A mutation that succeeded without declaring
 * its changes invalidates everything of this subgraph and is logged, so it gets noticed and fixed.
 */
function invalidationPlugin<TContext extends SubgraphContextBase>(
  name: SubgraphName,
  bus: InvalidationBus,
  logger: Logger,
  metrics: Metrics,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue, response }) {
          if (operation?.operation !== 'mutation' || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const changes = contextValue.changes;
          let tags = changes.tags;
          const succeeded = !!result.data && Object.values(result.data).some((v) => v !== null);
          if (!changes.declared && succeeded) {
            tags = [subgraphTag(name)];
            metrics.invalidationFallbacks?.inc({ service: name });
            logger.warn({ operation: operation.name?.value }, 'A mutation declared no changes: every cached answer of this subgraph is invalidated');
          }
          if (tags.length === 0) return;
          await bus.publish(tags);
          result.extensions = { ...result.extensions, invalidations: { tags, declared: changes.declared } };
        },
      };
    },
  };
}

/** An answer given without executing the operation (a replay, or a refusal of the key). */
function answer(result: StoredAnswer): GraphQLResponse {
  return {
    http: { status: 200, headers: new HeaderMap() },
    body: { kind: 'single', singleResult: { data: result.data ?? null, ...(result.errors?.length ? { errors: result.errors } : {}) } },
  };
}

const refusedWith = (error: GraphQLError): GraphQLResponse => answer({ data: null, errors: [error.toJSON()] });

/**
 * Idempotency keys (lib/db/idempotency.ts): a mutation that came with an `Idempotency-Key` (the
 * gateway forwards the client's, or one it made up) runs as one attempt holding the key's record. A
 * repeat of an answered request gets that answer without running again; a repeat while the first
 * attempt runs waits for it (up to the time the caller waits, `x-timeout-ms`); the same key with
 * another request is a CONFLICT naming the key; a change that was applied but whose answer was lost is
 * said so, naming what changed, and never made again. Queries ignore the key.
 */
function idempotencyPlugin<TContext extends SubgraphContextBase>(
  name: SubgraphName,
  db: Db,
  logger: Logger,
  health: DatabaseHealth,
  ttlMs: number,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const scope = requestScope();
      if (!scope?.key) return;
      const key = scope.key;
      let attempt: Attempt | undefined;
      return {
        async responseForOperation({ operation, request, contextValue }) {
          if (operation.operation !== 'mutation') return null;
          // Leave the caller time to hear the answer: a tenth of its wait, at least 100 ms.
          const waitMs = scope.timeoutMs === undefined ? undefined : Math.max(0, scope.timeoutMs - Math.max(100, scope.timeoutMs / 10));
          const hash = requestHash(request.query, request.operationName, request.variables);
          let begun: Begun;
          try {
            begun = await beginAttempt(
              db,
              { key, subject: scope.subject ?? 'anonymous', hash },
              { ttlMs, waitMs, onError: (err) => logger.warn({ err, key }, 'Renewing an idempotency lease failed') },
            );
          } catch (error) {
            if (!isDatabaseUnreachable(error)) throw error;
            health.markUnavailable();
            return refusedWith(databaseUnavailable(name));
          }
          // Anything but a run writes nothing: no cache invalidation is needed.
          if (begun.kind !== 'run') contextValue.changes.unchanged();
          const shown = shownKey(key);
          switch (begun.kind) {
            case 'run':
              attempt = begun.attempt;
              scope.attempt = attempt;
              return null;
            case 'replay':
              logger.debug({ key }, 'Answered a repeated request from its stored answer');
              return answer(begun.answer);
            case 'conflict':
              return refusedWith(
                codedError('CONFLICT', `The Idempotency-Key ${JSON.stringify(shown)} was used for another request: use a new key for a new request.`, {
                  field: 'Idempotency-Key',
                  idempotencyKey: shown,
                }),
              );
            case 'applied':
              return refusedWith(
                codedError(
                  'CONFLICT',
                  `The request with Idempotency-Key ${JSON.stringify(shown)} was applied, but its answer was lost; it is not applied again. ` +
                    `Read ${begun.subjects.join(', ')} to see the outcome.`,
                  { field: 'Idempotency-Key', idempotencyKey: shown, applied: true, changed: begun.subjects },
                ),
              );
            case 'busy':
              return refusedWith(
                codedError(
                  'CONFLICT',
                  `The request with Idempotency-Key ${JSON.stringify(shown)} is still being processed; send it again with the same key for its answer.`,
                  {
                    field: 'Idempotency-Key',
                    idempotencyKey: shown,
                    retryable: true,
                  },
                ),
              );
          }
        },
        async willSendResponse({ response }) {
          if (!attempt) return;
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          try {
            await finishAttempt(attempt, { data: result?.data, errors: result?.errors });
          } catch (err) {
            // The answer still goes out; the record's lease runs out and a retry finds the evidence.
            logger.error({ err, key }, 'Storing the answer of a keyed request failed');
          }
        },
      };
    },
  };
}

/** The key as the client sent it (without the gateway's `#<n>` for a request's later mutation fetches). */
function shownKey(key: string): string {
  return key.replace(/#\d+$/, '');
}
